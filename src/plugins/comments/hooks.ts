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

import { hasDrafts, isPublicVersion } from '../../lib/publication'
import { siteOrigin } from '../../lib/site-paths'
import { normalizeForMatch } from '../../lib/text'
import { spipToText } from '../../lib/spip-markup/comments'
import { LIMITS, MESSAGES } from './constants'
import { screenPost } from './screen'
import { clientIp, hashIp } from './ip'
import { flushModeratorMail, notifyModerators } from './notify'
import { addOwnComment, cookieFromHeader, OWN_COOKIE, OWN_MAX_AGE, serializeCookie } from './ownership'
import { revalidateCommentTarget } from './revalidate'
import { effectiveMode, ipSaltOf, resolvePolicy, type ResolvedOptions } from './settings'
import { setTargetPublished, targetKeyOf } from './sql'
import {
  checkNewComment,
  decideStatus,
  normalizeAuthor,
  placeReply,
  refusalOf,
  requestedParent,
  stampModeration,
  takeHoneypot,
  asId,
  type Ref,
  type Writer,
} from './steps'
import { FIELD_LABELS, type FieldError } from './validation'

/** A visitor's comment refused (closed page, duplicate, flood): logged at "info", not as an error. */
export class CommentRefusal extends APIError {
  constructor(message: string, status: number, data: Record<string, unknown> | null = null) {
    super(message, status, data, true)
    this.name = 'CommentRefusal'
  }
}

/** `context` flag for trusted imports (Local API, overrideAccess): keep the given status, skip anti-spam. */
export const TRUSTED_IMPORT = 'commentsTrustedImport'

type Data = Record<string, unknown>
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
  if (!isPublicVersion(doc, hasDrafts(collection.config))) return null
  return doc
}

/** Who writes: a moderator (their identity stands in for empty author fields) or a visitor. */
function writerOf(options: ResolvedOptions, user: PayloadRequest['user']): Writer {
  if (!options.isModerator(user)) return { staff: false }
  const id = user && user.collection === 'users' ? user.id : null
  return { staff: true, id, name: userName(user), email: String((user as { email?: unknown } | null)?.email ?? '') }
}

/** The reply's parent and level, checked against the thread (throws the field error). */
async function placeInThread(req: PayloadRequest, options: ResolvedOptions, data: Data, targetKey: string, trusted: boolean): Promise<void> {
  const parentId = requestedParent(data.parent)
  if (parentId === 'invalid') throw invalid(req, options.slug, [{ path: 'parent', message: MESSAGES.parentMissing }])
  if (parentId === null) {
    data.parent = null
    data.level = 1
    return
  }
  const parent = (await req.payload.findByID({ collection: options.slug, id: parentId, depth: 0, overrideAccess: true, disableErrors: true, req })) as Data | null
  const placed = placeReply(parent, targetKey, trusted)
  if ('error' in placed) throw invalid(req, options.slug, [{ path: 'parent', message: placed.error }])
  data.parent = parentId
  data.level = placed.level
}

/** A visitor's post refused (duplicate, flood): the error, with Retry-After for a flood. */
function refuse(req: PayloadRequest, refusal: NonNullable<ReturnType<typeof refusalOf>>): CommentRefusal {
  if (refusal.status !== 429) return new CommentRefusal(refusal.message, refusal.status)
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(refusal.retryAfter))
  req.responseHeaders = headers
  return new CommentRefusal(refusal.message, 429, { retryAfter: refusal.retryAfter })
}

/**
 * The server's decisions on a comment, step by step (the steps are pure, in ./steps.ts): on
 * update, the moderation stamp; on create, the author's fields and the input's errors, the target
 * (screened with the duplicate check and flood counter in one statement for a visitor), its
 * comment mode, the reply's place in the thread, then the status.
 */
export function beforeChangeHook(options: ResolvedOptions): CollectionBeforeChangeHook {
  const targets = Object.keys(options.collections)
  return async ({ data, operation, originalDoc, req, context }) => {
    const { payload } = req
    const writer = writerOf(options, req.user)
    const now = new Date().toISOString()

    if (operation === 'update') {
      stampModeration(data, originalDoc, req.user && req.user.collection === 'users' ? req.user.id : null, now)
      if (typeof data.body === 'string') data.excerpt = excerptOf(data.body)
      return data
    }

    const honeypot = takeHoneypot(data)
    normalizeAuthor(data, writer)
    const { ref, errors } = checkNewComment(data, writer, targets)
    if (!ref || errors.length > 0) throw invalid(req, options.slug, errors)

    const trusted = context?.[TRUSTED_IMPORT] === true
    const targetKey = targetKeyOf(ref.relationTo, ref.value)
    const title = titleField(req, ref.relationTo)
    const ip = clientIp(req.headers)
    data.ipHash = ip ? hashIp(ip, ipSaltOf(payload, options)) : null
    data.fingerprint = fingerprintOf(targetKey, String(data.authorEmail), String(data.body))
    // A visitor's post: the target, the policy, the duplicate check and the flood counter in one
    // statement (acted on below, in this order: target, mode, parent, duplicate, flood).
    const screening =
      writer.staff || trusted ? null : await screenPost(payload, options, { ref, title, fingerprint: String(data.fingerprint), ipHash: (data.ipHash as string | null) ?? null }, req)
    const target = screening ? screening.target : await loadTarget(req, ref)
    if (!target) throw invalid(req, options.slug, [{ path: 'target', message: MESSAGES.targetMissing }])
    if (title && typeof target[title] === 'string') targetTitles.set(req, target[title] as string)
    data.target = ref
    data.targetKey = targetKey
    data.targetPublished = true

    const policy = screening?.policy ?? (await resolvePolicy(payload, options, req))
    const mode = effectiveMode(target.commentMode, policy, options.collections[ref.relationTo]?.defaultMode)
    if (mode === 'closed' && !writer.staff && !trusted) throw new CommentRefusal(MESSAGES.closed, 403)

    await placeInThread(req, options, data, targetKey, trusted)
    data.userAgent = req.headers?.get('user-agent')?.slice(0, LIMITS.userAgentMax) || null
    data.excerpt = excerptOf(data.body as string)

    if (trusted || writer.staff) return decideStatus(data, trusted ? { trusted: true } : { trusted: false, writer }, null, now)
    const refusal = refusalOf(screening!, policy.floodLimit)
    if (refusal) throw refuse(req, refusal)
    return decideStatus(data, { trusted: false, writer }, { policy, mode, ip, honeypot }, now)
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
      headers.append('Set-Cookie', serializeCookie(OWN_COOKIE, value, { maxAge: OWN_MAX_AGE, secure: siteOrigin().startsWith('https:') }))
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
    if (!hasDrafts(collection)) return doc
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
