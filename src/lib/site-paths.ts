/**
 * The site's routes in one place: the paths of its pages and of each document, and its origin.
 * The prefixes come from the content model (src/collections/registry.ts).
 */
import { CONTENT, isContentSlug } from '../collections/registry'

const under = (prefix: string) => (slug: string) => `${prefix}/${slug}`

/** Public paths of the site, shared by pages, links, the sitemap and revalidation. */
export const paths = {
  home: '/',
  projects: CONTENT.projects.route.prefix,
  project: under(CONTENT.projects.route.prefix),
  axes: CONTENT.axes.route.prefix,
  axis: under(CONTENT.axes.route.prefix),
  theme: under(CONTENT.themes.route.prefix),
  articles: CONTENT.articles.route.prefix,
  article: under(CONTENT.articles.route.prefix),
  partners: CONTENT.partners.route.list,
  glossary: CONTENT['glossary-terms'].route.prefix,
  term: under(CONTENT['glossary-terms'].route.prefix),
  /** The page to answer a comment (works without JavaScript; not indexed). */
  commentReply: (id: number | string) => `/commentaires/${id}/repondre`,
} as const

type PathDoc = { slug?: unknown; breadcrumbs?: unknown }
type Route = { prefix: string } | { tree: true } | { list: string }
const routeOf = (collection: string): Route | null => (isContentSlug(collection) ? CONTENT[collection].route : null)

/** Path of a page from its breadcrumbs ("/le-labo-de-l-ess/presentation"), else from its slug. */
export function pagePath(doc: PathDoc): string | null {
  if (Array.isArray(doc.breadcrumbs) && doc.breadcrumbs.length > 0) {
    const last = doc.breadcrumbs[doc.breadcrumbs.length - 1] as { url?: unknown } | undefined
    if (typeof last?.url === 'string' && last.url.startsWith('/')) return last.url
  }
  return typeof doc.slug === 'string' && doc.slug ? `/${doc.slug}` : null
}

/**
 * Public path of a document: /projets/<slug>, /axes/<slug>, …, a page's place in the tree; null
 * for a collection without pages of its own (see `listPath`) or a document without a slug.
 */
export function publicPath(collection: string, doc: PathDoc): string | null {
  const route = routeOf(collection)
  if (!route) return null
  if ('tree' in route) return pagePath(doc)
  if (!('prefix' in route) || typeof doc.slug !== 'string' || !doc.slug) return null
  return `${route.prefix}/${doc.slug}`
}

/** Where a document is read: its own page, else the list that shows it (partners). */
export function readingPath(collection: string, doc: PathDoc): string | null {
  const route = routeOf(collection)
  if (route && 'list' in route) return route.list
  return publicPath(collection, doc)
}

type Env = Record<string, string | undefined>

/** The site's origin as configured (SITE_URL), or null when it is not. */
export const configuredOrigin = (env: Env = process.env): string | null => env.SITE_URL?.trim().replace(/\/+$/, '') || null

/** The canonical origin of the site (SITE_URL, else the local default): canonical links, feeds, sitemaps. */
export const siteOrigin = (env: Env = process.env) => configuredOrigin(env) ?? 'http://localhost:3000'

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

/** The origin of an address from the environment, or a French error naming the variable. */
const originOf = (variable: string, url: string): string => {
  let origin = 'null'
  try {
    origin = new URL(url.trim()).origin
  } catch {
    // reported below
  }
  if (origin === 'null' || !/^https?:/.test(origin)) {
    throw new Error(`${variable} : « ${url.trim()} » n’est pas une adresse http(s) (exemple : https://www.lelabo-ess.org).`)
  }
  return origin
}

/**
 * Every origin the site and the admin are served at: SITE_URL, its loopback twins on this
 * machine (localhost, 127.0.0.1, [::1] on the same port), and SITE_ALIASES (comma-separated:
 * a www or bare-domain twin). Browsers' logged-in requests are accepted from these only (CSRF).
 */
export function siteOrigins(env: Env = process.env): string[] {
  const canonical = new URL(originOf('SITE_URL', siteOrigin(env)))
  const origins = [canonical.origin]
  if (LOOPBACK_HOSTS.includes(canonical.hostname)) {
    for (const host of LOOPBACK_HOSTS) {
      const twin = new URL(canonical.origin)
      twin.hostname = host
      origins.push(twin.origin)
    }
  }
  for (const alias of (env.SITE_ALIASES ?? '').split(',')) {
    if (alias.trim()) origins.push(originOf('SITE_ALIASES', alias))
  }
  return [...new Set(origins)]
}

export const absoluteURL = (path: string) => `${siteOrigin()}${path}`

/** Paths of the app itself, never a page's nor an old address. */
const RESERVED = /^\/(?:api|admin|_next)(?:[/?]|$)/

/**
 * The one form of an address a redirect starts from and a request is looked up by: path and
 * query as given, without origin, fragment, trailing slash or empty query, percent-escapes in
 * capitals ("https://www.lelabo-ess.org/spip.php?article12#forum" → "/spip.php?article12").
 * Null when it is not an address of a page (empty, another scheme, the API or the admin).
 */
export function redirectKey(value: string): string | null {
  const text = value.trim()
  if (!text || /^(?!https?:)[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) return null
  let url: URL
  try {
    url = new URL(/^https?:\/\//i.test(text) ? text : `/${text.replace(/^\/+/, '')}`, 'http://site.invalid')
  } catch {
    return null
  }
  const path = url.pathname.replace(/\/+$/, '') || '/'
  const key = `${path}${url.search === '?' ? '' : url.search}`.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase())
  return RESERVED.test(key) ? null : key
}
