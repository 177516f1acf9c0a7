/**
 * The one module that reaches Payload's Postgres adapter internals (its Drizzle instance, pool,
 * transaction sessions, table names); `adapterInternalsMissing` lists what an upgrade removed
 * (tests/int/adapter-internals.test.ts fails loudly on it):
 * - running our own SQL beside Payload's: on the request's transaction when there is one (a
 *   second pool connection taken while a transaction holds one would deadlock once every
 *   connection is held that way, and the statement must commit or roll back with the change),
 *   else on the adapter's Drizzle instance;
 * - the tables of collections, the pool, the connection string, whether the schema is pushed;
 * - transactions whose failed COMMIT is an error (installDurableCommit).
 */
import { createHash, randomUUID } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import { beginTransaction as stockBeginTransaction, upsertRow } from '@payloadcms/drizzle'
import { APIError, type BaseDatabaseAdapter, type CollectionSlug, type FlattenedField, type Payload, type PayloadRequest } from 'payload'

export type SQL = ReturnType<typeof sql>
export type Executor = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> }
export type CompiledQuery = { sql: string; params: unknown[] }
type PgPool = {
  query: <R = Record<string, unknown>>(query: { name?: string; text: string; values?: unknown[] }) => Promise<{ rows: R[] }>
}

/** What we read of @payloadcms/db-postgres's adapter. */
type Internals = {
  packageName?: string
  drizzle?: Executor & { dialect?: { sqlToQuery: (query: SQL) => CompiledQuery } }
  sessions?: Record<string, { db?: Executor }>
  tables?: Record<string, Record<string, unknown>>
  tableNameMap?: Map<string, string>
  schemaName?: string
  pool?: PgPool
  poolOptions?: { connectionString?: string }
  push?: boolean
}
const internals = (payload: Payload) => payload.db as unknown as Internals

/** What this module needs of the adapter and an upgrade removed, by name: empty when all is there. */
export function adapterInternalsMissing(payload: Payload): string[] {
  const db = internals(payload)
  const checks: [string, boolean][] = [
    ['packageName @payloadcms/db-postgres', db.packageName === '@payloadcms/db-postgres'],
    ['drizzle.execute', typeof db.drizzle?.execute === 'function'],
    ['drizzle.dialect.sqlToQuery', typeof db.drizzle?.dialect?.sqlToQuery === 'function'],
    ['sessions', typeof db.sessions === 'object' && db.sessions !== null],
    ['tables', typeof db.tables === 'object' && db.tables !== null],
    ['tableNameMap', db.tableNameMap instanceof Map],
    ['pool.query', typeof db.pool?.query === 'function'],
    ['poolOptions', typeof db.poolOptions === 'object' && db.poolOptions !== null],
  ]
  return checks.filter(([, ok]) => !ok).map(([name]) => name)
}

/** The request's transaction, else the adapter's connection pool. */
export async function executorFor<E extends Executor = Executor>(payload: Payload, req?: Partial<PayloadRequest>): Promise<E> {
  const adapter = internals(payload) as { drizzle?: E; sessions?: Record<string, { db?: E }> }
  const transactionID = req?.transactionID ? await req.transactionID : undefined
  const db = (transactionID !== undefined && adapter.sessions?.[String(transactionID)]?.db) || adapter.drizzle
  if (!db || typeof db.execute !== 'function') throw new Error('This statement needs the Postgres adapter (@payloadcms/db-postgres)')
  return db
}

/** The name of a collection's table. */
export const tableNameOf = (payload: Payload, slug: string): string => {
  const key = slug.replace(/-/g, '_')
  return internals(payload).tableNameMap?.get(key) ?? key
}

const quote = (part: string) => `"${part.replace(/"/g, '""')}"`

/** Schema-qualified, quoted name of a collection's table, as text. */
export const quotedTableOf = (payload: Payload, slug: string): string => {
  const schema = internals(payload).schemaName
  const name = quote(tableNameOf(payload, slug))
  return schema ? `${quote(schema)}.${name}` : name
}

/** Schema-qualified, quoted name of a collection's table, as SQL. */
export const tableOf = (payload: Payload, slug: string): SQL => sql.raw(quotedTableOf(payload, slug))

/** The Drizzle table object of a collection (to build queries with Drizzle's helpers). */
export const drizzleTableOf = (payload: Payload, slug: string): Record<string, unknown> | undefined =>
  internals(payload).tables?.[tableNameOf(payload, slug)]

/** The adapter's pg pool: statements outside any transaction, named (prepared) ones included. */
export const poolOf = (payload: Payload): PgPool | undefined => internals(payload).pool

/** The connection string the adapter connects with. */
export const connectionStringOf = (payload: Payload): string | undefined => internals(payload).poolOptions?.connectionString

/** Whether the schema is pushed from the config (`npm run dev`) rather than migrated. */
export const schemaPushed = (payload: Payload): boolean => internals(payload).push === true

/**
 * A statement written once with `sql.placeholder()`s: its text is built on first use, and
 * Postgres parses and plans it once per connection (a named prepared statement, the name
 * derived from the text), instead of for every request. `values` fill the placeholders.
 */
export type Prepared = { name: string; query: CompiledQuery }

const preparedCache = new WeakMap<Payload, Map<string, Prepared>>()

export function prepared(payload: Payload, key: string, build: () => SQL): Prepared | null {
  const cache = preparedCache.get(payload) ?? new Map<string, Prepared>()
  preparedCache.set(payload, cache)
  const hit = cache.get(key)
  if (hit) return hit
  const query = internals(payload).drizzle?.dialect?.sqlToQuery(build())
  if (!query) return null
  // Postgres names are at most 63 bytes; one name per text, as pg requires.
  const name = `labo_${createHash('sha256').update(query.sql).digest('hex').slice(0, 24)}`
  const statement = { name, query }
  cache.set(key, statement)
  return statement
}

type PreparingExecutor = Executor & {
  session?: {
    prepareQuery: (
      query: CompiledQuery,
      fields: undefined,
      name: string,
      arrayMode: false,
    ) => { execute: (values: Record<string, unknown>) => Promise<{ rows: Record<string, unknown>[] }> }
  }
}

/** Runs a prepared statement on the request's transaction, else the pool. */
export async function runPrepared<R extends Record<string, unknown>>(
  payload: Payload,
  statement: Prepared,
  values: Record<string, unknown>,
  req?: Partial<PayloadRequest>,
): Promise<R[]> {
  const db = await executorFor<PreparingExecutor>(payload, req)
  if (!db.session?.prepareQuery) throw new Error('This statement needs the Postgres adapter (@payloadcms/db-postgres)')
  return (await db.session.prepareQuery(statement.query, undefined, statement.name, false).execute(values)).rows as R[]
}

/** What a failed COMMIT answers (503): nothing is acknowledged that Postgres did not confirm. */
export const COMMIT_MESSAGES = {
  /** Postgres answered the COMMIT with an error: the transaction was rolled back. */
  rolledBack: 'La base de données n’a pas confirmé l’enregistrement : rien n’a été enregistré. Réessayez dans un instant.',
  /** The connection was lost around the COMMIT: its outcome is unknown. */
  unknown: 'La base de données n’a pas confirmé l’enregistrement : il n’a peut-être pas été pris en compte. Réessayez dans un instant.',
  /** No transaction could be opened. */
  unreachable: 'La base de données ne répond pas : rien n’a été enregistré. Réessayez dans un instant.',
} as const

type Tx = { session?: { client?: { on?: (event: 'error', fn: (err: unknown) => void) => void; removeListener: (event: 'error', fn: (err: unknown) => void) => void } } }
/** A transaction as the adapter keeps it: executorFor reads `db`, Payload's rollbackTransaction calls `reject`. */
type Session = { db: Tx; resolve: () => Promise<void>; reject: () => Promise<void> }
type TransactionalAdapter = {
  initializing?: Promise<unknown>
  drizzle?: { transaction: (fn: (tx: Tx) => Promise<void>, config?: unknown) => Promise<void> }
  transactionOptions?: unknown
  sessions: Record<string, Session>
  payload: Payload
}

/** Ends the held transaction with a rollback: expected, not an error. */
const ROLLBACK = Symbol('rollback')
/**
 * Postgres refused the COMMIT (an error with a SQLSTATE, other than a lost connection or a server
 * shutting down, classes 08 and 57): the transaction was rolled back.
 */
const isRefusal = (code: unknown) => typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57)/.test(code)
const refusedByServer = (err: unknown) => {
  // Drizzle wraps the driver's error (DrizzleQueryError) and keeps it as `cause`.
  const { code, cause } = (err ?? {}) as { code?: unknown; cause?: { code?: unknown } }
  return isRefusal(code) || isRefusal(cause?.code)
}
/** A public 503 that keeps the database's error as its cause (logged with it). */
const unavailable = (message: string, cause: unknown) => Object.assign(new APIError(message, 503, null, true), { cause })

/**
 * Payload's drizzle helpers hold a transaction open by awaiting a promise inside
 * `drizzle.transaction()`, but catch that call's error once the transaction is open: a failed
 * COMMIT (deferred constraint, serialization failure, server gone) is swallowed and the write
 * answered 201. The same design, with the transaction's outcome kept: the session's `resolve`
 * (commit) throws a 503 when the COMMIT failed.
 */
async function beginTransaction(this: TransactionalAdapter, options?: unknown): Promise<string> {
  let tx: Tx
  let end!: { commit: () => void; rollback: () => void }
  let outcome: Promise<unknown>
  let lost: unknown = null
  try {
    await this.initializing
    if (!this.drizzle) throw new Error('the adapter is not connected')
    let opened!: (tx: Tx) => void
    const ready = new Promise<Tx>((resolve) => (opened = resolve))
    const held = this.drizzle.transaction(
      (transaction) =>
        new Promise<void>((commit, rollback) => {
          end = { commit: () => commit(), rollback: () => rollback(ROLLBACK) }
          opened(transaction)
        }),
      options ?? this.transactionOptions,
    )
    // Never rejects: the transaction's error, or null once committed.
    outcome = held.then(
      () => null,
      (err: unknown) => err,
    )
    tx = await Promise.race([ready, outcome.then((err) => Promise.reject(err ?? new Error('the transaction ended before it began')))])
  } catch (err) {
    throw unavailable(COMMIT_MESSAGES.unreachable, err)
  }
  // The connection is checked out of the pool, which then listens to it no more: its loss (server
  // stopped, backend terminated) would be an uncaught 'error' event. It fails the COMMIT instead.
  const client = tx.session?.client
  const onError = (err: unknown) => (lost ??= err)
  client?.on?.('error', onError)
  void outcome.then(() => client?.removeListener('error', onError))

  const id = randomUUID()
  this.sessions[id] = {
    db: tx,
    resolve: async () => {
      // A connection lost before the COMMIT was sent: Postgres aborted the transaction.
      const lostBefore = lost !== null
      end.commit()
      const err = await outcome
      if (err === null) return
      const certain = lostBefore || (lost === null && refusedByServer(err))
      throw unavailable(certain ? COMMIT_MESSAGES.rolledBack : COMMIT_MESSAGES.unknown, lost ?? err)
    },
    reject: async () => {
      end.rollback()
      // A rollback that fails (connection lost) still leaves nothing committed.
      await outcome
    },
  }
  return id
}

/** Payload's commitTransaction, without its catch: a failed COMMIT reaches the operation. */
async function commitTransaction(this: TransactionalAdapter, incomingID: number | Promise<number | string> | string = ''): Promise<void> {
  const id = String(incomingID instanceof Promise ? await incomingID : incomingID)
  const session = this.sessions[id]
  // Already ended (several operations may share one transaction).
  if (!session) return
  delete this.sessions[id]
  await session.resolve()
}

/**
 * Makes the Postgres adapter's transactions durable (see beginTransaction): a write is
 * acknowledged only once Postgres confirmed its COMMIT. Throws on an adapter of another shape
 * (an upgrade that changed it must be looked at, not silently lose writes again).
 */
export function installDurableCommit(adapter: BaseDatabaseAdapter): void {
  const db = adapter as unknown as Partial<TransactionalAdapter> & { packageName?: string }
  if (db.packageName !== '@payloadcms/db-postgres') return
  // Transactions switched off (`transactionOptions: false`): every statement commits on its own.
  if (adapter.beginTransaction !== stockBeginTransaction) return
  if (typeof db.sessions !== 'object' || db.sessions === null || typeof adapter.beginTransaction !== 'function') {
    throw new Error('installDurableCommit: the Postgres adapter no longer keeps `sessions`; check src/plugins/shared/sql.ts')
  }
  adapter.beginTransaction = beginTransaction as unknown as BaseDatabaseAdapter['beginTransaction']
  adapter.commitTransaction = commitTransaction as unknown as BaseDatabaseAdapter['commitTransaction']
}

type CreateArgs = Parameters<BaseDatabaseAdapter['create']>[0]

/** The stored value of an absent field, as Payload's read of the row gives it. */
const emptyValue = (field: FlattenedField): unknown =>
  ('hasMany' in field && field.hasMany) || field.type === 'array' || field.type === 'blocks' ? [] : null

/**
 * Creating documents of one collection without reading them back: Payload's Postgres adapter
 * inserts the row and its relations, then selects the new row again (with its relation table)
 * to return it; for a collection whose create returns exactly what it wrote (the comments), this
 * keeps the adapter's own write (upsertRow: same row, same relation rows, same transaction) and
 * builds the returned document from the written data. Measured with `bench/comments.ts --total
 * 600` (two interleaved pairs, 2 busy cores): 6.7 / 7.8 ms of Node CPU per post against 8.6 /
 * 10.6 ms without it, 1.3 / 1.6 ms of Postgres CPU against 2.0 / 2.4, 5 statements instead of 6.
 * tests/int/comments-write.test.ts checks the returned document is the one read back.
 */
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
