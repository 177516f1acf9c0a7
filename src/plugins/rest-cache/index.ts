/**
 * A server-side cache of the public REST API's answers, as a Payload plugin:
 *
 *   restCachePlugin({ exclude: ['users'], affectsPublic: { comments: (doc, prev) => … } })
 *
 * Anonymous GETs (no credentials, no cookie) of the same address get the same answer until a
 * visitor-visible change: every collection and global gets hooks that bump one content
 * generation in Postgres (rest_cache.state, see src/migrations/sql/rest-cache.ts), in the
 * change's own transaction. Before answering, a server reads the generation (one primary-key
 * read) and serves the answer it stored at that generation, or computes and stores a new one.
 * Since the generation lives in the database, a change through any server reaches every
 * server's next answer; read before computing, it can only make an answer stale-marked early,
 * never keep a stale one.
 *
 * Not cached: requests with credentials or cookies (their answer depends on who asks), personal
 * paths, non-200 answers, answers marked no-store or private, and a request sent with
 * `Cache-Control: no-cache` (computed again, then stored).
 */
import { sql } from '@payloadcms/db-postgres'
import type { CollectionConfig, Config, GlobalConfig, PayloadRequest, Plugin } from 'payload'

import { REST_CACHE_UP } from '../../migrations/sql/rest-cache'
import { hasDrafts } from '../../lib/publication'
import type { Doc } from '../revalidate/targets'
import { executorFor, schemaPushed, tableOf } from '../shared/sql'
import { bumpRestCache } from './generation'

export { bumpRestCache, readGeneration } from './generation'
export { withRestCache, restCacheOf } from './http'

/** Skips the bump, for a change the caller knows no visitor can see. */
export const SKIP_REST_CACHE = 'skipRestCache'

export type RestCacheOptions = {
  enabled?: boolean
  /** Collections whose changes never show in an anonymous answer (staff-only data, logs). */
  exclude?: string[]
  /** Per collection: whether this change shows in an anonymous answer (default: see publicChange). */
  affectsPublic?: Record<string, (doc: Doc, previous: Doc | undefined) => boolean>
}

/**
 * Whether a change of a collection with drafts shows in anonymous answers: a publication does;
 * a draft saved over a published document does not (Payload leaves the published row as it
 * was, which tells it from an unpublication); a draft over a draft does not.
 */
async function publicChange(slug: string, doc: Doc, previous: Doc | undefined, req: PayloadRequest): Promise<boolean> {
  if (doc._status === 'published') return true
  if (previous?._status !== 'published' || doc.id === undefined) return false
  const exec = await executorFor(req.payload, req)
  const { rows } = await exec.execute(sql`SELECT "_status" AS status FROM ${tableOf(req.payload, slug)} WHERE "id" = ${doc.id}`)
  return rows[0]?.status !== 'published'
}

export const restCachePlugin =
  (options: RestCacheOptions = {}): Plugin =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const exclude = new Set(options.exclude ?? [])
    const withHooks = (c: CollectionConfig): CollectionConfig => {
      if (exclude.has(c.slug)) return c
      const drafts = hasDrafts(c)
      const own = options.affectsPublic?.[c.slug]
      const affects = async (doc: Doc, previous: Doc | undefined, req: PayloadRequest) =>
        own ? own(doc, previous) : drafts ? publicChange(c.slug, doc, previous, req) : true
      return {
        ...c,
        hooks: {
          ...c.hooks,
          afterChange: [
            ...(c.hooks?.afterChange ?? []),
            async ({ doc, previousDoc, req, context }) => {
              if (!context?.[SKIP_REST_CACHE] && (await affects(doc as Doc, previousDoc as Doc | undefined, req))) await bumpRestCache(req.payload, req)
              return doc
            },
          ],
          afterDelete: [
            ...(c.hooks?.afterDelete ?? []),
            async ({ doc, req }) => {
              await bumpRestCache(req.payload, req)
              return doc
            },
          ],
        },
      }
    }
    const withGlobalHooks = (g: GlobalConfig): GlobalConfig => ({
      ...g,
      hooks: {
        ...g.hooks,
        afterChange: [
          ...(g.hooks?.afterChange ?? []),
          async ({ doc, req }) => {
            await bumpRestCache(req.payload, req)
            return doc
          },
        ],
      },
    })
    return {
      ...config,
      collections: (config.collections ?? []).map(withHooks),
      globals: (config.globals ?? []).map(withGlobalHooks),
      onInit: async (payload) => {
        await config.onInit?.(payload)
        // `npm run dev` pushes the schema and runs no migration: the table is created here.
        if (schemaPushed(payload)) {
          const exec = await executorFor(payload)
          for (const statement of REST_CACHE_UP) await exec.execute(sql.raw(statement))
        }
      },
    }
  }
