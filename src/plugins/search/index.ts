/**
 * French full-text search over the published content, as a Payload plugin:
 *
 *   searchPlugin()                                   // every searchable collection
 *   searchPlugin({ collections: ['articles'] })      // some of them
 *
 * - hooks on each collection keep one index table (`search.documents`, Postgres full-text search
 *   with the `search.fr_unaccent` configuration: French stemming, accents and stop words
 *   ignored) in step with publication: published versions only, never drafts;
 * - GET /api/search (see ./endpoint.ts), and `searchSite()` for the site's /recherche page;
 * - `reindexAll()` rebuilds everything (`npm run reindex`); at start-up the index is rebuilt
 *   once if it was never built or INDEX_VERSION changed.
 *
 * The SQL objects come from the migration `*_search`; `npm run dev` (schema push, no
 * migrations) creates them at start-up instead.
 */
import type { CollectionConfig, Config, Plugin } from 'payload'

import { SEARCH_TYPES, type SearchType } from '../../lib/search-types'
import { schemaPushed } from '../shared/sql'
import { searchEndpoint } from './endpoint'
import { ensureDevSchema, executorFor, INDEX_VERSION, indexVersion, schemaReady } from './sql'
import { afterChangeHook, afterDeleteHook, reindexAll } from './sync'

export { searchSite, parseSearchInput, type SearchResponse, type SearchResultDoc, type SearchOutcome } from './service'
export { reindexAll, syncDocument, SKIP_SEARCH_INDEX } from './sync'
export { documentsContaining, INDEX_VERSION, TS_CONFIG, type IndexedText } from './sql'

export type SearchPluginOptions = {
  enabled?: boolean
  /** Collections to index (all the searchable ones by default). */
  collections?: SearchType[]
  /** Rebuild a never-built or outdated index at start-up (default true). */
  reindexOnInit?: boolean
}

const withHooks = (collection: CollectionConfig, slug: SearchType): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: [...(collection.hooks?.afterChange ?? []), afterChangeHook(slug)],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), afterDeleteHook(slug)],
  },
})

export const searchPlugin =
  (options: SearchPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const collections = options.collections ?? [...SEARCH_TYPES]
    for (const slug of collections) {
      if (!(config.collections ?? []).some((c) => c.slug === slug)) throw new Error(`searchPlugin: unknown collection "${slug}"`)
    }
    return {
      ...config,
      collections: (config.collections ?? []).map((c) =>
        collections.includes(c.slug as SearchType) ? withHooks(c, c.slug as SearchType) : c,
      ),
      endpoints: [...(config.endpoints ?? []), searchEndpoint(collections)],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        if (options.reindexOnInit === false) return
        try {
          const exec = await executorFor(payload)
          if (schemaPushed(payload)) await ensureDevSchema(exec)
          // The search schema comes with the migrations, which may run after this start-up.
          if (!(await schemaReady(exec))) return
          const version = await indexVersion(exec)
          if (version === INDEX_VERSION) return
          const count = await reindexAll(payload, collections, { onlyIfStale: true })
          if (count !== null) payload.logger.info(`search: index rebuilt (${count} documents)`)
        } catch (err) {
          payload.logger.error({ err, msg: 'search: the index could not be checked at start-up (npm run reindex rebuilds it)' })
        }
      },
    }
  }
