/**
 * Under a commentable page: the approved comments (threaded, three levels), their count, the
 * mode's sentence and the form. Reads only what an anonymous visitor may read, and nothing
 * about the visitor (no cookies): the page stays static, and the plugin refreshes it when a
 * comment is approved or removed.
 *
 * Each comment carries only a "Répondre" link to its reply page (/commentaires/<id>/repondre,
 * which works without JavaScript); with JavaScript, InlineReply opens one shared form under the
 * comment instead. No form per comment, and each comment reaches the browser's React payload as
 * one short tuple (CommentList): about 0.8 KB of HTML per comment in all (e2e test).
 *
 *   <Comments collection="articles" doc={{ id, slug, commentMode }} path="/articles/<slug>" />
 */
import './comments.css'

import config from '@payload-config'
import { getPayload } from 'payload'

import { isHttpUrl } from '../../fields/url'
import { spipToHtml } from '../../lib/spip-markup/comments'
import { effectiveMode, LIMITS, MODE_SENTENCES, optionsOf, resolvePolicy, SPIP_HELP, targetKeyOf } from '../../plugins/comments'
import { CommentForm } from './CommentForm'
import { formatCommentDate } from './dates'
import { CommentList } from './CommentList'
import type { CommentRow } from './form-state'
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

/** The thread as compact rows for CommentList (see CommentRow). */
const toRows = (nodes: readonly ThreadNode[]): CommentRow[] =>
  nodes.map((c) => [
    c.id,
    c.authorName,
    c.authorWebsite && isHttpUrl(c.authorWebsite) ? c.authorWebsite : null,
    c.byStaff ? 1 : 0,
    c.createdAt ? `${c.createdAt.slice(0, 16)}Z` : '',
    formatCommentDate(c.createdAt),
    spipToHtml(c.body),
    toRows(c.replies),
  ])

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
        <CommentList rows={toRows(thread)} replyLevels={open ? LIMITS.maxDepth - 1 : 0} />
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
