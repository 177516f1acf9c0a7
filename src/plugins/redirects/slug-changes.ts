/**
 * A published document whose address changes (its slug, a page's parent) leaves a redirection
 * from its old address to itself; the address it takes is freed of any redirection (A → B then
 * B → A would loop, and a live page is never hidden by one).
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import { CONTENT, type ContentSlug } from '../../collections/registry'
import { publicPath } from '../../lib/site-paths'
import { livePageAt } from './live'

type Doc = { id: number | string; slug?: unknown; breadcrumbs?: unknown; _status?: unknown }
const REDIRECTS = 'redirects' as CollectionSlug

const liveAddress = (collection: ContentSlug, doc: Doc | undefined): string | null =>
  doc && (!CONTENT[collection].drafts || doc._status === 'published') ? publicPath(collection, doc) : null

async function redirectsFrom(from: string, req: PayloadRequest) {
  const { docs } = await req.payload.find({ collection: REDIRECTS, where: { from: { equals: from } }, depth: 0, pagination: false, overrideAccess: true, req })
  return docs
}

/** Where the document was read before the change, per request, by collection and id (nested saves share a request). */
const noted = new WeakMap<object, Map<string, string | null>>()
const keyOf = (collection: string, id: unknown) => `${collection}:${String(id)}`

/**
 * Notes the address visitors read the document at before the change. Publishing a draft that
 * renamed it: the previous version is that draft, the address is the last published version's.
 */
export const noteLiveAddress =
  (collection: ContentSlug): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, operation, req }) => {
    if (operation !== 'update' || !originalDoc) return data
    let live = liveAddress(collection, originalDoc as Doc)
    if (!live && CONTENT[collection].drafts && data._status === 'published') {
      const { docs } = await req.payload.findVersions({
        collection: collection as CollectionSlug,
        where: { and: [{ parent: { equals: originalDoc.id } }, { 'version._status': { equals: 'published' } }] },
        sort: '-updatedAt',
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      live = docs[0] ? publicPath(collection, docs[0].version as Doc) : null
    }
    const notes = noted.get(req) ?? new Map<string, string | null>()
    noted.set(req, notes.set(keyOf(collection, originalDoc.id), live))
    return data
  }

export const leaveRedirect =
  (collection: ContentSlug): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    const key = keyOf(collection, doc.id)
    const notes = noted.get(req)
    const before = notes?.has(key) ? notes.get(key)! : liveAddress(collection, previousDoc as Doc | undefined)
    notes?.delete(key)
    const after = liveAddress(collection, doc as Doc)
    if (!after || before === after) return doc
    for (const taken of await redirectsFrom(after, req)) {
      await req.payload.delete({ collection: REDIRECTS, id: taken.id, overrideAccess: true, req })
    }
    if (!before || (await livePageAt(before, req))) return doc
    const data = { from: before, to: { type: 'reference', reference: { relationTo: collection, value: doc.id } }, type: '301' }
    const [existing] = await redirectsFrom(before, req)
    if (existing) await req.payload.update({ collection: REDIRECTS, id: existing.id, data: data as never, overrideAccess: true, req })
    else await req.payload.create({ collection: REDIRECTS, data: data as never, overrideAccess: true, req })
    return doc
  }
