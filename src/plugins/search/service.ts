/**
 * The search itself, shared by the REST endpoint (GET /api/search) and the /recherche page:
 * validation, the full-text query on the index, then a check through the Local API (with the
 * caller's access, and `_status: published`) that every result is still public.
 */
import type { CollectionSlug, Payload, TypedUser, Where } from 'payload'

import {
  searchError,
  validateSearchLimit,
  validateSearchPage,
  validateSearchQuery,
  validateSearchTypes,
  type SearchError,
} from '../../lib/search-query'
import { excerptHtml } from '../../lib/search-text'
import { SEARCH_TYPE_LABELS, SEARCH_TYPES, type SearchType } from '../../lib/search-types'
import { deleteRows, executorFor, inspectQuery, searchIndex, type Hit } from './sql'
import { hasDrafts } from './sync'

export type SearchInput = { q?: unknown; type?: unknown; page?: unknown; limit?: unknown }

export type SearchResultDoc = {
  /** Collection slug: articles, projects, axes, themes, pages, glossary-terms, partners. */
  type: SearchType
  /** French name of the type ("Projet"). */
  typeLabel: string
  id: number
  title: string
  /** Path on the public site ("/projets/…"). */
  url: string
  /** Escaped HTML: the only markup is <mark>…</mark> around the words found. */
  excerpt: string
  /** ts_rank: higher is better; comparable within one query only. */
  rank: number
  publishedAt: string | null
}

export type SearchResponse = {
  query: string
  types: SearchType[] | null
  docs: SearchResultDoc[]
  totalDocs: number
  limit: number
  page: number
  totalPages: number
  hasPrevPage: boolean
  hasNextPage: boolean
  prevPage: number | null
  nextPage: number | null
}

export type SearchOutcome = { ok: true; result: SearchResponse } | { ok: false; status: 400; error: SearchError }

export type SearchOptions = {
  /** The caller, for the access check of the results; none for an anonymous visitor. */
  user?: TypedUser | null
  /** Collections the search covers (the plugin's). */
  collections?: readonly SearchType[]
}

/** Validates the parameters; the first problem found is reported. */
export function parseSearchInput(input: SearchInput, collections: readonly SearchType[] = SEARCH_TYPES) {
  const q = validateSearchQuery(input.q)
  if (!q.ok) return q
  const types = validateSearchTypes(input.type, collections)
  if (!types.ok) return types
  const page = validateSearchPage(input.page)
  if (!page.ok) return page
  const limit = validateSearchLimit(input.limit)
  if (!limit.ok) return limit
  return { ok: true as const, value: { query: q.value, types: types.value, page: page.value, limit: limit.value } }
}

/**
 * Drops the hits the caller may not read, through the Local API with `overrideAccess: false`
 * and the caller as user, and only published versions. The index holds published documents
 * only; this guards against an index that missed a change (a row found stale is removed).
 */
async function readableHits(payload: Payload, hits: Hit[], user: TypedUser | null | undefined): Promise<Hit[]> {
  const byType = new Map<SearchType, number[]>()
  for (const hit of hits) byType.set(hit.collection, [...(byType.get(hit.collection) ?? []), hit.id])
  const readable = new Set<string>()
  await Promise.all(
    [...byType].map(async ([collection, ids]) => {
      const slug = collection as CollectionSlug
      const where: Where = hasDrafts(payload.collections[slug]?.config)
        ? { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] }
        : { id: { in: ids } }
      const { docs } = await payload.find({
        collection: slug,
        where,
        draft: false,
        depth: 0,
        limit: ids.length,
        pagination: false,
        overrideAccess: false,
        user: user ?? undefined,
      })
      for (const doc of docs) readable.add(`${collection}:${doc.id}`)
    }),
  )
  const stale = hits.filter((h) => !readable.has(`${h.collection}:${h.id}`))
  if (stale.length) {
    payload.logger.warn({ msg: 'search: dropping results not readable by the caller', stale: stale.map((h) => `${h.collection}:${h.id}`) })
    // Rows of documents no longer public (the index missed their change): repair it.
    const gone = stale.filter((h) => !user)
    if (gone.length) await deleteRows(await executorFor(payload), gone.map((h) => ({ collection: h.collection, id: h.id })))
  }
  return hits.filter((h) => readable.has(`${h.collection}:${h.id}`))
}

/** Searches the published documents. Bad input is a 400 with a French message, never a throw. */
export async function searchSite(payload: Payload, input: SearchInput, options: SearchOptions = {}): Promise<SearchOutcome> {
  const parsed = parseSearchInput(input, options.collections)
  if (!parsed.ok) return { ok: false, status: 400, error: parsed.error }
  const { query, types, page, limit } = parsed.value

  const exec = await executorFor(payload)
  const reading = await inspectQuery(exec, query)
  if (reading === 'stopwords') return { ok: false, status: 400, error: searchError('QUERY_ONLY_STOPWORDS') }
  if (reading === 'exclusions') return { ok: false, status: 400, error: searchError('QUERY_ONLY_EXCLUSIONS') }

  const searchTypes = types ?? (options.collections && options.collections.length < SEARCH_TYPES.length ? [...options.collections] : null)
  const { hits, total } = await searchIndex(exec, { query, types: searchTypes, limit, offset: (page - 1) * limit })
  const visible = await readableHits(payload, hits, options.user)
  const totalDocs = Math.max(0, total - (hits.length - visible.length))
  const totalPages = Math.ceil(totalDocs / limit)

  return {
    ok: true,
    result: {
      query,
      types,
      docs: visible.map((hit) => ({
        type: hit.collection,
        typeLabel: SEARCH_TYPE_LABELS[hit.collection].singular,
        id: hit.id,
        title: hit.title,
        url: hit.url,
        excerpt: excerptHtml(hit.headline),
        rank: Math.round(hit.rank * 1e6) / 1e6,
        publishedAt: hit.publishedAt,
      })),
      totalDocs,
      limit,
      page,
      totalPages,
      hasPrevPage: page > 1,
      hasNextPage: page < totalPages,
      prevPage: page > 1 ? page - 1 : null,
      nextPage: page < totalPages ? page + 1 : null,
    },
  }
}
