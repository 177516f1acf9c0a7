/**
 * A visitor's post checked in one round trip: its target (status, mode, title), the settings
 * version, the duplicate check and the flood counter's upsert are one statement, run in the
 * comment's transaction, so that a refused post (400, 403, 409, 429 or any later error) rolls its
 * increment back. The statement is prepared once per target collection and connection.
 */
import { sql } from '@payloadcms/db-postgres'
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { hasDrafts } from '../../lib/publication'
import { hitFlood, sweep, type FloodHit } from './flood'
import { cachedPolicy, policyOfVersion, resolvePolicy, settingsTableOf, settingsVersionSQL, type ResolvedOptions } from './settings'
import { drizzleTableOf } from '../shared/sql'
import { prepared, runPrepared, tableOf, type SQL } from './sql'
import type { ResolvedPolicy } from './types'

export type Screening = {
  /** The published target with `_status`, `commentMode` and its title field, or null. */
  target: Record<string, unknown> | null
  policy: ResolvedPolicy
  /** A comment (not in the trash) already has this fingerprint: same page, author and body. */
  duplicate: boolean
  /** The flood counter after this post; null without an address, for a duplicate or a missing target. */
  flood: FloodHit | null
}

type Row = {
  found: boolean
  status: string | null
  mode: string | null
  title: string | null
  version: string | null
  duplicate: boolean
  count: string | number | null
  retry_after: string | number | null
}

/** The target's table (where `draft: false` reads it) and whether its collection has drafts. */
function targetTable(payload: Payload, slug: string) {
  const table = drizzleTableOf(payload, slug)
  const collection = payload.collections[slug as CollectionSlug]
  if (!table || !collection || !table.id) return null
  return { table, drafts: hasDrafts(collection.config) }
}

/**
 * The screening statement for one target collection, built once: the per-post values (target id,
 * fingerprint, address hash, settings version, flood window) are placeholders.
 */
function screenStatement(payload: Payload, options: ResolvedOptions, slug: string, title: string | undefined) {
  const target = targetTable(payload, slug)
  if (!target) return null
  const settings = settingsTableOf(payload, options)
  const statement = prepared(payload, `comments-screen:${options.slug}:${slug}:${title ?? ''}`, () => {
    const { table, drafts } = target
    const column = (field: string | undefined): SQL => (field && table[field] ? sql`${table[field]}::text` : sql`NULL::text`)
    const comments = tableOf(payload, options.slug)
    const flood = tableOf(payload, options.floodSlug)
    const ipHash = sql`${sql.placeholder('ipHash')}::text`
    const version = settings ? settingsVersionSQL(settings) : sql`NULL::text`
    const current = settings ? sql`(SELECT v FROM settings) = ${sql.placeholder('version')}::text` : sql`true`
    const published = drafts ? sql`(SELECT status FROM target) = 'published'` : sql`EXISTS (SELECT 1 FROM target)`
    const window = sql`make_interval(secs => ${sql.placeholder('windowSeconds')}::double precision)`
    return sql`WITH target AS (
          SELECT ${column(drafts ? '_status' : undefined)} AS status, ${column('commentMode')} AS mode, ${column(title)} AS title
          FROM ${table} WHERE ${table.id} = ${sql.placeholder('id')}
        ),
        settings AS (SELECT ${version} AS v),
        dup AS (SELECT EXISTS (SELECT 1 FROM ${comments} WHERE "fingerprint" = ${sql.placeholder('fingerprint')}::text AND "deleted_at" IS NULL) AS d),
        hit AS (
          INSERT INTO ${flood} AS f ("key", "window_start", "count", "updated_at", "created_at")
          SELECT ${ipHash}, now(), 1, now(), now()
          WHERE ${ipHash} IS NOT NULL AND coalesce(${published}, false) AND NOT (SELECT d FROM dup) AND ${current}
          ON CONFLICT ("key") DO UPDATE SET
            "count" = CASE WHEN f."window_start" <= now() - ${window} THEN 1 ELSE f."count" + 1 END,
            "window_start" = CASE WHEN f."window_start" <= now() - ${window} THEN now() ELSE f."window_start" END,
            "updated_at" = now()
          RETURNING "count", ceil(extract(epoch FROM (f."window_start" + ${window} - now()))) AS retry_after
        )
        SELECT EXISTS (SELECT 1 FROM target) AS found, target.status, target.mode, target.title,
          settings.v AS version, dup.d AS duplicate, hit.count, hit.retry_after
        FROM settings CROSS JOIN dup LEFT JOIN target ON true LEFT JOIN hit ON true`
  })
  return statement ? { statement, drafts: target.drafts, settings: Boolean(settings) } : null
}

export async function screenPost(
  payload: Payload,
  options: ResolvedOptions,
  input: { ref: { relationTo: string; value: number }; title: string | undefined; fingerprint: string; ipHash: string | null },
  req?: Partial<PayloadRequest>,
): Promise<Screening> {
  const screen = screenStatement(payload, options, input.ref.relationTo, input.title)
  if (!screen) return { target: null, policy: await resolvePolicy(payload, options, req as PayloadRequest), duplicate: false, flood: null }
  const settings = screen.settings
  const cached = settings ? cachedPolicy(payload, options) : undefined
  const known = settings ? cached?.policy : await resolvePolicy(payload, options, req as PayloadRequest)
  const rows = await runPrepared<Row>(
    payload,
    screen.statement,
    {
      id: input.ref.value,
      fingerprint: input.fingerprint,
      ipHash: input.ipHash,
      version: cached?.version ?? null,
      windowSeconds: known?.floodWindowSeconds ?? 0,
    },
    req,
  )
  const row = rows[0]
  const found = Boolean(row?.found) && (!screen.drafts || row?.status === 'published')
  const doc = found
    ? { _status: row!.status, commentMode: row!.mode, ...(input.title ? { [input.title]: row!.title } : {}) }
    : null
  const duplicate = Boolean(row?.duplicate)
  if (known && (!settings || row?.version === cached?.version)) {
    const hit = row?.count === null || row?.count === undefined ? null : { count: Number(row.count), retryAfter: Math.max(1, Number(row.retry_after ?? known.floodWindowSeconds)) }
    if (hit) sweep(payload, options.floodSlug, known.floodWindowSeconds)
    return { target: doc, policy: known, duplicate, flood: hit }
  }
  // The settings changed since this instance last read them: read them, then count this post.
  const policy = await policyOfVersion(payload, options, row?.version ?? 'never saved', req as PayloadRequest)
  const hit = doc && !duplicate && input.ipHash ? await hitFlood(payload, options.floodSlug, input.ipHash, policy.floodWindowSeconds, req) : null
  return { target: doc, policy, duplicate, flood: hit }
}
