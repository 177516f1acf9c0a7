/**
 * What a webhook receiver gets: a JSON body and its HMAC-SHA256 signature.
 *
 *   POST <url>
 *   Content-Type: application/json
 *   X-Labo-Event: publish
 *   X-Labo-Delivery: <id of the delivery job, the same on every try: deduplicate on it>
 *   X-Labo-Timestamp: <Unix time of this try, in seconds>
 *   X-Labo-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the webhook's secret>
 *
 *   {"event":"publish","collection":"articles","id":12,"slug":"…","url":"https://…","time":"…"}
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

import type { WebhookEvent } from './events'

export const HEADERS = {
  signature: 'X-Labo-Signature',
  timestamp: 'X-Labo-Timestamp',
  event: 'X-Labo-Event',
  delivery: 'X-Labo-Delivery',
} as const

export type WebhookPayload = {
  event: WebhookEvent
  collection: string
  id: number | string
  slug: string | null
  url: string | null
  /** When the event happened (ISO 8601); the same on every try. */
  time: string
}

/** The body, serialised once: the signature covers exactly these bytes. */
export const webhookBody = (payload: WebhookPayload): string =>
  JSON.stringify({
    event: payload.event,
    collection: payload.collection,
    id: payload.id,
    slug: payload.slug,
    url: payload.url,
    time: payload.time,
  })

export const signBody = (secret: string, rawBody: string): string =>
  `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`

/** For receivers (and tests): does the header match the body? Constant-time. */
export function verifySignature(secret: string, rawBody: string, header: string | null | undefined): boolean {
  if (!header) return false
  const expected = Buffer.from(signBody(secret, rawBody))
  const given = Buffer.from(header)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** A fresh secret for a new webhook: 32 random bytes, hex. */
export const generateSecret = (): string => randomBytes(32).toString('hex')

/** Headers of one try. */
export function deliveryHeaders(secret: string, rawBody: string, event: WebhookEvent, deliveryId: string, now = new Date()): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'LaboESS-Webhooks/1.0',
    [HEADERS.event]: event,
    [HEADERS.delivery]: deliveryId,
    [HEADERS.timestamp]: String(Math.floor(now.getTime() / 1000)),
    [HEADERS.signature]: signBody(secret, rawBody),
  }
}
