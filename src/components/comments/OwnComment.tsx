'use client'
import { spipToHtml } from '../../lib/spip-markup/comments'
import { formatCommentDate } from './dates'
import type { SubmittedComment } from './form-state'

/** The visitor's own comment while it waits for moderation; nobody else sees it. */
export function OwnComment({ comment }: { comment: SubmittedComment }) {
  return (
    <article className="comments-comment comments-comment--pending" id={`commentaire-${comment.id}`} aria-label={`Votre message du ${formatCommentDate(comment.createdAt)}`}>
      <header className="comments-meta">
        <span className="comments-author">{comment.authorName}</span>{' '}
        <time dateTime={comment.createdAt}>{formatCommentDate(comment.createdAt)}</time>{' '}
        <strong className="comments-pending-mark">en attente de validation</strong>
      </header>
      {/* spipToHtml escapes everything the visitor typed; its output is the only HTML injected. */}
      <div className="comments-body" dangerouslySetInnerHTML={{ __html: spipToHtml(comment.body) }} />
    </article>
  )
}
