/**
 * The throttle's counters in Postgres (login_throttle.counters, src/migrations/sql/login-throttle.ts),
 * as the comments' flood counter does it: one row per (scope, key) with a fixed window,
 * incremented by one atomic upsert, so that concurrent requests, on any instance, each see an
 * exact count. The database's clock decides the windows (one clock for every instance).
 */
import { createHmac } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { executorFor } from '../shared/sql'
import type { Hit, Limits, Scope } from './limits'

const TABLE = sql.raw('login_throttle.counters')

/** A hit, and what gives it back. */
export type Counted = Hit & { scope: Scope; key: string; windowStart: string }

/** A keyed hash of an address or an e-mail: the table holds neither. */
export const keyOf = (secret: string, value: string): string =>
  createHmac('sha256', secret).update(`login-throttle:${value}`).digest('base64url')

const rowsOf = async (payload: Payload, query: ReturnType<typeof sql>, req?: Partial<PayloadRequest>) =>
  (await (await executorFor(payload, req)).execute(query)).rows

/** Counts one more in the scope's current window (a new window once the last one ended). */
export async function hit(payload: Payload, limits: Limits, scope: Scope, key: string, req?: Partial<PayloadRequest>): Promise<Counted> {
  const seconds = limits[scope].windowSeconds
  const window = sql`make_interval(secs => ${seconds}::double precision)`
  const [row] = await rowsOf(
    payload,
    sql`INSERT INTO ${TABLE} AS c ("scope", "key", "window_start", "count") VALUES (${scope}, ${key}, now(), 1)
        ON CONFLICT ("scope", "key") DO UPDATE SET
          "count" = CASE WHEN c."window_start" <= now() - ${window} THEN 1 ELSE c."count" + 1 END,
          "window_start" = CASE WHEN c."window_start" <= now() - ${window} THEN now() ELSE c."window_start" END
        RETURNING c."count", c."window_start"::text AS window_start,
          ceil(extract(epoch FROM (c."window_start" + ${window} - now()))) AS retry_after`,
    req,
  )
  return {
    scope,
    key,
    count: Number(row?.count ?? 1),
    windowStart: String(row?.window_start ?? ''),
    retryAfter: Math.max(1, Number(row?.retry_after ?? seconds)),
  }
}

/** Gives a hit back (a login that succeeded), unless its window has ended since. */
export async function refund(payload: Payload, counted: Counted, req?: Partial<PayloadRequest>): Promise<void> {
  await rowsOf(
    payload,
    sql`UPDATE ${TABLE} SET "count" = greatest("count" - 1, 0)
        WHERE "scope" = ${counted.scope} AND "key" = ${counted.key} AND "window_start" = ${counted.windowStart}::timestamptz`,
    req,
  )
}

/** Forgets a key's counters in these scopes (an unlock, a password reset). */
export async function clear(payload: Payload, scopes: readonly Scope[], key: string, req?: Partial<PayloadRequest>): Promise<void> {
  await rowsOf(
    payload,
    sql`DELETE FROM ${TABLE} WHERE "key" = ${key} AND "scope" IN (${sql.join(
      scopes.map((scope) => sql`${scope}`),
      sql`, `,
    )})`,
    req,
  )
}

/** Now and then, forgets the windows that ended long ago (on its own connection, not awaited). */
export function sweep(payload: Payload, limits: Limits): void {
  if (Math.random() >= 0.01) return
  const longest = Math.max(86400, ...Object.values(limits).map((l) => l.windowSeconds))
  rowsOf(payload, sql`DELETE FROM ${TABLE} WHERE "window_start" < now() - make_interval(secs => ${longest}::double precision)`).catch(() => {})
}
