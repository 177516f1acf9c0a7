/**
 * The redirections of this process, in memory: read once (one query for the table, one per
 * collection for the destinations' current addresses) when a request first needs them, dropped
 * on any page refresh here or announced by another instance (a redirection or a document's
 * address changed: src/lib/page-refresh.ts). Only the 404 path and the home page asked with a
 * query reach it (src/lib/http/redirects.ts): a normal page view never reads the table.
 */
import type { CollectionSlug, Payload, Where } from 'payload'

import { CONTENT, isContentSlug } from '../../collections/registry'
import { registerRedirects, type RedirectAnswer } from '../../lib/http/redirects'
import { onAnyRefresh } from '../../lib/page-refresh'
import { publicPath } from '../../lib/site-paths'

type Table = Map<string, RedirectAnswer>
type Stored = {
  from?: unknown
  type?: unknown
  to?: { type?: unknown; url?: unknown; reference?: { relationTo?: unknown; value?: unknown } | null }
}

/**
 * A refresh is announced inside the change's transaction, before its COMMIT: a table read in
 * the meantime would miss the change. For this long after a drop, reads are not kept.
 */
const SETTLE_MS = 2_000

/** Every redirection whose destination is live, by its old address. */
export async function loadRedirects(payload: Payload): Promise<Table> {
  const { docs } = await payload.find({
    collection: 'redirects' as CollectionSlug,
    select: { from: true, to: true, type: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  const rows = docs as unknown as Stored[]
  const ids = new Map<string, Set<number | string>>()
  for (const { to } of rows) {
    const ref = to?.type === 'reference' ? to.reference : null
    if (!ref || !isContentSlug(ref.relationTo) || (typeof ref.value !== 'number' && typeof ref.value !== 'string')) continue
    ids.set(ref.relationTo, (ids.get(ref.relationTo) ?? new Set()).add(ref.value))
  }
  // The current address of each destination, published ones only (a draft's page is no page).
  const paths = new Map<string, string>()
  for (const [collection, set] of ids) {
    const where: Where[] = [{ id: { in: [...set] } }]
    if (isContentSlug(collection) && CONTENT[collection].drafts) where.push({ _status: { equals: 'published' } })
    const { docs: targets } = await payload.find({
      collection: collection as CollectionSlug,
      where: { and: where },
      // A page of the tree is addressed by its breadcrumbs.
      select: isContentSlug(collection) && 'tree' in CONTENT[collection].route ? { slug: true, breadcrumbs: true } : { slug: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of targets) {
      const path = publicPath(collection, doc as { slug?: unknown; breadcrumbs?: unknown })
      if (path) paths.set(`${collection}:${doc.id}`, path)
    }
  }
  const table: Table = new Map()
  for (const { from, to, type } of rows) {
    if (typeof from !== 'string') continue
    const ref = to?.type === 'reference' ? to.reference : null
    const location = ref ? paths.get(`${String(ref.relationTo)}:${String(ref.value)}`) : typeof to?.url === 'string' ? to.url : undefined
    if (location && location !== from) table.set(from, { status: Number(type) || 301, location })
  }
  return table
}

/** Registers this process's table with the server (src/lib/http/redirects.ts). */
export function installResolver(payload: Payload): void {
  let table: Promise<Table> | null = null
  let droppedAt = 0
  onAnyRefresh('redirects', () => {
    table = null
    droppedAt = Date.now()
  })
  registerRedirects(async (keys) => {
    let current = table
    if (!current) {
      current = loadRedirects(payload)
      if (Date.now() - droppedAt > SETTLE_MS) table = current
      const loading = current
      loading.catch(() => {
        if (table === loading) table = null
      })
    }
    const found = await current
    for (const key of keys) {
      const hit = found.get(key)
      if (hit) return hit
    }
    return null
  })
}
