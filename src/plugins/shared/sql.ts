/**
 * Running our own SQL beside Payload's: on the request's transaction when there is one (a second
 * pool connection taken while a transaction holds one would deadlock once every connection is
 * held that way, and the statement must commit or roll back with the change), else on the
 * adapter's Drizzle instance.
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

export type SQL = ReturnType<typeof sql>
export type Executor = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> }

/** The request's transaction, else the adapter's connection pool. */
export async function executorFor<E extends Executor = Executor>(payload: Payload, req?: Partial<PayloadRequest>): Promise<E> {
  const adapter = payload.db as unknown as { drizzle?: E; sessions?: Record<string, { db?: E }> }
  const transactionID = req?.transactionID ? await req.transactionID : undefined
  const db = (transactionID !== undefined && adapter.sessions?.[String(transactionID)]?.db) || adapter.drizzle
  if (!db || typeof db.execute !== 'function') throw new Error('This statement needs the Postgres adapter (@payloadcms/db-postgres)')
  return db
}

/** Schema-qualified, quoted name of a collection's table, as SQL. */
export const tableOf = (payload: Payload, slug: string): SQL => {
  const db = payload.db as unknown as { schemaName?: string; tableNameMap?: Map<string, string> }
  const name = db.tableNameMap?.get(slug.replace(/-/g, '_')) ?? slug.replace(/-/g, '_')
  const quote = (part: string) => `"${part.replace(/"/g, '""')}"`
  return sql.raw(db.schemaName ? `${quote(db.schemaName)}.${quote(name)}` : quote(name))
}
