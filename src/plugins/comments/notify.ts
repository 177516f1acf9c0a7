import type { Payload, PayloadRequest } from 'payload'

import { siteURL } from '../../collections/shared/paths'
import { spipToText } from '../../lib/spip'
import { STATUS_LABELS, type CommentStatus } from './constants'
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

/**
 * Tells moderators that a comment waits for them, through Payload's e-mail adapter (without one,
 * Payload logs the message). Never throws: a failed e-mail must not lose the comment.
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
    const link = `${siteURL(req) || requestOrigin(req)}${payload.config.routes.admin}/collections/${options.slug}/${comment.id}`
    const excerpt = spipToText(comment.body ?? '').slice(0, 500)
    const status = STATUS_LABELS[(comment.status ?? 'pending') as CommentStatus] ?? comment.status
    const lines = [
      `Un commentaire attend votre validation sur « ${targetTitle} ».`,
      '',
      `Auteur : ${comment.authorName ?? ''}`,
      `Statut : ${status}${comment.holdReason ? ` (${comment.holdReason})` : ''}`,
      '',
      excerpt,
      '',
      `Le modérer : ${link}`,
    ]
    await payload.sendEmail({
      to: to.join(', '),
      subject: `Commentaire à modérer : ${targetTitle}`.slice(0, 200),
      text: lines.join('\n'),
    })
  } catch (err) {
    payload.logger.error({ err, msg: 'commentsPlugin: could not notify moderators' })
  }
}
