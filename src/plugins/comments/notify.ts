import type { Payload, PayloadRequest } from 'payload'

import { configuredOrigin } from '../../lib/site-paths'
import { spipToText } from '../../lib/spip-markup/comments'
import { STATUS_LABELS, type CommentStatus } from './constants'
import { Outbox } from './outbox'
import type { ResolvedOptions } from './settings'

type HeldComment = {
  id: number | string
  authorName?: string | null
  body?: string | null
  holdReason?: string | null
  status?: string | null
}

/** Without SITE_URL, the address the comment was posted to: an e-mail needs an absolute link. */
const requestOrigin = (req: PayloadRequest): string => {
  try {
    return req.url ? new URL(req.url).origin : ''
  } catch {
    return ''
  }
}

/** Moderators' addresses, read at most once a minute. */
let cached: { at: number; emails: string[] } | null = null
const CACHE_MS = 60_000

async function recipients(payload: Payload, options: ResolvedOptions, req: PayloadRequest): Promise<string[]> {
  const notify = options.notify
  if (!notify) return []
  if (typeof notify.to === 'function') return notify.to(req)
  if (Array.isArray(notify.to)) return notify.to
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.emails
  const emails = await moderatorEmails(payload, options)
  cached = { at: Date.now(), emails }
  return emails
}

async function moderatorEmails(payload: Payload, options: ResolvedOptions): Promise<string[]> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { roles: { in: ['moderator', 'admin'] } },
    depth: 0,
    limit: 100,
    pagination: false,
    overrideAccess: true,
  })
  return docs
    .filter((user) => options.isModerator({ ...user, collection: 'users' } as unknown as PayloadRequest['user']))
    .map((user) => (user as { email?: string }).email)
    .filter((email): email is string => typeof email === 'string' && email.length > 0)
}

/** Comments a digest lists; the others are counted, and all are in the admin's queue. */
export const DIGEST_LISTED = 20

/** One held comment, as a moderator's message shows it. */
export type HeldMail = { title: string; authorName: string; status: string; holdReason: string | null; excerpt: string; link: string }

/**
 * The message for held comments: one comment as its own message; several (a digest) listed
 * one after the other, with a link to the whole queue.
 */
export function moderationMail(items: HeldMail[], queueLink: string): { subject: string; text: string } {
  const describe = (item: HeldMail) => [
    `Auteur : ${item.authorName}`,
    `Statut : ${item.status}${item.holdReason ? ` (${item.holdReason})` : ''}`,
    '',
    item.excerpt,
    '',
    `Le modérer : ${item.link}`,
  ]
  if (items.length === 1) {
    const [item] = items as [HeldMail]
    return {
      subject: `Commentaire à modérer : ${item.title}`.slice(0, 200),
      text: [`Un commentaire attend votre validation sur « ${item.title} ».`, '', ...describe(item)].join('\n'),
    }
  }
  const titles = new Set(items.map((item) => item.title))
  const only = titles.size === 1 ? [...titles][0] : undefined
  const shown = items.slice(0, DIGEST_LISTED)
  const more = items.length - shown.length
  return {
    subject: `${items.length} commentaires à modérer${only ? ` : ${only}` : ''}`.slice(0, 200),
    text: [
      `${items.length} commentaires attendent votre validation${only ? ` sur « ${only} »` : ''}.`,
      ...shown.flatMap((item, i) => ['', `${i + 1}. ${only ? '' : `« ${item.title} », `}${item.authorName}`, ...describe(item).slice(1)]),
      ...(more > 0 ? ['', `… et ${more} autre${more > 1 ? 's' : ''}.`] : []),
      '',
      `Tous les commentaires à modérer : ${queueLink}`,
    ].join('\n'),
  }
}

type Queued = { payload: Payload; queueLink: string; item: HeldMail }

/** One outbox per process (see outbox.ts), created with the first plugin options that use it. */
let outbox: Outbox<Queued> | null = null

const outboxFor = (options: ResolvedOptions): Outbox<Queued> =>
  (outbox ??= new Outbox<Queued>(async (to, queued) => {
    const { payload, queueLink } = queued[0]!
    try {
      await payload.sendEmail({ to: to.join(', '), ...moderationMail(queued.map((q) => q.item), queueLink) })
    } catch (err) {
      payload.logger.error({ err, msg: 'commentsPlugin: could not notify moderators' })
    }
  }, (options.notify ? (options.notify.digestSeconds ?? 60) : 60) * 1000))

/** Sends the held digests now and waits for every message in progress (tests, scripts). */
export const flushModeratorMail = (): Promise<void> => outbox?.flush() ?? Promise.resolve()

/**
 * Tells moderators that a comment waits for them, through Payload's e-mail adapter (without one,
 * Payload logs the message): at once, or in the window's digest (outbox.ts). Never throws: a
 * failed e-mail must not lose the comment.
 */
export async function notifyModerators(
  payload: Payload,
  options: ResolvedOptions,
  comment: HeldComment,
  targetTitle: string,
  req: PayloadRequest,
): Promise<void> {
  try {
    const to = await recipients(payload, options, req)
    if (to.length === 0) return
    const admin = `${configuredOrigin() ?? requestOrigin(req)}${payload.config.routes.admin}/collections/${options.slug}`
    const status = STATUS_LABELS[(comment.status ?? 'pending') as CommentStatus] ?? comment.status ?? ''
    outboxFor(options).add(to, {
      payload,
      queueLink: admin,
      item: {
        title: targetTitle,
        authorName: comment.authorName ?? '',
        status,
        holdReason: comment.holdReason ?? null,
        excerpt: spipToText(comment.body ?? '').slice(0, 500),
        link: `${admin}/${comment.id}`,
      },
    })
  } catch (err) {
    payload.logger.error({ err, msg: 'commentsPlugin: could not notify moderators' })
  }
}
