/**
 * What the reply page (/commentaires/<id>/repondre) needs: the comment answered, read as an
 * anonymous visitor (approved, on a published page, else nothing), and its page's mode.
 */
import type { Payload } from 'payload'

import { publicPath } from '../../lib/site-paths'
import { effectiveMode, LIMITS, optionsOf, resolvePolicy, targetKeyOf, type CommentMode } from '../../plugins/comments'
import { toPublicComment, type PublicComment } from './thread'

export type ReplyContext = {
  comment: PublicComment
  /** "articles:12" */
  target: string
  /** The commented page: its title and public path. */
  title: string
  path: string
  mode: CommentMode
}

type Doc = Record<string, unknown>

/** Null when the comment cannot be answered publicly (unknown, not approved, page unpublished, too deep). */
export async function loadReplyContext(payload: Payload, id: string): Promise<ReplyContext | null> {
  if (!/^\d{1,15}$/.test(id)) return null
  const options = optionsOf(payload)
  const doc = (await payload.findByID({
    collection: options.slug as 'users',
    id: Number(id),
    depth: 0,
    overrideAccess: false,
    disableErrors: true,
  })) as unknown as Doc | null
  if (!doc) return null
  const comment = toPublicComment(doc)
  if (comment.level >= LIMITS.maxDepth) return null

  const ref = doc.target as { relationTo?: unknown; value?: unknown } | null
  const collection = typeof ref?.relationTo === 'string' ? ref.relationTo : ''
  if (!(collection in options.collections)) return null
  const targetId = ref?.value && typeof ref.value === 'object' ? (ref.value as Doc).id : ref?.value
  if (typeof targetId !== 'number' && typeof targetId !== 'string') return null
  const page = (await payload.findByID({
    collection: collection as 'users',
    id: targetId,
    depth: 0,
    overrideAccess: false,
    disableErrors: true,
  })) as unknown as Doc | null
  const path = page ? publicPath(collection, page) : null
  if (!page || !path) return null

  const policy = await resolvePolicy(payload, options)
  return {
    comment,
    target: targetKeyOf(collection, targetId),
    title: typeof page.title === 'string' ? page.title : '',
    path,
    mode: effectiveMode(page.commentMode, policy, options.collections[collection]?.defaultMode),
  }
}
