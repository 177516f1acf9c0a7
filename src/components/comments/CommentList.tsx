'use client'
/**
 * The threaded comments of a page. Rendered on the server like any component; it is a client
 * component only so that the page's React payload carries each comment as one short tuple
 * (CommentRow) instead of its whole element tree: with hundreds of comments that halves the HTML.
 * No state, no effects: the markup is exactly what the server renders.
 */
import { paths } from '../../lib/site-paths'
import { REPLY_LINK_CLASS, type CommentRow } from './form-state'

type Props = {
  rows: CommentRow[]
  /** Comments down to this level get a "Répondre" link (0: the page takes no new comments). */
  replyLevels: number
  className?: string
  label?: string
}

function Item({ row, level, replyLevels }: { row: CommentRow; level: number; replyLevels: number }) {
  const [id, authorName, website, staff, dateTime, dateLabel, bodyHtml, replies] = row
  const authorId = `commentaire-${id}-auteur`
  return (
    <li id={`commentaire-${id}`}>
      {/* Few classes here (styled by position in .comments-list): this repeats for every comment. */}
      <article className={staff ? 'comments-comment--staff' : undefined} aria-labelledby={authorId}>
        <header>
          <span className="comments-author" id={authorId}>
            {website ? (
              <a href={website} rel="nofollow ugc noopener">
                {authorName}
              </a>
            ) : (
              authorName
            )}
          </span>
          {staff ? <span className="comments-badge">Le Labo</span> : null}{' '}
          <a className="comments-date" href={`#commentaire-${id}`}>
            <time dateTime={dateTime}>{dateLabel}</time>
          </a>
        </header>
        {/* The server made bodyHtml with spipToHtml, which escapes everything the visitor typed. */}
        <div className="comments-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        {level <= replyLevels ? (
          // A plain link (the reply page, without JavaScript); InlineReply opens the form here.
          <a className={REPLY_LINK_CLASS} href={paths.commentReply(id)}>
            Répondre<span className="visually-hidden">{` à ${authorName}`}</span>
          </a>
        ) : null}
      </article>
      {replies.length > 0 ? (
        <CommentList rows={replies} replyLevels={replyLevels} level={level + 1} className="comments-list comments-replies" label={`Réponses à ${authorName}`} />
      ) : null}
    </li>
  )
}

export function CommentList({ rows, replyLevels, className = 'comments-list', label, level = 1 }: Props & { level?: number }) {
  return (
    <ol className={className} aria-label={label}>
      {rows.map((row) => (
        <Item key={row[0]} row={row} level={level} replyLevels={replyLevels} />
      ))}
    </ol>
  )
}
