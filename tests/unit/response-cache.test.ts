import { describe, expect, it } from 'vitest'

import { ResponseCache, type CachedAnswer } from '../../src/lib/http/response-cache'

const answer = (bytes: number, etag = '"e"'): CachedAnswer => ({ status: 200, headers: [['content-type', 'application/json']], body: new Uint8Array(bytes), etag })

describe('ResponseCache', () => {
  it('serves an answer only at the generation it was stored at', () => {
    const cache = new ResponseCache()
    cache.set('/api/articles', 'g1', answer(10))
    expect(cache.get('/api/articles', 'g1')?.body.byteLength).toBe(10)
    expect(cache.get('/api/articles', 'g2')).toBeUndefined()
    // The outdated entry is gone, and its bytes with it.
    expect(cache.size).toBe(0)
    expect(cache.totalBytes).toBe(0)
    expect(cache.get('/api/articles', 'g1')).toBeUndefined()
  })

  it('drops the least recently used entries beyond its entry and byte bounds', () => {
    const cache = new ResponseCache({ maxEntries: 3, maxBytes: 100, maxEntryBytes: 60 })
    cache.set('a', 'g', answer(10))
    cache.set('b', 'g', answer(10))
    cache.set('c', 'g', answer(10))
    cache.get('a', 'g')
    cache.set('d', 'g', answer(10))
    expect(cache.get('b', 'g')).toBeUndefined()
    expect(['a', 'c', 'd'].map((k) => Boolean(cache.get(k, 'g')))).toEqual([true, true, true])
    cache.set('e', 'g', answer(60))
    cache.set('f', 'g', answer(35))
    expect(cache.totalBytes).toBeLessThanOrEqual(100)
    // e (60) and f (35) fit; c and d made room.
    expect(['c', 'd', 'e', 'f'].map((k) => Boolean(cache.get(k, 'g')))).toEqual([false, false, true, true])
  })

  it('does not keep an answer larger than one entry may be, and replaces an entry in place', () => {
    const cache = new ResponseCache({ maxEntryBytes: 50 })
    expect(cache.set('big', 'g', answer(51))).toBe(false)
    expect(cache.size).toBe(0)
    cache.set('k', 'g', answer(10, '"1"'))
    cache.set('k', 'g', answer(20, '"2"'))
    expect(cache.size).toBe(1)
    expect(cache.totalBytes).toBe(20)
    expect(cache.get('k', 'g')?.etag).toBe('"2"')
    cache.clear()
    expect(cache.totalBytes).toBe(0)
  })
})
