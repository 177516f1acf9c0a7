'use client'
/**
 * With JavaScript, the "Répondre" links under the comments open ONE shared reply form right under
 * the comment, instead of leading to the reply page. The links are plain server-rendered <a>
 * (/commentaires/<id>/repondre): this component reads the comment's id from the link and its
 * author's name from the comment, so the page carries no per-comment props. The shared strings
 * (mode sentence, help) come once, as this component's props.
 */
import { useEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

import { CommentForm } from './CommentForm'
import { REPLY_LINK_CLASS } from './form-state'

type Props = { target: string; path: string; modeSentence: string; help: string }
type Reply = { id: number; authorName: string; link: HTMLAnchorElement }

const REPLY_HREF = /\/commentaires\/(\d{1,15})\/repondre$/

export function InlineReply({ target, path, modeSentence, help }: Props) {
  const [reply, setReply] = useState<Reply | null>(null)
  const [slot, setSlot] = useState<HTMLElement | null>(null)
  const opened = useRef<number | null>(null)

  useEffect(() => {
    const section = document.getElementById('commentaires')
    if (!section) return
    const container = document.createElement('div')
    container.className = 'comments-reply-slot'
    setSlot(container)
    const onClick = (event: MouseEvent) => {
      // A new tab or window keeps the link's own behaviour (the reply page).
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const link = (event.target as Element | null)?.closest?.(`a.${REPLY_LINK_CLASS}`) as HTMLAnchorElement | null
      const id = Number(REPLY_HREF.exec(link?.pathname ?? '')?.[1])
      const comment = link?.closest('article')
      if (!link || !id || !comment) return
      event.preventDefault()
      comment.append(container)
      setReply({ id, authorName: document.getElementById(`commentaire-${id}-auteur`)?.textContent?.trim() ?? '', link })
    }
    section.addEventListener('click', onClick)
    return () => {
      section.removeEventListener('click', onClick)
      container.remove()
    }
  }, [])

  // Focus the first field of the form just opened (a screen reader announces "Répondre à …").
  useEffect(() => {
    if (!reply || !slot || opened.current === reply.id) return
    opened.current = reply.id
    slot.querySelector<HTMLInputElement>('input:not([type="hidden"]):not([tabindex="-1"])')?.focus()
  }, [reply, slot])

  if (!reply || !slot) return null
  const close = () => {
    opened.current = null
    setReply(null)
    slot.remove()
    reply.link.focus()
  }
  return createPortal(
    <div
      className="comments-reply"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close()
      }}
    >
      <CommentForm
        key={reply.id}
        target={target}
        path={path}
        formId={`comments-reply-${reply.id}`}
        modeSentence={modeSentence}
        help={help}
        parent={{ id: reply.id, authorName: reply.authorName }}
        rows={5}
      />
      <button type="button" className="comments-reply-cancel" onClick={close}>
        Annuler la réponse
      </button>
    </div>,
    slot,
  )
}
