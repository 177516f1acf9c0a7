import pg from 'pg'

type Query = (...args: unknown[]) => unknown

/**
 * Runs `fn` and counts the SQL statements sent to Postgres meanwhile, by every pg client of the
 * process (Payload's pool included: pool.query goes through Client#query).
 */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const proto = pg.Client.prototype as unknown as { query: Query }
  const original = proto.query
  let queries = 0
  proto.query = function (this: unknown, ...args: unknown[]) {
    queries++
    return original.apply(this, args)
  }
  try {
    const result = await fn()
    return { result, queries }
  } finally {
    proto.query = original
  }
}
