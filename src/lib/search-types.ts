/** The collections the site search covers, and how a visitor reads their names. Pure. */
import { CONTENT, CONTENT_SLUGS, type ContentSlug } from '../collections/registry'

/** Every collection a visitor reads is searchable. */
export const SEARCH_TYPES: readonly ContentSlug[] = CONTENT_SLUGS

export type SearchType = ContentSlug

/** French names of each type: one result, several, and the filter's option. */
export const SEARCH_TYPE_LABELS = Object.fromEntries(CONTENT_SLUGS.map((slug) => [slug, CONTENT[slug].names])) as Record<
  SearchType,
  (typeof CONTENT)[SearchType]['names']
>

export const isSearchType = (value: unknown): value is SearchType => SEARCH_TYPES.includes(value as SearchType)
