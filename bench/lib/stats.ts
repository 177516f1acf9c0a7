/** Small pure helpers of the benchmark: percentiles, rates, the printed table. */

/** Nearest-rank percentile of an ascending array (p in 0–100); NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!
}

export type LatencySummary = { p50: number; p95: number; p99: number; max: number; mean: number }

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b)
  const mean = sorted.length ? sorted.reduce((s, x) => s + x, 0) / sorted.length : Number.NaN
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN, mean }
}

/** Rows per second, rounded; 0 for a zero duration. */
export const rate = (count: number, ms: number): number => (ms > 0 ? Math.round((count * 1000) / ms) : 0)

/** a / b as a percentage with one decimal; null when b is 0. */
export const ratioPercent = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 1000) / 10 : null)

/** Statement counts at two data sizes: flags growth (any difference counts). */
export function queryGrowth(small: number | null, large: number | null): 'constant' | 'GROWS' | 'shrinks' | 'n/a' {
  if (small === null || large === null) return 'n/a'
  if (large > small) return 'GROWS'
  if (large < small) return 'shrinks'
  return 'constant'
}

/** Number with a fixed count of decimals, or "–" for null/NaN. */
export const fmt = (value: number | null | undefined, decimals = 1): string =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(decimals)

/** A plain-text table: first column left-aligned, the others right-aligned. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return ''
  const columns = Math.max(...rows.map((r) => r.length))
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
  const line = (r: readonly string[]) =>
    widths
      .map((w, c) => (c === 0 ? (r[c] ?? '').padEnd(w) : (r[c] ?? '').padStart(w)))
      .join('  ')
      .trimEnd()
  const [head, ...body] = rows
  return [line(head!), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

/**
 * Counts the statements one application ran, from the Postgres server log with
 * `log_statement = all` and `log_line_prefix = '%a|%p|'` (application, backend pid). Fed with raw
 * chunks of the log as they arrive: Postgres writes each message at once, so a message's first
 * line (which carries the prefix) is never split; continuation lines of long statements do not
 * match. Statements matching `ignore` are left out, with the whole transaction they ran in (its
 * begin and commit): the server's own job runners (the webhooks' queue polls every 5 seconds) are
 * not part of the request being counted.
 */
export function statementCounter(application: string, ignore?: RegExp) {
  const escaped = application.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`^(?:\\[STDERR\\] )?${escaped}\\|(\\d+)\\|\\s*LOG:\\s+((?:statement|execute [^:]*):.*)$`)
  // The first line of each statement (its start is enough to tell what ran when counts differ).
  const seen: string[] = []
  // Per backend, the statements of the transaction in progress, until it ends.
  const open = new Map<string, { texts: string[]; ignored: boolean }>()
  const keyword = (text: string) => text.replace(/^(?:statement|execute [^:]*):\s*/, '').trim().toLowerCase()
  return {
    feed(chunk: string) {
      for (const line of chunk.split('\n')) {
        const match = pattern.exec(line.trimStart())
        if (!match) continue
        const [, pid, statement] = match as unknown as [string, string, string]
        const text = statement.slice(0, 160)
        const word = keyword(statement)
        const tx = open.get(pid)
        if (!tx && (word === 'begin' || word.startsWith('begin ') || word.startsWith('start transaction'))) {
          open.set(pid, { texts: [text], ignored: false })
          continue
        }
        if (!tx) {
          if (!ignore?.test(statement)) seen.push(text)
          continue
        }
        tx.texts.push(text)
        if (ignore?.test(statement)) tx.ignored = true
        if (word === 'commit' || word === 'rollback' || word === 'end') {
          open.delete(pid)
          if (!tx.ignored) seen.push(...tx.texts)
        }
      }
    },
    /** Statements seen so far (those of a transaction count once it has ended). */
    get count() {
      return seen.length
    },
    /** The statements seen since the count was `from`. */
    since(from: number): string[] {
      return seen.slice(from)
    },
  }
}
