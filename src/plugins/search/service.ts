/**
 * The search itself, shared by the REST endpoint (GET /api/search) and the /recherche page:
 * validation, then one SQL query on the index that also checks, for the page's results, that
 * each document is still public in its own table (published, not in the trash).
 *
 * Whoever asks (a visitor, an API key, an editor), the answer is the same: published documents
 * only. Drafts are never in the index, and the check above drops (and deletes) any row the index
 * would have kept by mistake.
 */
import type { Payload } from 'payload'

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
import { deleteStaleRows, executorFor, liveChecksFor, searchIndex } from './sql'

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
  /** The number of matches, exact up to SEARCH_COUNT_CAP (500); beyond, the cap and `totalCapped`. */
  totalDocs: number
  /** More matches than `totalDocs` ("plus de 500 résultats"); pages stop at the cap. */
  totalCapped: boolean
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
  /** Collections the search covers (the plugin's; all the searchable ones by default). */
  collections?: readonly SearchType[]
  /** Matches counted (and all ranked) at most; SEARCH_COUNT_CAP (500) by default. */
  countCap?: number
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

/** Searches the published documents. Bad input is a 400 with a French message, never a throw. */
export async function searchSite(payload: Payload, input: SearchInput, options: SearchOptions = {}): Promise<SearchOutcome> {
  const parsed = parseSearchInput(input, options.collections)
  if (!parsed.ok) return { ok: false, status: 400, error: parsed.error }
  const { query, types, page, limit } = parsed.value

  const exec = await executorFor(payload)
  const collections = options.collections ?? SEARCH_TYPES
  const searchTypes = types ?? (collections.length < SEARCH_TYPES.length ? [...collections] : null)
  const live = liveChecksFor(payload, collections)
  const { hits, total, capped, reading } = await searchIndex(exec, {
    query,
    types: searchTypes,
    limit,
    offset: (page - 1) * limit,
    live,
    ...(options.countCap ? { cap: options.countCap } : {}),
  })
  // One round trip: the query tells how Postgres read the words, and searches only if there is something to find.
  if (reading === 'stopwords') return { ok: false, status: 400, error: searchError('QUERY_ONLY_STOPWORDS') }
  if (reading === 'exclusions') return { ok: false, status: 400, error: searchError('QUERY_ONLY_EXCLUSIONS') }
  const visible = hits.filter((hit) => hit.live)
  const stale = hits.filter((hit) => !hit.live)
  if (stale.length) {
    // A change the index missed (a hook skipped, an edit in SQL): repair it now.
    payload.logger.warn({ msg: 'search: removing index rows of documents no longer public', stale: stale.map((h) => `${h.collection}:${h.id}`) })
    await deleteStaleRows(exec, stale.map((h) => ({ collection: h.collection, id: h.id })), live)
  }
  const totalDocs = capped ? total : Math.max(0, total - stale.length)
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
        excerpt: excerptHtml(hit.headline, { cutBefore: hit.cutBefore }),
        rank: Math.round(hit.rank * 1e6) / 1e6,
        publishedAt: hit.publishedAt,
      })),
      totalDocs,
      totalCapped: capped,
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
