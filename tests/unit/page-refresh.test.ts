/** The announcements of page refreshes between processes (src/lib/page-refresh.ts); over Postgres in tests/int/page-refresh.test.ts. */
import { describe, expect, it } from 'vitest'

import { decodeRefresh, encodeRefresh, EVERYTHING, instanceId, mergePaths } from '../../src/lib/page-refresh'

describe('page refresh announcements', () => {
  it('merge paths without repeats, the whole site absorbing the rest', () => {
    expect(mergePaths(['/a', '/b'], ['/b', '/c'])).toEqual(['/a', '/b', '/c'])
    expect(mergePaths(['/a'], [EVERYTHING, '/b'])).toEqual([EVERYTHING])
    expect(mergePaths([])).toEqual([])
  })

  it('travel as JSON and come back the same', () => {
    const message = { from: instanceId(), paths: ['/articles/un-article', '/(frontend)/glossaire/[slug]'], applied: true }
    expect(decodeRefresh(encodeRefresh(message))).toEqual(message)
    expect(instanceId()).toContain(String(process.pid))
  })

  it('become the whole site beyond what NOTIFY carries (8,000 bytes)', () => {
    const paths = Array.from({ length: 400 }, (_, i) => `/projets/un-projet-au-nom-assez-long-${i}`)
    const text = encodeRefresh({ from: 'x', paths, applied: false })
    expect(Buffer.byteLength(text)).toBeLessThan(8_000)
    expect(decodeRefresh(text)?.paths).toEqual([EVERYTHING])
    expect(decodeRefresh(encodeRefresh({ from: 'x', paths: paths.slice(0, 50), applied: false }))?.paths).toHaveLength(50)
  })

  it('are refused when malformed', () => {
    for (const text of [undefined, '', 'pas du JSON', '{}', '{"from":1,"paths":[]}', '{"from":"x","paths":"/a"}', '{"from":"x","paths":["javascript:alert(1)"]}', '{"from":"x","paths":[3]}']) {
      expect(decodeRefresh(text), String(text)).toBeNull()
    }
    expect(decodeRefresh('{"from":"x","paths":["/a"]}')).toEqual({ from: 'x', paths: ['/a'], applied: false })
  })
})
