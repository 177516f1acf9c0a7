/**
 * What a change invalidates: pure functions from a changed document to the public paths whose
 * cached HTML shows it. `EVERYTHING` stands for the whole site (menus, footer…); a path with a
 * dynamic segment (`/(frontend)/glossaire/[slug]`) for every page of that route.
 */
import { pagePath, publicPath } from '../../lib/site-paths'
import { EVERYTHING } from '../../lib/page-refresh'

export { EVERYTHING }

export type Doc = { id?: number | string; slug?: unknown; breadcrumbs?: unknown; _status?: unknown; [key: string]: unknown }

/** Collections with drafts only matter to the public when the new or the old version is published. */
export function touchesPublic(doc: Doc | undefined, previous: Doc | undefined, hasDrafts: boolean): boolean {
  if (!hasDrafts) return true
  return doc?._status === 'published' || previous?._status === 'published'
}

const LISTS: Record<string, string[]> = {
  projects: ['/', '/projets', '/sitemap.xml'],
  axes: ['/', '/axes', '/sitemap.xml'],
  themes: ['/sitemap.xml'],
  articles: ['/', '/articles', '/rss.xml', '/sitemap.xml'],
  partners: ['/', '/partenaires'],
  // The pages that show the term in a text are the glossary plugin's business (refresh.ts).
  'glossary-terms': ['/glossaire', '/sitemap.xml'],
}

/** Paths of the document itself (old and new address) and of the lists that show it. */
export function ownPaths(collection: string, doc: Doc | undefined, previous: Doc | undefined): string[] {
  // Pages feed the breadcrumbs and menus of many others; tags, media and site-wide settings show
  // up anywhere.
  if (['pages', 'tags', 'media'].includes(collection)) return [EVERYTHING]
  const own = [doc, previous]
    .map((d) => (d ? (collection === 'pages' ? pagePath(d) : publicPath(collection, d)) : null))
    .filter((p): p is string => Boolean(p))
  return unique([...own, ...(LISTS[collection] ?? [])])
}

export const unique = (paths: string[]): string[] => [...new Set(paths)]
