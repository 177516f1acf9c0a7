/**
 * Under a commentable page: the approved comments (threaded, three levels), their count, the
 * mode's sentence and the form. Reads only what an anonymous visitor may read, and nothing
 * about the visitor (no cookies): the page stays static, and the plugin refreshes it when a
 * comment is approved or removed.
 *
 * Each comment carries only a "Répondre" link to its reply page (/commentaires/<id>/repondre,
 * which works without JavaScript); with JavaScript, InlineReply opens one shared form under the
 * comment instead. No form or client props per comment: the page stays light.
 *
 *   <Comments collection="articles" doc={{ id, slug, commentMode }} path="/articles/<slug>" />
 */
import './comments.css'

import config from '@payload-config'
import { getPayload } from 'payload'

import { isHttpUrl } from '../../fields/url'
import { paths } from '../../lib/site-paths'
import { spipToHtml } from '../../lib/spip'
import { LIMITS, MODE_SENTENCES, SPIP_HELP } from '../../plugins/comments/constants'
import { effectiveMode, optionsOf, resolvePolicy } from '../../plugins/comments/settings'
import { targetKeyOf } from '../../plugins/comments/sql'
import { CommentForm } from './CommentForm'
import { formatCommentDate } from './dates'
import { REPLY_LINK_CLASS } from './form-state'
import { InlineReply } from './InlineReply'
import { OwnPending } from './OwnPending'
import { buildThread, countThread, loadPublicComments, type ThreadNode } from './thread'

export type CommentsProps = {
  /** Slug of the commented collection: "articles", "projects", "axes" or "themes". */
  collection: string
  /** The commented document; `commentMode` "default" (or absent) follows the site settings. */
  doc: { id: number | string; slug?: string | null; commentMode?: string | null }
  /** Public path of the page ("/articles/<slug>"). */
  path: string
  /** Heading level of the section title (2 by default; replies and form use the next one). */
  headingLevel?: 2 | 3
}

const countLabel = (n: number) => (n === 0 ? 'Aucun commentaire' : n === 1 ? 'Un commentaire' : `${n} commentaires`)

function Author({ comment }: { comment: ThreadNode }) {
  const website = comment.authorWebsite && isHttpUrl(comment.authorWebsite) ? comment.authorWebsite : null
  return (
    <span className="comments-author" id={`commentaire-${comment.id}-auteur`}>
      {website ? (
        <a href={website} rel="nofollow ugc noopener">
          {comment.authorName}
        </a>
      ) : (
        comment.authorName
      )}
    </span>
  )
}

function CommentItem({ comment, open }: { comment: ThreadNode; open: boolean }) {
  return (
    <li id={`commentaire-${comment.id}`}>
      {/* Few classes here (styled by position in .comments-list): this repeats for every comment. */}
      <article className={comment.byStaff ? 'comments-comment--staff' : undefined} aria-labelledby={`commentaire-${comment.id}-auteur`}>
        <header>
          <Author comment={comment} />
          {comment.byStaff ? <span className="comments-badge">Le Labo</span> : null}{' '}
          <a className="comments-date" href={`#commentaire-${comment.id}`}>
            <time dateTime={comment.createdAt.slice(0, 16) + 'Z'}>{formatCommentDate(comment.createdAt)}</time>
          </a>
        </header>
        {/* spipToHtml escapes everything the visitor typed; its output is the only HTML injected. */}
        <div className="comments-body" dangerouslySetInnerHTML={{ __html: spipToHtml(comment.body) }} />
        {open && comment.level < LIMITS.maxDepth ? (
          // A plain link (the reply page, without JavaScript); InlineReply opens the form here.
          <a className={REPLY_LINK_CLASS} href={paths.commentReply(comment.id)}>
            Répondre<span className="visually-hidden">{` à ${comment.authorName}`}</span>
          </a>
        ) : null}
      </article>
      {comment.replies.length > 0 ? (
        <ol className="comments-list comments-replies" aria-label={`Réponses à ${comment.authorName}`}>
          {comment.replies.map((reply) => (
            <CommentItem key={reply.id} comment={reply} open={open} />
          ))}
        </ol>
      ) : null}
    </li>
  )
}

export async function Comments({ collection, doc, path, headingLevel = 2 }: CommentsProps) {
  const payload = await getPayload({ config })
  const options = optionsOf(payload)
  if (!(collection in options.collections)) return null
  const policy = await resolvePolicy(payload, options)
  const mode = effectiveMode(doc.commentMode, policy, options.collections[collection]?.defaultMode)
  const target = targetKeyOf(collection, doc.id)
  const thread = buildThread(await loadPublicComments(payload, target, options.slug))
  const count = countThread(thread)
  const open = mode !== 'closed'
  if (!open && count === 0) return null

  const H = `h${headingLevel}` as 'h2' | 'h3'
  const H2 = `h${headingLevel + 1}` as 'h3' | 'h4'
  const modeSentence = MODE_SENTENCES[mode]

  return (
    <section className="comments" id="commentaires" aria-labelledby="commentaires-titre">
      <H id="commentaires-titre" className="comments-title">
        {count === 0 ? 'Commentaires' : countLabel(count)}
      </H>
      {count > 0 ? (
        <ol className="comments-list">
          {thread.map((comment) => (
            <CommentItem key={comment.id} comment={comment} open={open} />
          ))}
        </ol>
      ) : (
        <p className="comments-empty">Aucun commentaire pour l’instant.</p>
      )}
      {open ? (
        <div className="comments-form-area">
          <H2 className="comments-form-title">Ajouter un commentaire</H2>
          <OwnPending target={target} />
          <CommentForm target={target} path={path} formId="comments-form" modeSentence={modeSentence} help={SPIP_HELP} />
          {count > 0 ? <InlineReply target={target} path={path} modeSentence={modeSentence} help={SPIP_HELP} /> : null}
        </div>
      ) : (
        <p className="comments-mode comments-mode--closed">{modeSentence}</p>
      )}
    </section>
  )
}
