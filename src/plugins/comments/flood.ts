/**
 * Flood counters in Postgres, so that every app instance sees the same counts: one row per
 * address hash with a fixed window, incremented atomically by an upsert. The table belongs to a
 * hidden Payload collection (so migrations create it); its rows are written here in SQL.
 *
 * The upsert runs in the comment's transaction: concurrent comments from one address queue on
 * the row lock, so the count is exact; a refused comment (429, or any later error) rolls its
 * increment back, so only comments actually stored count.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { run, tableOf } from './sql'

export type FloodHit = {
  /** Comments counted in the current window, this one included. */
  count: number
  /** Seconds until the window ends. */
  retryAfter: number
}

/** Now and then, forget the windows that ended long ago (outside the transaction). */
export function sweep(payload: Payload, floodSlug: string, windowSeconds: number): void {
  if (Math.random() >= 0.01) return
  run(payload, sql`DELETE FROM ${tableOf(payload, floodSlug)} WHERE "window_start" < now() - make_interval(secs => ${Math.max(windowSeconds, 86400)}::double precision)`).catch(
    () => {},
  )
}

export async function hitFlood(payload: Payload, floodSlug: string, key: string, windowSeconds: number, req?: Partial<PayloadRequest>): Promise<FloodHit> {
  const table = tableOf(payload, floodSlug)
  const window = sql`make_interval(secs => ${windowSeconds}::double precision)`
  const rows = await run<{ count: string | number; retry_after: string | number }>(
    payload,
    sql`INSERT INTO ${table} AS f ("key", "window_start", "count", "updated_at", "created_at")
        VALUES (${key}, now(), 1, now(), now())
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE WHEN f."window_start" <= now() - ${window} THEN 1 ELSE f."count" + 1 END,
          "window_start" = CASE WHEN f."window_start" <= now() - ${window} THEN now() ELSE f."window_start" END,
          "updated_at" = now()
        RETURNING "count", ceil(extract(epoch FROM (f."window_start" + ${window} - now()))) AS retry_after`,
    req,
  )
  sweep(payload, floodSlug, windowSeconds)
  const row = rows[0]
  return { count: Number(row?.count ?? 1), retryAfter: Math.max(1, Number(row?.retry_after ?? windowSeconds)) }
}
