import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, PayloadRequest } from 'payload'

import { WEBHOOKS } from './collections'
import { changeEvent, confirmedByStoredStatus, deleteEvent, type WebhookEvent } from './events'
import { DELIVERY_TASK, type DeliveryInput } from './task'

export type DocumentURL = (collection: string, doc: Record<string, unknown>) => string | null

/** Set `context: { skipWebhooks: true }` on a Local API call to send nothing (bulk imports). */
export const SKIP_WEBHOOKS = 'skipWebhooks'

type HookOptions = { queue: string; url: DocumentURL }

/**
 * Queues one delivery per active webhook that listens to this event and collection. The jobs are
 * created on the request's transaction: a save that fails queues nothing.
 */
async function enqueue(req: PayloadRequest, collection: string, event: WebhookEvent, doc: Record<string, unknown>, options: HookOptions) {
  const { docs } = await req.payload.find({
    collection: WEBHOOKS,
    where: { and: [{ active: { equals: true } }, { events: { in: [event] } }, { collections: { in: [collection] } }] },
    depth: 0,
    pagination: false,
    select: { active: true },
    overrideAccess: true,
    req,
  })
  if (!docs.length) return
  const base: Omit<DeliveryInput, 'webhook'> = {
    event,
    collection,
    docId: String(doc.id),
    slug: typeof doc.slug === 'string' ? doc.slug : null,
    url: options.url(collection, doc),
    time: new Date().toISOString(),
  }
  for (const webhook of docs) {
    await req.payload.jobs.queue({ task: DELIVERY_TASK, queue: options.queue, input: { ...base, webhook: webhook.id as number }, req } as never)
  }
}

export const afterChangeHook =
  (collection: string, hasDrafts: boolean, options: HookOptions): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req, context }) => {
    if (context?.[SKIP_WEBHOOKS]) return doc
    let event = changeEvent(doc, previousDoc, hasDrafts)
    if (event === 'unpublish' && hasDrafts) {
      const stored = (await req.payload.db.findOne({ collection: collection as CollectionSlug, req, where: { id: { equals: doc.id } } })) as { _status?: unknown } | null
      event = confirmedByStoredStatus(event, stored?._status)
    }
    if (event) await enqueue(req, collection, event, doc, options)
    return doc
  }

export const afterDeleteHook =
  (collection: string, hasDrafts: boolean, options: HookOptions): CollectionAfterDeleteHook =>
  async ({ doc, req, context }) => {
    if (context?.[SKIP_WEBHOOKS]) return doc
    const event = deleteEvent(doc, hasDrafts)
    if (event) await enqueue(req, collection, event, doc, options)
    return doc
  }
