/**
 * Creating a comment without reading it back. Payload's Postgres adapter inserts the row and
 * its relations, then selects the new row again (with its relation table) to return it; for a
 * comment, everything that select returns is what the create just wrote. This keeps the
 * adapter's own write (upsertRow: same row, same relation rows, same transaction) and builds
 * the returned document from the written data, saving a statement and ~1.4 ms of query
 * building per post.
 */
import { upsertRow } from '@payloadcms/drizzle'
import type { BaseDatabaseAdapter, CollectionSlug, FlattenedField, Payload } from 'payload'

import { executorFor, tableNameOf } from '../shared/sql'

type CreateArgs = Parameters<BaseDatabaseAdapter['create']>[0]

/** The stored value of an absent field, as Payload's read of the row gives it. */
const emptyValue = (field: FlattenedField): unknown =>
  ('hasMany' in field && field.hasMany) || field.type === 'array' || field.type === 'blocks' ? [] : null

export function installLeanCreate(payload: Payload, slug: string): void {
  const db = payload.db
  const tableName = tableNameOf(payload, slug)
  const original = db.create.bind(db)
  const fields = payload.collections[slug as CollectionSlug]!.config.flattenedFields
  db.create = async (args: CreateArgs) => {
    if (args.collection !== slug || args.returning === false || args.select || args.customID !== undefined) return original(args)
    // The timestamps the adapter would set (an import may give its own createdAt).
    const now = new Date().toISOString()
    const data: Record<string, unknown> = { ...args.data }
    data.createdAt ??= now
    data.updatedAt ??= now
    const written = (await upsertRow({
      adapter: db as never,
      collectionSlug: slug,
      data,
      db: (await executorFor(payload, args.req)) as never,
      fields,
      ignoreResult: 'idOnly',
      operation: 'create',
      req: args.req,
      tableName,
    })) as { id: number }
    const doc: Record<string, unknown> = { id: written.id }
    for (const field of fields) {
      if (field.type === 'join' || ('virtual' in field && field.virtual)) continue
      doc[field.name] = data[field.name] === undefined ? emptyValue(field) : data[field.name]
    }
    return doc as never
  }
}
