/**
 * Above the comments list: the queues (pending first, with counts). Opening the list without a
 * filter lands on the pending queue, newest first.
 */
import { redirect } from 'next/navigation'
import type { CollectionSlug, Payload } from 'payload'
import type { CSSProperties } from 'react'

import { COMMENT_STATUSES, STATUS_LABELS, type CommentStatus } from '../constants'

type Props = {
  payload: Payload
  params?: { segments?: string[] }
  searchParams?: Record<string, string | string[] | undefined>
}

const SLUG = 'comments' as CollectionSlug

const statusFilter = (status: CommentStatus) => `?where%5Bstatus%5D%5Bequals%5D=${status}&sort=-createdAt`

/** The status the list is filtered on, whatever shape the admin gave the query. */
function activeStatus(searchParams: Props['searchParams']): string | null {
  if (!searchParams) return null
  for (const [key, value] of Object.entries(searchParams)) {
    if (/\[status\]\[equals\]$/.test(key) && typeof value === 'string') return value
  }
  return null
}

export async function ModerationTabs({ payload, params, searchParams }: Props) {
  const base = `${payload.config.routes.admin}/collections/${SLUG}`
  const segments = params?.segments ?? []
  const isList = segments.length === 2 && segments[0] === 'collections' && segments[1] === SLUG
  // The page itself (not a drawer, not the trash) opened without a filter: show the queue.
  if (searchParams && isList && !Object.keys(searchParams).some((k) => k.startsWith('where') || k === 'search')) {
    redirect(`${base}${statusFilter('pending')}`)
  }
  if (!isList) return null

  const counts = await Promise.all(
    COMMENT_STATUSES.map((status) => payload.count({ collection: SLUG, where: { status: { equals: status } }, overrideAccess: true })),
  )
  const active = activeStatus(searchParams)
  const linkStyle = (current: boolean): CSSProperties => ({
    padding: '0.35rem 0.8rem',
    borderRadius: '999px',
    textDecoration: 'none',
    border: '1px solid var(--theme-elevation-150)',
    background: current ? 'var(--theme-elevation-800)' : 'var(--theme-elevation-50)',
    color: current ? 'var(--theme-elevation-0)' : 'var(--theme-elevation-800)',
    fontWeight: current ? 600 : 400,
  })

  return (
    <nav aria-label="Files de modération" style={{ margin: '0 var(--gutter-h) 1rem', display: 'flex', flexWrap: 'wrap', gap: '0.5rem' }}>
      {COMMENT_STATUSES.map((status, i) => (
        <a key={status} href={`${base}${statusFilter(status)}`} style={linkStyle(active === status)} aria-current={active === status ? 'page' : undefined}>
          {STATUS_LABELS[status]} ({counts[i].totalDocs})
        </a>
      ))}
      <a href={`${base}?where%5Bstatus%5D%5Bexists%5D=true&sort=-createdAt`} style={linkStyle(active === null)} aria-current={active === null ? 'page' : undefined}>
        Tous
      </a>
    </nav>
  )
}
