/** Whether an address is one of the site's live pages (a redirect from it would hide the page). */
import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { CONTENT, PAGE_COLLECTIONS } from '../../collections/registry'
import { paths } from '../../lib/site-paths'

/** Pages of the app at a fixed path (the lists, search, feeds). */
const FIXED = new Set<string>([
  ...(Object.values(paths) as unknown[]).filter((p): p is string => typeof p === 'string'),
  '/recherche',
  '/rss.xml',
  '/sitemap.xml',
  '/robots.txt',
])

const published = (collection: string): Where[] =>
  CONTENT[collection as keyof typeof CONTENT]?.drafts ? [{ _status: { equals: 'published' } }] : []

/**
 * The published document whose public path is `path` (no query), or a fixed page ({ fixed }),
 * or null. A key with a query is never a page of its own.
 */
export async function livePageAt(path: string, req: PayloadRequest): Promise<{ collection: string; id: number | string } | { fixed: true } | null> {
  if (path.includes('?')) return null
  if (FIXED.has(path)) return { fixed: true }
  for (const collection of PAGE_COLLECTIONS) {
    const route = CONTENT[collection].route
    let where: Where | null = null
    if ('prefix' in route) {
      const slug = path.startsWith(`${route.prefix}/`) ? path.slice(route.prefix.length + 1) : ''
      if (slug && !slug.includes('/')) where = { slug: { equals: decodeURIComponent(slug) } }
    } else {
      const last = decodeURIComponent(path.split('/').at(-1) ?? '')
      if (last) {
        where = {
          or: [{ 'breadcrumbs.url': { equals: path } }, { and: [{ slug: { equals: last } }, { parent: { exists: false } }] }],
        }
      }
    }
    if (!where) continue
    const { docs } = await req.payload.find({
      collection: collection as CollectionSlug,
      where: { and: [where, ...published(collection)] },
      select: {},
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
    })
    if (docs[0]) return { collection, id: docs[0].id }
  }
  return null
}
