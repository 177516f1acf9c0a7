/**
 * When to restart a process that died: at once the first time, then waiting twice as long each
 * time it dies again soon after its start, up to 30 s; a process that ran a while starts afresh.
 */
export const BACKOFF = { firstMs: 1_000, maxMs: 30_000, stableAfterMs: 60_000, maxQuickFailures: 8 }

export type Backoff = {
  /** The delay before the next start, or null to give up (it dies at once, again and again). */
  afterExit: (ranForMs: number) => number | null
}

export function backoff(options = BACKOFF): Backoff {
  let quickFailures = 0
  return {
    afterExit(ranForMs) {
      quickFailures = ranForMs >= options.stableAfterMs ? 0 : quickFailures + 1
      if (quickFailures > options.maxQuickFailures) return null
      if (quickFailures === 0) return options.firstMs
      return Math.min(options.maxMs, options.firstMs * 2 ** (quickFailures - 1))
    },
  }
}
