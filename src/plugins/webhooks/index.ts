/**
 * Webhooks, as a Payload plugin:
 *
 *   webhooksPlugin({ collections: ['articles', …], access: isAdmin, url: (collection, doc) => … })
 *
 * adds `webhooks` (endpoints registered by admins: URL, events, collections, secret, active) and
 * `webhook-deliveries` (one read-only row per try), hooks on the listed collections that queue a
 * delivery per matching webhook on each publish, unpublish or delete of a public document
 * (events.ts), and the delivery task on a queue of its own, which the server runs every few
 * seconds (`jobs.autoRun`, started by Next's `getPayload({ cron: true })`); scripts and tests run
 * it with `payload.jobs.run({ queue: 'webhooks' })`. Deliveries are at least once: receivers
 * deduplicate on X-Labo-Delivery.
 */
import type { Access, CollectionConfig, Config, Plugin } from 'payload'

import { hasDrafts } from '../../lib/publication'
import { deliveriesCollection, webhooksCollection, type SourceCollection } from './collections'
import { afterChangeHook, afterDeleteHook, type DocumentURL } from './hooks'
import { deliveryTask } from './task'

export { DELIVERIES, DELIVERY_STATUS_LABELS, WEBHOOKS } from './collections'
export { EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from './events'
export { SKIP_WEBHOOKS } from './hooks'
export { HEADERS, signBody, verifySignature, webhookBody, type WebhookPayload } from './signature'
export { DELIVERY_TASK } from './task'

export type WebhooksOptions = {
  /** Public collections whose documents trigger events. */
  collections: string[]
  /** Who manages webhooks and reads the deliveries. */
  access: Access
  /** Public address of a document, or null when it has no page. */
  url: DocumentURL
  /** Tries per delivery, the first included (5). */
  tries?: number
  /** Wait before the first retry, doubled at each next one (60 s: 1, 2, 4, 8 min). */
  retryDelayMs?: number
  /** A receiver that does not answer within this delay fails the try (10 s). */
  timeoutMs?: number
  /** Jobs queue of the deliveries ('webhooks'). */
  queue?: string
  /** How often the server runs that queue (every 5 seconds). */
  cron?: string
}


export const webhooksPlugin =
  (options: WebhooksOptions): Plugin =>
  (config: Config): Config => {
    const tries = options.tries ?? 5
    const queue = options.queue ?? 'webhooks'
    const hookOptions = { queue, url: options.url }
    const collections = config.collections ?? []
    const sources: SourceCollection[] = options.collections.map((slug) => {
      const found = collections.find((c) => c.slug === slug)
      if (!found) throw new Error(`webhooksPlugin: unknown collection "${slug}"`)
      const plural = found.labels?.plural
      return { slug, label: typeof plural === 'string' ? plural : slug }
    })
    return {
      ...config,
      collections: [
        ...collections.map((c) =>
          options.collections.includes(c.slug)
            ? {
                ...c,
                hooks: {
                  ...c.hooks,
                  afterChange: [...(c.hooks?.afterChange ?? []), afterChangeHook(c.slug, hasDrafts(c), hookOptions)],
                  afterDelete: [...(c.hooks?.afterDelete ?? []), afterDeleteHook(c.slug, hasDrafts(c), hookOptions)],
                },
              }
            : c,
        ),
        webhooksCollection(sources, options.access, tries),
        deliveriesCollection(sources, options.access),
      ],
      jobs: {
        ...config.jobs,
        // GET /api/payload-jobs/run would otherwise let any logged-in account (an API key too) run the queues.
        access: { run: async ({ req }) => (await options.access({ req })) === true, ...config.jobs?.access },
        tasks: [
          ...(config.jobs?.tasks ?? []),
          deliveryTask({ tries, retryDelayMs: options.retryDelayMs ?? 60_000, timeoutMs: options.timeoutMs ?? 10_000 }),
        ],
        autoRun: [
          ...(Array.isArray(config.jobs?.autoRun) ? config.jobs.autoRun : []),
          { cron: options.cron ?? '*/5 * * * * *', queue, limit: 10 },
        ],
      },
    }
  }
