/**
 * Keeps the index in step with what the public can read:
 *
 * - a document is indexed when its published version changes, and removed when it is
 *   unpublished or deleted; drafts are never indexed (a draft saved over a published document
 *   leaves the published version in the index, as on the site);
 * - "published" means: the main version has `_status: 'published'` in a collection with drafts,
 *   or simply exists in a collection without (partners). These are exactly the documents the
 *   collections' read access (publishedOrStaff, anyone) shows an anonymous visitor.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, CollectionSlug, Payload, PayloadRequest } from 'payload'

import { indexRowOf, type IndexRow } from '../../lib/search-documents'
import { hasDrafts, isPublicVersion } from '../../lib/publication'
import type { SearchType } from '../../lib/search-types'
import { deleteRow, executorFor, isMissingSchema, replaceIndex, upsertRows, type Executor } from './sql'

/** `context[SKIP_SEARCH_INDEX] = true` on a Local API call leaves the index alone. */
export const SKIP_SEARCH_INDEX = 'skipSearchIndex'


const draftsOf = (payload: Payload, slug: string): boolean => hasDrafts(payload.collections[slug as CollectionSlug]?.config)

type Doc = Record<string, unknown> & { id: number | string; _status?: unknown; deletedAt?: unknown }

/** Whether the public sees this (main) version of a document. */
const isPublic = (doc: Doc | null | undefined, drafts: boolean): doc is Doc => isPublicVersion(doc, drafts)

/** Runs `fn` in a savepoint: a failure never poisons the surrounding transaction. */
const inSavepoint = (exec: Executor, fn: (tx: Executor) => Promise<void>) => exec.transaction(fn)

/**
 * Brings the index row of one document up to date, inside the request's transaction. An index
 * that cannot be written never loses an editor's work: the failure is logged (and the
 * document reindexed by `npm run reindex`), except when removing a document that must no longer
 * be public: then the change is refused rather than leaving it searchable.
 */
export async function syncDocument(req: PayloadRequest, collection: SearchType, id: number | string): Promise<void> {
  const { payload } = req
  const drafts = draftsOf(payload, collection)
  // The main version, as the public gets it (a draft save leaves it untouched).
  const current = (await payload.findByID({
    collection: collection as CollectionSlug,
    id,
    depth: 0,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Doc | null
  const row = isPublic(current, drafts) ? indexRowOf(collection, current) : null
  const exec = await executorFor(payload, req)
  try {
    await inSavepoint(exec, (tx) => (row ? upsertRows(tx, [row]) : deleteRow(tx, collection, id)))
  } catch (err) {
    if (isMissingSchema(err)) {
      payload.logger.warn(`search: index missing (migrations not applied?), ${collection} ${id} not indexed`)
      return
    }
    payload.logger.error({ err, msg: `search: could not ${row ? 'index' : 'unindex'} ${collection} ${id}` })
    if (!row) throw new Error('Le document n’a pas pu être retiré de la recherche du site : réessayez.')
  }
}

export const afterChangeHook =
  (collection: SearchType): CollectionAfterChangeHook =>
  async ({ doc, req, context }) => {
    if (!context?.[SKIP_SEARCH_INDEX]) await syncDocument(req, collection, doc.id)
    return doc
  }

export const afterDeleteHook =
  (collection: SearchType): CollectionAfterDeleteHook =>
  async ({ id, req, context }) => {
    if (context?.[SKIP_SEARCH_INDEX]) return
    try {
      const exec = await executorFor(req.payload, req)
      await inSavepoint(exec, (tx) => deleteRow(tx, collection, id))
    } catch (err) {
      if (isMissingSchema(err)) return
      req.payload.logger.error({ err, msg: `search: could not unindex ${collection} ${id}` })
      throw new Error('Le document n’a pas pu être retiré de la recherche du site : réessayez.')
    }
  }

/** The index rows of every public document of the given collections. */
export async function collectRows(payload: Payload, collections: readonly SearchType[]): Promise<IndexRow[]> {
  const rows: IndexRow[] = []
  for (const collection of collections) {
    const drafts = draftsOf(payload, collection)
    for (let page = 1; ; page++) {
      const result = await payload.find({
        collection: collection as CollectionSlug,
        where: drafts ? { _status: { equals: 'published' } } : undefined,
        draft: false,
        depth: 0,
        limit: 200,
        page,
        sort: 'id',
        overrideAccess: true,
      })
      for (const doc of result.docs as unknown as Doc[]) {
        const row = isPublic(doc, drafts) ? indexRowOf(collection, doc) : null
        if (row) rows.push(row)
      }
      if (!result.hasNextPage) break
    }
  }
  return rows
}

/**
 * Rebuilds the whole index from the documents (the `npm run reindex` command, and once at
 * start-up after a migration or a change of INDEX_VERSION with `onlyIfStale`). Returns the number
 * of documents indexed, or null when the index was already up to date.
 */
export async function reindexAll(
  payload: Payload,
  collections: readonly SearchType[],
  options: { onlyIfStale?: boolean } = {},
): Promise<number | null> {
  const exec = await executorFor(payload)
  return replaceIndex(exec, () => collectRows(payload, collections), options)
}
