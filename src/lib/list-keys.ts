/**
 * Filtered, paginated list pages (/projets?domaine=…&page=2) are served from a static route
 * (/projets/liste/<key>) so that each combination is rendered once and cached like any other
 * page. The proxy turns the query string into one canonical key; the page turns it back.
 *
 * A key is "tout" (no filter, page 1) or `name-value` pairs joined by "." in a fixed order,
 * e.g. "annee-2012.domaine-emploi.page-2". Values never contain "." (slugs, years, numbers).
 */
import { RUBRIQUES } from '../collections/Articles/options'
import { PROJECT_SCOPES } from '../collections/Projects/options'

export type ListFilters = Record<string, string | undefined>

type Rule = (value: string) => boolean

export type ListSpec = {
  /** Public address of the list. */
  base: string
  /** The static route that renders it, keyed by the last segment. */
  route: string
  /** Accepted parameters, in key order; a value that fails its rule is ignored. */
  params: Record<string, Rule>
}

export const ALL = 'tout'
const MAX_PAGE = 10_000

const isSlug: Rule = (v) => v.length <= 200 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v)
const isYear: Rule = (v) => /^\d{4}$/.test(v)
const isPage: Rule = (v) => /^\d{1,5}$/.test(v) && Number(v) >= 2 && Number(v) <= MAX_PAGE
const oneOf =
  (options: { value: string }[]): Rule =>
  (v) =>
    options.some((o) => o.value === v)

export const PROJECT_LIST: ListSpec = {
  base: '/projets',
  route: '/projets/liste',
  params: { annee: isYear, domaine: isSlug, perimetre: oneOf(PROJECT_SCOPES), page: isPage },
}

export const ARTICLE_LIST: ListSpec = {
  base: '/articles',
  route: '/articles/liste',
  params: { rubrique: oneOf(RUBRIQUES), page: isPage },
}

export const LIST_SPECS = [PROJECT_LIST, ARTICLE_LIST]

/** The spec of a public list address ("/projets"), if it is one. */
export const listSpecOf = (pathname: string): ListSpec | undefined =>
  LIST_SPECS.find((spec) => spec.base === pathname || spec.base + '/' === pathname)

/** Valid filters of a query string, malformed values dropped (as if absent). */
export function filtersFrom(spec: ListSpec, query: URLSearchParams): ListFilters {
  const filters: ListFilters = {}
  for (const [name, rule] of Object.entries(spec.params)) {
    const value = query.get(name)?.trim()
    if (value && rule(value)) filters[name] = value
  }
  return filters
}

/** The canonical key of a set of filters. */
export function encodeListKey(spec: ListSpec, filters: ListFilters): string {
  const parts = Object.keys(spec.params)
    .filter((name) => filters[name] !== undefined && filters[name] !== '' && spec.params[name](filters[name]!))
    .map((name) => `${name}-${filters[name]}`)
  return parts.length ? parts.join('.') : ALL
}

/** Filters of a key, or null when the key is not the canonical form of valid filters. */
export function decodeListKey(spec: ListSpec, key: string): ListFilters | null {
  if (key === ALL) return {}
  const filters: ListFilters = {}
  for (const part of key.split('.')) {
    const dash = part.indexOf('-')
    if (dash < 1) return null
    const name = part.slice(0, dash)
    if (!(name in spec.params) || name in filters) return null
    filters[name] = part.slice(dash + 1)
  }
  return encodeListKey(spec, filters) === key ? filters : null
}

/** The static route a public list address with this query string is served from. */
export const listRoute = (spec: ListSpec, query: URLSearchParams): string =>
  `${spec.route}/${encodeListKey(spec, filtersFrom(spec, query))}`

/** The page number of a set of filters. */
export const pageOf = (filters: ListFilters): number => (filters.page ? Number(filters.page) : 1)

/** Next's route pattern (with its route group) to revalidate every cached variant of a list. */
export const listPattern = (spec: ListSpec): string => `/(frontend)${spec.route}/[cle]`
