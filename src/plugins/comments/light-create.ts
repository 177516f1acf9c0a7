/**
 * After inserting a document, Payload's Postgres adapter reads the whole row back (a relational
 * query joining `comments_rels`) although the create operation passes no `select`. For a
 * visitor's post, whose every field the hooks just set, the plugin has the adapter read back only
 * the id and answers with the data it wrote (no relational query to build and decode).
 * Staff, trusted imports, updates and everything else keep the full read-back.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { ResolvedOptions } from './settings'

const lightCreates = new WeakSet<object>()

/** Called by the create hook for a visitor's post: this request's insert may skip the full read-back. */
export const markLightCreate = (req: PayloadRequest): void => {
  lightCreates.add(req)
}

type CreateArgs = { collection: string; data: Record<string, unknown>; req?: object; select?: unknown; returning?: boolean }
type Adapter = { create: (this: unknown, args: CreateArgs) => Promise<Record<string, unknown> | null>; __commentsLightCreate?: true }

export function installLightCreate(payload: Payload, options: ResolvedOptions): void {
  const adapter = payload.db as unknown as Adapter
  if (typeof adapter.create !== 'function' || adapter.__commentsLightCreate) return
  const create = adapter.create
  adapter.__commentsLightCreate = true
  adapter.create = async function (this: unknown, args: CreateArgs) {
    if (args.collection !== options.slug || !args.req || !lightCreates.has(args.req) || args.select || args.returning === false) {
      return create.call(this, args)
    }
    lightCreates.delete(args.req)
    const doc = await create.call(this, { ...args, select: { id: true } })
    if (!doc || doc.id === undefined || doc.id === null) return doc
    // The adapter set `createdAt` on the data it inserted; `updatedAt` is the same instant.
    return { ...args.data, id: doc.id, updatedAt: args.data.updatedAt ?? args.data.createdAt }
  }
}
