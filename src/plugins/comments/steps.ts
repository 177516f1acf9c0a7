/**
 * The decisions of the comments' beforeChange hook (./hooks.ts), as pure steps in the order the
 * hook applies them: a moderation stamp on update; on create, the author's fields, the input's
 * errors, the reply's place in its thread, then the status (import, staff, or a visitor's post:
 * duplicate and flood refused, the anti-spam verdict otherwise).
 */
import { LIMITS, MESSAGES } from './constants'
import type { FloodHit } from './flood'
import { evaluateComment } from './policy'
import type { CommentMode } from './constants'
import type { ResolvedPolicy } from './types'
import { normalizeBody, normalizeLine, validateBody, validateVisitorInput, validateWebsite, type FieldError } from './validation'

export type Data = Record<string, unknown>
export type Ref = { relationTo: string; value: number }
/** Who writes, as far as the decisions go: a moderator (staff) and their identity, or a visitor. */
export type Writer = { staff: false } | { staff: true; id: number | string | null; name: string; email: string }

const idOf = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

export const asId = (value: unknown): number | null => {
  const id = idOf(value)
  if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id
  if (typeof id === 'string' && /^\d{1,15}$/.test(id) && Number(id) > 0) return Number(id)
  return null
}

/** `{ relationTo, value }` with a numeric id, or null when malformed. */
export function asTargetRef(value: unknown, allowed: readonly string[]): Ref | null {
  if (!value || typeof value !== 'object') return null
  const { relationTo, value: inner } = value as { relationTo?: unknown; value?: unknown }
  if (typeof relationTo !== 'string' || !allowed.includes(relationTo)) return null
  const id = asId(inner)
  return id === null ? null : { relationTo, value: id }
}

/** An update: who changed the status and when; the body kept normalised. */
export function stampModeration(data: Data, original: Data | undefined, moderatorId: number | string | null, now: string): Data {
  if (data.status !== undefined && original && data.status !== original.status) {
    data.moderatedBy = moderatorId
    data.moderatedAt = now
  }
  if (typeof data.body === 'string') data.body = normalizeBody(data.body)
  return data
}

/** Removes the honeypot field and tells whether a robot filled it. */
export function takeHoneypot(data: Data): boolean {
  const filled = typeof data.honeypot === 'string' ? data.honeypot.trim() !== '' : Boolean(data.honeypot)
  delete data.honeypot
  return filled
}

/** The author's fields, cleaned; a moderator's own name and e-mail when they leave them empty. */
export function normalizeAuthor(data: Data, writer: Writer): void {
  data.authorName = normalizeLine(data.authorName) || (writer.staff ? writer.name : '')
  data.authorEmail = normalizeLine(data.authorEmail) || (writer.staff ? writer.email : '')
  data.authorWebsite = normalizeLine(data.authorWebsite) || null
  data.body = normalizeBody(data.body)
}

/** The errors of a new comment's fields (a visitor's: all of them) and its target, if well-formed. */
export function checkNewComment(data: Data, writer: Writer, targets: readonly string[]): { ref: Ref | null; errors: FieldError[] } {
  const errors: FieldError[] = writer.staff
    ? (['authorWebsite', 'body'] as const).flatMap((path) => {
        const result = path === 'body' ? validateBody(data.body) : validateWebsite(data.authorWebsite)
        return result === true ? [] : [{ path, message: result }]
      })
    : validateVisitorInput(data)
  const ref = asTargetRef(data.target, targets)
  if (!ref) errors.unshift({ path: 'target', message: data.target ? MESSAGES.targetMissing : MESSAGES.targetRequired })
  return { ref, errors }
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === ''

/** The parent a reply names: none, its id, or 'invalid' for a value that is no id. */
export function requestedParent(value: unknown): number | null | 'invalid' {
  if (isEmpty(value)) return null
  return asId(value) ?? 'invalid'
}

/** A reply's level under its parent (a public comment of the same page, three levels at most), or why not. */
export function placeReply(parent: Data | null, targetKey: string, trusted: boolean): { level: number } | { error: string } {
  if (!parent || (parent.status !== 'approved' && !trusted)) return { error: MESSAGES.parentMissing }
  if (parent.targetKey !== targetKey) return { error: MESSAGES.parentOtherTarget }
  const level = (typeof parent.level === 'number' ? parent.level : 1) + 1
  return level > LIMITS.maxDepth ? { error: MESSAGES.parentTooDeep } : { level }
}

/** Why a visitor's post is refused before any verdict: the same message again (409), or a flood (429). */
export function refusalOf(
  screening: { duplicate: boolean; flood: FloodHit | null },
  floodLimit: number,
): { message: string; status: 409 } | { message: string; status: 429; retryAfter: number } | null {
  if (screening.duplicate) return { message: MESSAGES.duplicate, status: 409 }
  const hit = screening.flood
  if (hit && hit.count > floodLimit) return { message: MESSAGES.flood(hit.retryAfter), status: 429, retryAfter: hit.retryAfter }
  return null
}

/** The status and moderation fields of a new comment that was not refused. */
export function decideStatus(
  data: Data,
  who: { trusted: true } | { trusted: false; writer: Writer },
  visitor: { policy: ResolvedPolicy; mode: CommentMode; ip: string | null; honeypot: boolean } | null,
  now: string,
): Data {
  data.byStaff = false
  if (who.trusted) {
    data.status = typeof data.status === 'string' ? data.status : 'approved'
    return data
  }
  if (who.writer.staff) {
    data.status = 'approved'
    data.byStaff = true
    data.holdReason = null
    data.moderatedBy = who.writer.id
    data.moderatedAt = now
    return data
  }
  if (!visitor) throw new Error('decideStatus: a visitor’s comment needs its policy')
  const verdict = evaluateComment(
    {
      authorName: String(data.authorName),
      authorEmail: String(data.authorEmail),
      authorWebsite: (data.authorWebsite as string | null) ?? null,
      body: String(data.body),
      ip: visitor.ip,
      userAgent: (data.userAgent as string | null) ?? null,
      honeypot: visitor.honeypot,
    },
    { ...visitor.policy, mode: visitor.mode },
  )
  data.status = verdict.status
  data.holdReason = verdict.reason
  data.moderatedBy = null
  data.moderatedAt = null
  return data
}
