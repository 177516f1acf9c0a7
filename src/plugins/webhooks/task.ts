/**
 * The delivery task, run by Payload's jobs queue: one POST per try, each try logged in
 * `webhook-deliveries`; a failed try (network error, timeout, any status but 2xx) throws, and
 * Payload runs the task again after an exponential backoff (`retries`), `tries` times at most.
 */
import type { TaskConfig } from 'payload'

import { DELIVERIES, WEBHOOKS, type DeliveryStatus } from './collections'
import type { WebhookEvent } from './events'
import { deliveryHeaders, webhookBody } from './signature'

export const DELIVERY_TASK = 'deliverWebhook'

export type DeliveryInput = {
  webhook: number
  event: WebhookEvent
  collection: string
  docId: string
  slug?: string | null
  url?: string | null
  time: string
}

export type TaskOptions = { tries: number; retryDelayMs: number; timeoutMs: number }

type StoredWebhook = { id: number; url: string; secret: string; active?: boolean | null }

const describe = (err: unknown): string => {
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause
    if (err.name === 'TimeoutError') return 'Délai dépassé : aucune réponse.'
    return cause?.code ? `${err.message} (${cause.code})` : err.message
  }
  return String(err)
}

export const deliveryTask = ({ tries, retryDelayMs, timeoutMs }: TaskOptions): TaskConfig =>
  ({
    slug: DELIVERY_TASK,
    label: 'Envoi d’un webhook',
    inputSchema: [
      { name: 'webhook', type: 'number', required: true },
      { name: 'event', type: 'text', required: true },
      { name: 'collection', type: 'text', required: true },
      { name: 'docId', type: 'text', required: true },
      { name: 'slug', type: 'text' },
      { name: 'url', type: 'text' },
      { name: 'time', type: 'text', required: true },
    ],
    outputSchema: [{ name: 'responseCode', type: 'number' }],
    // `attempts` counts the retries after the first try.
    retries: { attempts: tries - 1, backoff: { type: 'exponential', delay: retryDelayMs } },
    handler: async ({ input, job, req }) => {
      const data = input as DeliveryInput
      const webhook = (await req.payload.findByID({
        collection: WEBHOOKS,
        id: data.webhook,
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      })) as StoredWebhook | null
      // Deleted or switched off since: nothing to send, nothing to retry.
      if (!webhook || webhook.active === false) return { output: {} }

      const docId = /^\d+$/.test(data.docId) ? Number(data.docId) : data.docId
      const body = webhookBody({ event: data.event, collection: data.collection, id: docId, slug: data.slug ?? null, url: data.url ?? null, time: data.time })
      const attempt = (job.totalTried ?? 0) + 1
      const sentAt = new Date()
      let responseCode: number | null = null
      let error: string | null = null
      try {
        const res = await fetch(webhook.url, {
          method: 'POST',
          headers: deliveryHeaders(webhook.secret, body, data.event, String(job.id), sentAt),
          body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        })
        responseCode = res.status
        await res.body?.cancel()
        if (res.status < 200 || res.status > 299) error = `Réponse HTTP ${res.status}.`
      } catch (err) {
        error = describe(err)
      }
      const status: DeliveryStatus = !error ? 'success' : attempt >= tries ? 'failed' : 'retrying'
      await req.payload.create({
        collection: DELIVERIES,
        data: {
          webhook: webhook.id,
          event: data.event,
          collection: data.collection as never,
          documentId: data.docId,
          attempt,
          status,
          responseCode,
          durationMs: Date.now() - sentAt.getTime(),
          error,
          sentAt: sentAt.toISOString(),
        },
        overrideAccess: true,
        req,
      })
      if (error) throw new Error(`Webhook ${webhook.id} (${webhook.url}), essai ${attempt}/${tries} : ${error}`)
      return { output: { responseCode } }
    },
  }) as TaskConfig
