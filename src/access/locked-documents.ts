import { Forbidden, type Access, type CollectionSlug, type CollectionBeforeChangeHook, type PayloadRequest, type Where } from 'payload'

import { isAdminUser, isPanelUser } from './roles'

/**
 * Payload's edit locks ("en cours de modification par …"), by default open to any logged-in
 * account, API keys included (issue 18). A lock stops others from saving the document, so taking
 * one is editing the document: only who may update the document locks it, always in their own
 * name; the panel's users see the locks (the admin shows them); a lock is removed by its owner or
 * an admin.
 */
export const lockRead: Access = ({ req }) => isPanelUser(req.user)
export const lockWrite: Access = ({ req }) => isPanelUser(req.user)
export const lockDelete: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  if (!isPanelUser(req.user)) return false
  const owner: Where[] = [{ 'user.relationTo': { equals: req.user!.collection } }, { 'user.value': { equals: req.user!.id } }]
  return { and: owner }
}

type LockTarget = { document?: { relationTo?: string; value?: unknown } | null; globalSlug?: string | null; user?: unknown }
type Owner = { relationTo?: string; value?: unknown } | null | undefined

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id?: unknown }).id : value)

/** Whether the request's user may update the locked document (or global), by its own access rules. */
async function mayUpdate(req: PayloadRequest, target: LockTarget): Promise<boolean> {
  if (target.globalSlug) {
    const global = req.payload.config.globals.find((g) => g.slug === target.globalSlug)
    return Boolean(global && (await global.access.update?.({ req })) === true)
  }
  const slug = target.document?.relationTo
  const id = idOf(target.document?.value)
  const collection = slug ? req.payload.collections[slug as CollectionSlug] : undefined
  if (!collection || typeof id !== 'number') return false
  const result = await collection.config.access.update?.({ id, req })
  if (result === true) return true
  if (!result) return false
  const { totalDocs } = await req.payload.count({
    collection: slug as CollectionSlug,
    overrideAccess: true,
    req,
    where: { and: [{ id: { equals: id } }, result as Where] },
  })
  return totalDocs === 1
}

/** A lock is always taken in the name of who takes it, on a document they may update. */
export const lockInOwnName: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  // The server's own writes (Payload's form-state locking goes through the adapter, not here).
  if (!req.user) return data
  const target: LockTarget = { ...(originalDoc as LockTarget | undefined), ...(data as LockTarget) }
  const owner = (originalDoc as LockTarget | undefined)?.user as Owner
  const ownedAlready = owner && owner.relationTo === req.user.collection && idOf(owner.value) === req.user.id
  if (!isAdminUser(req.user) && !ownedAlready && !(await mayUpdate(req, target))) {
    throw new Forbidden(req.t)
  }
  return { ...data, user: { relationTo: req.user.collection, value: req.user.id } }
}
