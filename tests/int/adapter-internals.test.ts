/**
 * What we read of Payload's Postgres adapter beyond its public API lives in one module
 * (src/plugins/shared/sql.ts). An upgrade that renames any of it must fail here, by name, rather
 * than silently turn off the search, the comment screening, the REST cache or the jobs leader.
 */
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  adapterInternalsMissing,
  connectionStringOf,
  drizzleTableOf,
  executorFor,
  poolOf,
  prepared,
  quotedTableOf,
  runPrepared,
  schemaPushed,
  tableNameOf,
} from '../../src/plugins/shared/sql'
import { bootPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext

beforeAll(async () => {
  ctx = await bootPayload()
})
afterAll(async () => {
  await ctx?.close()
})

describe('Payload’s Postgres adapter, as this project reads it', () => {
  it('has every internal the project reads', () => {
    expect(adapterInternalsMissing(ctx.payload)).toEqual([])
  })

  it('names tables, pool, connection and schema mode as expected', async () => {
    expect(tableNameOf(ctx.payload, 'glossary-terms')).toBe('glossary_terms')
    expect(quotedTableOf(ctx.payload, 'glossary-terms')).toBe('"glossary_terms"')
    expect(drizzleTableOf(ctx.payload, 'comments')).toHaveProperty('id')
    expect(connectionStringOf(ctx.payload)).toBe(process.env.DATABASE_URI)
    expect(schemaPushed(ctx.payload)).toBe(false)
    const { rows } = await poolOf(ctx.payload)!.query<{ one: number }>({ text: 'SELECT 1 AS one' })
    expect(rows).toEqual([{ one: 1 }])
  })

  it('runs statements on the request’s transaction, and prepared ones', async () => {
    const req = { payload: ctx.payload, transactionID: await ctx.payload.db.beginTransaction() } as never
    const exec = await executorFor(ctx.payload, req)
    const inTx = (await exec.execute(sql`SELECT now() = statement_timestamp() AS same`)).rows[0]
    // Inside a transaction, now() is the transaction's start, before this statement's.
    expect(inTx).toMatchObject({ same: false })
    await ctx.payload.db.rollbackTransaction((req as { transactionID: string }).transactionID)

    const statement = prepared(ctx.payload, 'adapter-internals-test', () => sql`SELECT ${sql.placeholder('n')}::int + 1 AS next`)
    expect(statement?.name).toMatch(/^labo_[0-9a-f]{24}$/)
    expect(await runPrepared(ctx.payload, statement!, { n: 41 })).toEqual([{ next: 42 }])
  })
})
