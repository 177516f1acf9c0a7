/**
 * The public thread of a page: pure tree building (unit-tested) and the Local API query that
 * reads only what an anonymous visitor may read.
 */
import type { Payload } from 'payload'

import { LIMITS } from '../../plugins/comments'

export type PublicComment = {
  id: number
  parent: number | null
  level: number
  authorName: string
  authorWebsite: string | null
  body: string
  byStaff: boolean
  createdAt: string
}

export type ThreadNode = PublicComment & { replies: ThreadNode[] }

const idOf = (value: unknown): number | null => {
  const id = value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value
  return typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : null
}

export function toPublicComment(doc: Record<string, unknown>): PublicComment {
  return {
    id: Number(doc.id),
    parent: idOf(doc.parent),
    level: typeof doc.level === 'number' ? doc.level : 1,
    authorName: typeof doc.authorName === 'string' ? doc.authorName : '',
    authorWebsite: typeof doc.authorWebsite === 'string' && doc.authorWebsite ? doc.authorWebsite : null,
    body: typeof doc.body === 'string' ? doc.body : '',
    byStaff: doc.byStaff === true,
    createdAt: typeof doc.createdAt === 'string' ? doc.createdAt : '',
  }
}

/**
 * Nests comments under their parents, oldest first at every level, at most `maxDepth` levels.
 * A reply whose parent is not in the list (refused, in the trash) is not shown: out of its
 * conversation it would make no sense.
 */
export function buildThread(comments: readonly PublicComment[], maxDepth: number = LIMITS.maxDepth): ThreadNode[] {
  const sorted = [...comments].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
  const nodes = new Map<number, ThreadNode>()
  for (const comment of sorted) nodes.set(comment.id, { ...comment, replies: [] })
  const roots: ThreadNode[] = []
  for (const node of nodes.values()) {
    if (node.parent === null) {
      roots.push(node)
      continue
    }
    const parent = nodes.get(node.parent)
    if (parent) parent.replies.push(node)
  }
  // Depth from the tree itself (not the stored level), cutting anything deeper than allowed.
  const prune = (list: ThreadNode[], depth: number): ThreadNode[] =>
    list.map((node) => ({ ...node, level: depth, replies: depth >= maxDepth ? [] : prune(node.replies, depth + 1) }))
  return prune(roots, 1)
}

/** Number of comments a thread shows. */
export const countThread = (nodes: readonly ThreadNode[]): number => nodes.reduce((n, node) => n + 1 + countThread(node.replies), 0)

/** The approved comments of a target, read as an anonymous visitor would (access enforced). */
export async function loadPublicComments(payload: Payload, targetKey: string, slug = 'comments'): Promise<PublicComment[]> {
  const { docs } = await payload.find({
    collection: slug as 'users',
    where: { targetKey: { equals: targetKey } },
    sort: 'createdAt',
    limit: 1000,
    depth: 0,
    overrideAccess: false,
    pagination: false,
  })
  return (docs as unknown as Record<string, unknown>[]).map(toPublicComment)
}
