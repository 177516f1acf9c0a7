import { describe, expect, it } from 'vitest'

import { backoff } from '../../scripts/lib/backoff'

describe('restart back-off', () => {
  it('waits twice as long each time the process dies soon after starting, up to 30 s', () => {
    const b = backoff()
    expect([1, 2, 3, 4, 5, 6, 7].map(() => b.afterExit(5_000))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000])
  })

  it('starts afresh after a process that ran a while', () => {
    const b = backoff()
    b.afterExit(1_000)
    b.afterExit(1_000)
    expect(b.afterExit(3_600_000)).toBe(1_000)
    expect(b.afterExit(1_000)).toBe(1_000)
  })

  it('gives up on a process that dies at once, again and again', () => {
    const b = backoff({ firstMs: 10, maxMs: 100, stableAfterMs: 1_000, maxQuickFailures: 3 })
    expect([b.afterExit(0), b.afterExit(0), b.afterExit(0), b.afterExit(0)]).toEqual([10, 20, 40, null])
  })
})
