/**
 * GET /api/search?q=…&type=…&page=…&limit=…: the published documents matching a French
 * full-text query, best first.
 *
 * - q: the query, websearch syntax ("phrase exacte", -exclu, mot1 OR mot2), 200 characters at most;
 * - type: a collection slug, or several separated by commas (articles, projects, axes, themes,
 *   pages, glossary-terms, partners); all by default;
 * - page (from 1) and limit (1 to 50, 10 by default).
 *
 * 200: { query, types, docs: [{ type, typeLabel, id, title, url, absoluteUrl, excerpt, rank,
 * publishedAt }], totalDocs, totalCapped, limit, page, totalPages, hasPrevPage, hasNextPage, prevPage, nextPage }
 * totalDocs is exact up to 500 matches; beyond, it is 500 with totalCapped: true (and the pages
 * stop there: nobody reads the 101st page of a search).
 * 400: { errors: [{ code, field, message }] } with a French message and a stable code
 * (QUERY_EMPTY, QUERY_TOO_LONG, QUERY_NO_WORDS, QUERY_ONLY_STOPWORDS, QUERY_ONLY_EXCLUSIONS,
 * TYPE_UNKNOWN, PAGE_INVALID, LIMIT_INVALID).
 * 503: { errors: [{ code: 'SEARCH_UNAVAILABLE', message }] } when the index cannot be read.
 *
 * Whoever asks (anonymous, API key, editor), only published documents are returned: the index
 * holds nothing else, and each result is checked against its collection's table.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { configuredOrigin } from '../../lib/site-paths'
import type { SearchType } from '../../lib/search-types'
import { searchSite } from './service'

const params = (req: PayloadRequest): URLSearchParams => req.searchParams ?? new URL(req.url ?? '', 'http://localhost').searchParams

export const searchEndpoint = (collections: readonly SearchType[]): Endpoint => ({
  path: '/search',
  method: 'get',
  handler: async (req) => {
    const p = params(req)
    try {
      const outcome = await searchSite(
        req.payload,
        { q: p.getAll('q'), type: p.getAll('type'), page: p.getAll('page'), limit: p.getAll('limit') },
        { collections },
      )
      if (!outcome.ok) return Response.json({ errors: [outcome.error] }, { status: outcome.status })
      const base = configuredOrigin()
      const docs = outcome.result.docs.map((doc) => ({ ...doc, absoluteUrl: base ? `${base}${doc.url}` : null }))
      return Response.json({ ...outcome.result, docs })
    } catch (err) {
      req.payload.logger.error({ err, msg: 'search: query failed' })
      return Response.json(
        { errors: [{ code: 'SEARCH_UNAVAILABLE', message: 'La recherche est momentanément indisponible. Réessayez dans quelques instants.' }] },
        { status: 503 },
      )
    }
  },
})
