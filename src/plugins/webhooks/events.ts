/**
 * Which webhook event a change of a document is: pure functions of the document before and after.
 *
 * - publish: the document is public after the change: a first publication, a republication, and
 *   also every published save of a document already public (its content changed: a partner's copy
 *   must follow);
 * - unpublish: it was public and is not any more (published → draft);
 * - delete: a public document is deleted (or put in the trash).
 *
 * A draft or an autosave never changes what the public sees, so never makes an event. Payload
 * hands the hooks of a draft saved over a published document the same `draft` after a
 * `published` before as an unpublication; the hook tells them apart by the collection's own
 * table, which a draft save leaves published (see `confirmedByStoredStatus`).
 */
import { isPublicVersion, type VersionState } from '../../lib/publication'

export const WEBHOOK_EVENTS = ['publish', 'unpublish', 'delete'] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

export const EVENT_LABELS: Record<WebhookEvent, string> = {
  publish: 'Publication',
  unpublish: 'Dépublication',
  delete: 'Suppression',
}

export type StatusDoc = VersionState

/** The event of a create or update, or null when the public sees no change. */
export function changeEvent(doc: StatusDoc, previous: StatusDoc, hasDrafts: boolean): WebhookEvent | null {
  if (isPublicVersion(doc, hasDrafts)) return 'publish'
  if (!isPublicVersion(previous, hasDrafts)) return null
  return doc?.deletedAt ? 'delete' : 'unpublish'
}

/**
 * An `unpublish` seen by a hook is real only if the collection's own table now says draft; a
 * draft saved over a published document leaves it published.
 */
export const confirmedByStoredStatus = (event: WebhookEvent | null, storedStatus: unknown): WebhookEvent | null =>
  event === 'unpublish' && storedStatus === 'published' ? null : event

/** The event of a deletion: only a public document's deletion concerns integrations. */
export const deleteEvent = (doc: StatusDoc, hasDrafts: boolean): WebhookEvent | null => (isPublicVersion(doc, hasDrafts) ? 'delete' : null)
