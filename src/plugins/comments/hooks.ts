/**
 * What the server decides about a comment: derived fields, the target's mode, duplicates, flood,
 * the anti-spam verdict, who moderated and when, revalidation and notification.
 */
import { createHash } from 'node:crypto'

import {
  APIError,
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionBeforeChangeHook,
  type CollectionSlug,
  type PayloadRequest,
} from 'payload'

import { siteURL } from '../../collections/shared/paths'
import { normalizeForMatch } from '../../lib/text'
import { spipToText } from '../../lib/spip-markup/comments'
import { LIMITS, MESSAGES } from './constants'
import { screenPost } from './screen'
import { clientIp, hashIp } from './ip'
import { flushModeratorMail, notifyModerators } from './notify'
import { addOwnComment, cookieFromHeader, OWN_COOKIE, OWN_MAX_AGE, serializeCookie } from './ownership'
import { evaluateComment } from './policy'
import { revalidateCommentTarget } from './revalidate'
import { effectiveMode, ipSaltOf, resolvePolicy, type ResolvedOptions } from './settings'
import { setTargetPublished, targetKeyOf } from './sql'
import { FIELD_LABELS, normalizeBody, normalizeLine, validateBody, validateVisitorInput, validateWebsite, type FieldError } from './validation'

/** A visitor's comment refused (closed page, duplicate, flood): logged at "info", not as an error. */
export class CommentRefusal extends APIError {
  constructor(message: string, status: number, data: Record<string, unknown> | null = null) {
    super(message, status, data, true)
    this.name = 'CommentRefusal'
  }
}

/** `context` flag for trusted imports (Local API, overrideAccess): keep the given status, skip anti-spam. */
export const TRUSTED_IMPORT = 'commentsTrustedImport'

type Ref = { relationTo: string; value: number }
type Data = Record<string, unknown>

const idOf = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

const asId = (value: unknown): number | null => {
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

/** Short plain-text version of the body: the admin's title column. */
export const excerptOf = (body: string): string => {
  const text = spipToText(body).replace(/\s+/g, ' ').trim()
  return text.length > 80 ? `${text.slice(0, 79).replace(/\s+\S*$/, '')}…` : text
}

export const fingerprintOf = (targetKey: string, email: string, body: string): string =>
  createHash('sha256').update(`${targetKey}\n${email.trim().toLowerCase()}\n${normalizeForMatch(body)}`).digest('hex')

const invalid = (req: PayloadRequest, slug: string, errors: FieldError[]) =>
  new ValidationError({ collection: slug, errors: errors.map((e) => ({ label: FIELD_LABELS[e.path], ...e })), req }, req.t)

const userName = (user: PayloadRequest['user']): string => {
  const name = (user as { name?: unknown } | null)?.name
  return typeof name === 'string' && name.trim() ? name.trim() : 'Le Labo de l’ESS'
}

/** The target's title per create request, read once for the moderators' e-mail. */
const targetTitles = new WeakMap<PayloadRequest, string>()

const titleField = (req: PayloadRequest, slug: string): string | undefined =>
  req.payload.collections[slug as CollectionSlug]?.config.admin.useAsTitle

/** The published target, with only what the hooks need (status, comment mode, title), or null. */
async function loadTarget(req: PayloadRequest, ref: Ref) {
  const collection = req.payload.collections[ref.relationTo as CollectionSlug]
  if (!collection) return null
  const title = titleField(req, ref.relationTo)
  const doc = (await req.payload.findByID({
    collection: ref.relationTo as CollectionSlug,
    id: ref.value,
    depth: 0,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
    select: { _status: true, commentMode: true, ...(title ? { [title]: true } : {}) } as never,
    req,
  })) as Data | null
  if (!doc) return null
  const hasDrafts = Boolean(collection.config.versions && collection.config.versions.drafts)
  if (hasDrafts && doc._status !== 'published') return null
  return doc
}

export function beforeChangeHook(options: ResolvedOptions): CollectionBeforeChangeHook {
  const targets = Object.keys(options.collections)
  return async ({ data, operation, originalDoc, req, context }) => {
    const { payload } = req
    const user = req.user
    const staff = options.isModerator(user)
    const now = new Date().toISOString()

    if (operation === 'update') {
      if (data.status !== undefined && originalDoc && data.status !== originalDoc.status) {
        data.moderatedBy = user && user.collection === 'users' ? user.id : null
        data.moderatedAt = now
      }
      if (typeof data.body === 'string') {
        data.body = normalizeBody(data.body)
        data.excerpt = excerptOf(data.body as string)
      }
      return data
    }

    // ----- create -----
    const honeypot = typeof data.honeypot === 'string' ? data.honeypot.trim() !== '' : Boolean(data.honeypot)
    delete data.honeypot
    data.authorName = normalizeLine(data.authorName) || (staff ? userName(user) : '')
    data.authorEmail = normalizeLine(data.authorEmail) || (staff ? String((user as { email?: unknown }).email ?? '') : '')
    data.authorWebsite = normalizeLine(data.authorWebsite) || null
    data.body = normalizeBody(data.body)

    const errors: FieldError[] = staff
      ? (['authorWebsite', 'body'] as const).flatMap((path) => {
          const result = path === 'body' ? validateBody(data.body) : validateWebsite(data.authorWebsite)
          return result === true ? [] : [{ path, message: result }]
        })
      : validateVisitorInput(data)
    const ref = asTargetRef(data.target, targets)
    if (!ref) errors.unshift({ path: 'target', message: data.target ? MESSAGES.targetMissing : MESSAGES.targetRequired })
    if (errors.length > 0) throw invalid(req, options.slug, errors)

    const trusted = context?.[TRUSTED_IMPORT] === true
    const targetKey = targetKeyOf(ref!.relationTo, ref!.value)
    const title = titleField(req, ref!.relationTo)
    const ip = clientIp(req.headers)
    data.ipHash = ip ? hashIp(ip, ipSaltOf(payload, options)) : null
    data.fingerprint = fingerprintOf(targetKey, String(data.authorEmail), String(data.body))
    // A visitor's post: the target, the policy, the duplicate check and the flood counter in one
    // statement (acted on below, in this order: target, mode, parent, duplicate, flood).
    const screening = staff || trusted ? null : await screenPost(payload, options, { ref: ref!, title, fingerprint: String(data.fingerprint), ipHash: (data.ipHash as string | null) ?? null }, req)
    const target = screening ? screening.target : await loadTarget(req, ref!)
    if (!target) throw invalid(req, options.slug, [{ path: 'target', message: MESSAGES.targetMissing }])
    if (title && typeof target[title] === 'string') targetTitles.set(req, target[title] as string)
    data.target = ref
    data.targetKey = targetKey
    data.targetPublished = true

    const policy = screening?.policy ?? (await resolvePolicy(payload, options, req))
    const mode = effectiveMode(target.commentMode, policy, options.collections[ref!.relationTo]?.defaultMode)
    if (mode === 'closed' && !staff && !trusted) throw new CommentRefusal(MESSAGES.closed, 403)

    // Replies: to a public comment of the same page, three levels at most.
    data.level = 1
    const parentId = data.parent === null || data.parent === undefined || data.parent === '' ? null : asId(data.parent)
    if (data.parent !== null && data.parent !== undefined && data.parent !== '' && parentId === null) {
      throw invalid(req, options.slug, [{ path: 'parent', message: MESSAGES.parentMissing }])
    }
    if (parentId !== null) {
      const parent = (await payload.findByID({
        collection: options.slug,
        id: parentId,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        req,
      })) as Data | null
      if (!parent || (parent.status !== 'approved' && !trusted)) throw invalid(req, options.slug, [{ path: 'parent', message: MESSAGES.parentMissing }])
      if (parent.targetKey !== targetKey) throw invalid(req, options.slug, [{ path: 'parent', message: MESSAGES.parentOtherTarget }])
      const level = (typeof parent.level === 'number' ? parent.level : 1) + 1
      if (level > LIMITS.maxDepth) throw invalid(req, options.slug, [{ path: 'parent', message: MESSAGES.parentTooDeep }])
      data.parent = parentId
      data.level = level
    } else {
      data.parent = null
    }

    data.userAgent = req.headers?.get('user-agent')?.slice(0, LIMITS.userAgentMax) || null
    data.excerpt = excerptOf(data.body as string)
    data.byStaff = false

    if (trusted) {
      data.status = typeof data.status === 'string' ? data.status : 'approved'
      return data
    }

    if (staff) {
      data.status = 'approved'
      data.byStaff = true
      data.holdReason = null
      data.moderatedBy = user!.id
      data.moderatedAt = now
      return data
    }

    // The same message from the same author on the same page: refused.
    if (screening!.duplicate) throw new CommentRefusal(MESSAGES.duplicate, 409)

    // Flood: more than K comments per address and window.
    const hit = screening!.flood
    if (hit && hit.count > policy.floodLimit) {
      const headers = req.responseHeaders ?? new Headers()
      headers.set('Retry-After', String(hit.retryAfter))
      req.responseHeaders = headers
      throw new CommentRefusal(MESSAGES.flood(hit.retryAfter), 429, { retryAfter: hit.retryAfter })
    }

    const verdict = evaluateComment(
      {
        authorName: String(data.authorName),
        authorEmail: String(data.authorEmail),
        authorWebsite: (data.authorWebsite as string | null) ?? null,
        body: String(data.body),
        ip,
        userAgent: (data.userAgent as string | null) ?? null,
        honeypot,
      },
      { ...policy, mode },
    )
    data.status = verdict.status
    data.holdReason = verdict.reason
    data.moderatedBy = null
    data.moderatedAt = null
    return data
  }
}

/**
 * The doc that afterChange receives has been read with the caller's field access: for a
 * visitor, without its status. The server's view of a comment it just wrote:
 */
async function serverView(doc: Data, req: PayloadRequest, slug: CollectionSlug): Promise<Data> {
  if (typeof doc.status === 'string' && doc.target) return doc
  const full = await req.payload.findByID({ collection: slug, id: doc.id as number, depth: 0, overrideAccess: true, disableErrors: true, req, trash: true })
  return (full as Data | null) ?? doc
}

/** Notifications still being sent (tests and scripts may wait for them). */
const pendingNotifications = new Set<Promise<void>>()

export async function flushCommentNotifications(): Promise<void> {
  await Promise.all([...pendingNotifications])
  await flushModeratorMail()
}

const isPublic = (doc: Data | undefined | null): boolean => Boolean(doc && doc.status === 'approved' && !doc.deletedAt)

export function afterChangeHook(options: ResolvedOptions): CollectionAfterChangeHook {
  return async ({ data, doc: readDoc, previousDoc: readPrevious, operation, req, context }) => {
    const { payload } = req
    // On create, what the hooks decided is in `data`; otherwise ask the database if need be.
    const doc =
      operation === 'create' && typeof data?.status === 'string'
        ? ({ ...data, ...readDoc, status: data.status, target: data.target } as Data)
        : await serverView(readDoc, req, options.slug)
    const previousDoc = readPrevious && operation === 'update' ? readPrevious : undefined
    const target = doc.target as Ref | null

    // A comment that starts or stops being public (or changes while public) refreshes its page.
    const before = operation === 'update' ? isPublic(previousDoc) : false
    const after = isPublic(doc)
    if (before !== after || (after && previousDoc?.body !== doc.body)) {
      await revalidateCommentTarget(payload, target, req)
    }

    if (operation !== 'create' || context?.[TRUSTED_IMPORT] === true) return readDoc

    if (doc.status === 'pending') {
      const ref = target ? { relationTo: target.relationTo, value: asId(target.value) } : null
      const task = (async () => {
        const known = targetTitles.get(req)
        let title = known ?? (doc.targetKey as string)
        if (ref?.value && known === undefined) {
          const targetDoc = (await payload
            .findByID({ collection: ref.relationTo as CollectionSlug, id: ref.value, depth: 0, overrideAccess: true, disableErrors: true })
            .catch(() => null)) as Data | null
          const useAsTitle = payload.collections[ref.relationTo as CollectionSlug]?.config.admin.useAsTitle
          if (targetDoc && useAsTitle && typeof targetDoc[useAsTitle] === 'string') title = targetDoc[useAsTitle] as string
        }
        await notifyModerators(payload, options, doc as never, title, req)
      })()
      pendingNotifications.add(task)
      void task.finally(() => pendingNotifications.delete(task))
    }

    // A browser that posts through REST gets the signed cookie that shows it its own comments.
    if (req.payloadAPI === 'REST' && !options.isModerator(req.user)) {
      const current = cookieFromHeader(req.headers?.get('cookie'), OWN_COOKIE)
      const value = addOwnComment(payload.secret, current, doc.id as number)
      const headers = req.responseHeaders ?? new Headers()
      headers.append('Set-Cookie', serializeCookie(OWN_COOKIE, value, { maxAge: OWN_MAX_AGE, secure: siteURL(req).startsWith('https:') }))
      req.responseHeaders = headers
    }
    return readDoc
  }
}

export function afterDeleteHook(): CollectionAfterDeleteHook {
  return async ({ doc, req }) => {
    if (isPublic(doc)) await revalidateCommentTarget(req.payload, doc.target as Ref | null, req)
  }
}

/** On a commentable collection: its comments follow the page's publication. */
export function targetAfterChangeHook(options: ResolvedOptions): CollectionAfterChangeHook {
  return async ({ collection, doc, previousDoc, operation, req }) => {
    if (!collection.versions || !collection.versions.drafts) return doc
    if (operation === 'create' || doc._status === previousDoc?._status) return doc
    const main = (await req.payload.findByID({
      collection: collection.slug as CollectionSlug,
      id: doc.id,
      depth: 0,
      draft: false,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as Data | null
    await setTargetPublished(req.payload, options.slug, targetKeyOf(collection.slug, doc.id), main?._status === 'published', req)
    return doc
  }
}

export function targetAfterDeleteHook(options: ResolvedOptions): CollectionAfterDeleteHook {
  return async ({ collection, id, req }) => {
    await setTargetPublished(req.payload, options.slug, targetKeyOf(collection.slug, id), false, req)
  }
}
