/**
 * The page to answer a comment: the comment, then the form with it as parent. Reached by the
 * "Répondre" links when JavaScript is off (or in a new tab); posting comes back here with the
 * outcome (errors by their fields, or the reply marked pending for its author).
 */
import './comments.css'

import { isHttpUrl } from '../../fields/url'
import { paths } from '../../lib/site-paths'
import { spipToHtml } from '../../lib/spip-markup/comments'
import { frenchTypography as t } from '../../lib/typography'
import { MODE_SENTENCES, SPIP_HELP } from '../../plugins/comments'
import { Breadcrumbs } from '../Breadcrumbs'
import { CommentForm } from './CommentForm'
import { formatCommentDate } from './dates'
import type { ReplyContext } from './reply'

export function ReplyPage({ context }: { context: ReplyContext }) {
  const { comment, target, title, path, mode } = context
  const website = comment.authorWebsite && isHttpUrl(comment.authorWebsite) ? comment.authorWebsite : null
  return (
    <div className="comments comments--reply-page">
      <Breadcrumbs items={[{ label: title, href: path }, { label: 'Répondre à un commentaire' }]} />
      <h1>{`Répondre à ${comment.authorName}`}</h1>
      <p>
        <a href={`${path}#commentaire-${comment.id}`}>{t(`Revenir à « ${title} »`)}</a>
      </p>
      <article className={`comments-comment${comment.byStaff ? ' comments-comment--staff' : ''}`} aria-labelledby="commentaire-auteur">
        <header className="comments-meta">
          <span className="comments-author" id="commentaire-auteur">
            {website ? (
              <a href={website} rel="nofollow ugc noopener">
                {comment.authorName}
              </a>
            ) : (
              comment.authorName
            )}
          </span>
          {comment.byStaff ? <span className="comments-badge">Le Labo</span> : null}{' '}
          <time dateTime={comment.createdAt}>{formatCommentDate(comment.createdAt)}</time>
        </header>
        {/* spipToHtml escapes everything the visitor typed; its output is the only HTML injected. */}
        <div className="comments-body" dangerouslySetInnerHTML={{ __html: spipToHtml(comment.body) }} />
      </article>
      {mode === 'closed' ? (
        <p className="comments-mode comments-mode--closed">{MODE_SENTENCES.closed}</p>
      ) : (
        <div className="comments-form-area">
          <h2 className="comments-form-title">Votre réponse</h2>
          <CommentForm
            target={target}
            path={paths.commentReply(comment.id)}
            formId="comments-form"
            modeSentence={MODE_SENTENCES[mode]}
            help={SPIP_HELP}
            parent={{ id: comment.id, authorName: comment.authorName }}
          />
        </div>
      )}
    </div>
  )
}
