import { describe, expect, it } from 'vitest'

import { buildThread, countThread, type PublicComment } from '../../src/components/comments/thread'

const c = (id: number, parent: number | null, minute: number): PublicComment => ({
  id,
  parent,
  level: 1,
  authorName: `A${id}`,
  authorWebsite: null,
  body: `corps ${id}`,
  byStaff: false,
  createdAt: `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
})

describe('buildThread', () => {
  it('nests replies under their parents, oldest first at every level', () => {
    const thread = buildThread([c(3, 1, 5), c(1, null, 1), c(2, null, 2), c(4, 1, 3), c(5, 4, 6)])
    expect(thread.map((n) => n.id)).toEqual([1, 2])
    expect(thread[0].replies.map((n) => n.id)).toEqual([4, 3])
    expect(thread[0].replies[0].replies.map((n) => n.id)).toEqual([5])
    expect(thread[0].replies[0].replies[0].level).toBe(3)
    expect(countThread(thread)).toBe(5)
  })

  it('drops replies whose parent is not public, and anything deeper than three levels', () => {
    const thread = buildThread([c(1, null, 1), c(2, 99, 2), c(3, 1, 3), c(4, 3, 4), c(5, 4, 5), c(6, 2, 6)])
    // 2 answers a comment that is not public, 6 answers 2, 5 would be a fourth level.
    expect(countThread(thread)).toBe(3)
    for (const id of [2, 5, 6]) expect(JSON.stringify(thread)).not.toContain(`"id":${id},`)
  })
})
