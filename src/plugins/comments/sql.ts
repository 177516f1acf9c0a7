/**
 * The few statements the plugin runs in SQL (atomic or grouped work the Local API cannot do).
 * They run on the request's transaction when there is one: a second pool connection taken
 * while a transaction holds one would deadlock once every connection is held that way.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { executorFor, prepared, runPrepared, tableOf, type Prepared, type SQL } from '../shared/sql'

export { prepared, runPrepared, tableOf, type Prepared, type SQL }

export async function run<R extends Record<string, unknown>>(payload: Payload, query: SQL, req?: Partial<PayloadRequest>): Promise<R[]> {
  const db = await executorFor(payload, req)
  return (await db.execute(query)).rows as R[]
}

/** "articles:12": how the comments point at their target in SQL. */
export const targetKeyOf = (collection: string, id: unknown): string => `${collection}:${String(id)}`

/** Whether a comment (not in the trash) already has this fingerprint: same page, author and body. */
export async function hasDuplicate(payload: Payload, commentsSlug: string, fingerprint: string, req?: Partial<PayloadRequest>): Promise<boolean> {
  const rows = await run(
    payload,
    sql`SELECT 1 FROM ${tableOf(payload, commentsSlug)} WHERE "fingerprint" = ${fingerprint} AND "deleted_at" IS NULL LIMIT 1`,
    req,
  )
  return rows.length > 0
}

/** Marks the comments of a target as (not) on a published page. */
export async function setTargetPublished(
  payload: Payload,
  commentsSlug: string,
  targetKey: string,
  published: boolean,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  await run(
    payload,
    sql`UPDATE ${tableOf(payload, commentsSlug)} SET "target_published" = ${published}
        WHERE "target_key" = ${targetKey} AND "target_published" IS DISTINCT FROM ${published}`,
    req,
  )
}

/**
 * Number of public comments (approved, on a published page, not in the trash) per target key.
 * Keys without comments are reported with 0.
 */
export async function countApprovedComments(
  payload: Payload,
  targets: { keys?: string[]; collection?: string },
  commentsSlug = 'comments',
): Promise<Record<string, number>> {
  const base = sql`SELECT "target_key" AS key, count(*)::int AS n FROM ${tableOf(payload, commentsSlug)}
    WHERE "status" = 'approved' AND "target_published" = true AND "deleted_at" IS NULL`
  const result: Record<string, number> = {}
  let filter: SQL
  if (targets.keys) {
    if (targets.keys.length === 0) return result
    for (const key of targets.keys) result[key] = 0
    filter = sql`AND "target_key" IN (${sql.join(
      targets.keys.map((key) => sql`${key}`),
      sql`, `,
    )})`
  } else if (targets.collection) {
    filter = sql`AND "target_key" LIKE ${`${targets.collection.replace(/[%_\\]/g, '\\$&')}:%`}`
  } else {
    return result
  }
  const rows = await run<{ key: string; n: number }>(payload, sql`${base} ${filter} GROUP BY 1`)
  for (const row of rows) result[row.key] = Number(row.n)
  return result
}
