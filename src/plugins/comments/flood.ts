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

import { cachedPolicy, policyOfVersion, resolvePolicy, settingsTableOf, settingsVersionSQL, type ResolvedOptions } from './settings'
import { run, tableOf } from './sql'
import type { ResolvedPolicy } from './types'

export type FloodHit = {
  /** Comments counted in the current window, this one included. */
  count: number
  /** Seconds until the window ends. */
  retryAfter: number
}

/** Now and then, forget the windows that ended long ago (outside the transaction). */
function sweep(payload: Payload, floodSlug: string, windowSeconds: number): void {
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

/** What the server needs to know about a visitor's post before storing it. */
export type Screening = {
  policy: ResolvedPolicy
  /** A comment (not in the trash) already has this fingerprint: same page, author and body. */
  duplicate: boolean
  /** The flood counter after this post, or null without an address (or for a duplicate). */
  flood: FloodHit | null
}

/**
 * The settings version, the duplicate check and the flood counter's upsert in one statement
 * (one round trip instead of three on the hot path). The upsert uses the window of the policy
 * this instance last read, and runs only when that policy is still the one in force and the post
 * is no duplicate; otherwise (rare: settings just saved) the policy is read again and the
 * counter hit on its own. Runs in the comment's transaction, so a refused post (403, 409, 429 or
 * a later error) rolls its increment back.
 */
export async function screenPost(
  payload: Payload,
  options: ResolvedOptions,
  input: { fingerprint: string; ipHash: string | null },
  req?: Partial<PayloadRequest>,
): Promise<Screening> {
  const settings = settingsTableOf(payload, options)
  const cached = settings ? cachedPolicy(payload, options) : undefined
  const known = settings ? cached?.policy : await resolvePolicy(payload, options, req as PayloadRequest)
  const comments = tableOf(payload, options.slug)
  const flood = tableOf(payload, options.floodSlug)
  const version = settings ? settingsVersionSQL(settings) : sql`NULL::text`
  const current = settings ? sql`(SELECT v FROM settings) = ${cached?.version ?? null}::text` : sql`true`
  const window = sql`make_interval(secs => ${known?.floodWindowSeconds ?? 0}::double precision)`
  const rows = await run<{ version: string | null; duplicate: boolean; count: string | number | null; retry_after: string | number | null }>(
    payload,
    sql`WITH settings AS (SELECT ${version} AS v),
        dup AS (SELECT EXISTS (SELECT 1 FROM ${comments} WHERE "fingerprint" = ${input.fingerprint} AND "deleted_at" IS NULL) AS d),
        hit AS (
          INSERT INTO ${flood} AS f ("key", "window_start", "count", "updated_at", "created_at")
          SELECT ${input.ipHash}::text, now(), 1, now(), now()
          WHERE ${input.ipHash}::text IS NOT NULL AND NOT (SELECT d FROM dup) AND ${current}
          ON CONFLICT ("key") DO UPDATE SET
            "count" = CASE WHEN f."window_start" <= now() - ${window} THEN 1 ELSE f."count" + 1 END,
            "window_start" = CASE WHEN f."window_start" <= now() - ${window} THEN now() ELSE f."window_start" END,
            "updated_at" = now()
          RETURNING "count", ceil(extract(epoch FROM (f."window_start" + ${window} - now()))) AS retry_after
        )
        SELECT settings.v AS version, dup.d AS duplicate, hit.count, hit.retry_after FROM settings CROSS JOIN dup LEFT JOIN hit ON true`,
    req,
  )
  const row = rows[0]
  const duplicate = Boolean(row?.duplicate)
  if (known && (!settings || row?.version === cached?.version)) {
    const hit = row?.count === null || row?.count === undefined ? null : { count: Number(row.count), retryAfter: Math.max(1, Number(row.retry_after ?? known.floodWindowSeconds)) }
    if (hit) sweep(payload, options.floodSlug, known.floodWindowSeconds)
    return { policy: known, duplicate, flood: hit }
  }
  // The settings changed since this instance last read them.
  const policy = await policyOfVersion(payload, options, row?.version ?? 'never saved', req as PayloadRequest)
  const hit = !duplicate && input.ipHash ? await hitFlood(payload, options.floodSlug, input.ipHash, policy.floodWindowSeconds, req) : null
  return { policy, duplicate, flood: hit }
}
