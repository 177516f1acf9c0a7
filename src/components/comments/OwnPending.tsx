'use client'
/**
 * With JavaScript, on a later visit: the visitor's own comments that still wait for moderation
 * (the server reads its signed cookie). Static pages stay static: this asks the API.
 */
import { useEffect, useState } from 'react'

import { OwnComment } from './OwnComment'
import type { SubmittedComment } from './form-state'

export function OwnPending({ target }: { target: string }) {
  const [comments, setComments] = useState<SubmittedComment[]>([])
  useEffect(() => {
    let alive = true
    fetch(`/api/comments/mine?target=${encodeURIComponent(target)}`, { credentials: 'same-origin', cache: 'no-store' })
      .then((res) => (res.ok ? res.json() : { docs: [] }))
      .then((json: { docs?: SubmittedComment[] }) => {
        if (alive) setComments(json.docs ?? [])
      })
      .catch(() => {})
    return () => {
      alive = false
    }
  }, [target])
  if (comments.length === 0) return null
  return (
    <section className="comments-own" aria-label="Vos messages en attente de validation">
      <p className="comments-own-title">Vos messages en attente de validation :</p>
      {comments.map((comment) => (
        <OwnComment key={comment.id} comment={comment} />
      ))}
    </section>
  )
}
