/**
 * The SQL objects of the search migration (src/migrations/*_search.ts): what they are, that the
 * French configuration behaves as the search needs, that drizzle-kit never sees them (so the
 * schema check of migrations.test.ts and `npm run dev`'s schema push leave them alone), and
 * that the migration goes down and up again.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import * as searchCandidates from '../../src/migrations/sql/search-candidates'
import * as searchPhrase from '../../src/migrations/sql/search-phrase'
import { ensureDevSchema, executorFor } from '../../src/plugins/search/sql'
import { bootPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let db: PostgresAdapter

beforeAll(async () => {
  ctx = await bootPayload()
  db = ctx.payload.db as unknown as PostgresAdapter
})
afterAll(async () => ctx?.close())

const query = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await db.pool.query(text, values)).rows as T[]
const one = async <T = unknown>(text: string, values: unknown[] = []) => Object.values((await query(text, values))[0] ?? {})[0] as T

/**
 * The custom SQL objects of the search, outside Payload's schema. This is the complete list:
 * a new object of the search belongs here, and in the migration's `down`.
 */
const SEARCH_OBJECTS = {
  extension: 'unaccent',
  schema: 'search',
  dictionary: 'search.french_stop',
  configuration: 'search.fr_unaccent',
  tables: ['search.documents', 'search.index_state'],
  index: 'search.documents_tsv_idx',
}

const present = async () => ({
  extension: await one<boolean>(`SELECT count(*) > 0 FROM pg_extension WHERE extname = 'unaccent'`),
  schema: await one<boolean>(`SELECT to_regnamespace('search') IS NOT NULL`),
  dictionary: await one<boolean>(
    `SELECT count(*) > 0 FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace WHERE n.nspname = 'search' AND d.dictname = 'french_stop'`,
  ),
  configuration: await one<boolean>(
    `SELECT count(*) > 0 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace WHERE n.nspname = 'search' AND c.cfgname = 'fr_unaccent'`,
  ),
  tables: await Promise.all(SEARCH_OBJECTS.tables.map((t) => one<boolean>(`SELECT to_regclass($1) IS NOT NULL`, [t]))),
  index: await one<boolean>(`SELECT to_regclass($1) IS NOT NULL`, [SEARCH_OBJECTS.index]),
})

const migrationFile = fs.readdirSync('src/migrations').find((f) => /^\d{8}_\d{6}_search\.ts$/.test(f))!

describe('search migration', () => {
  it('created the extension, the French configuration, the table and its GIN index', async () => {
    expect(await present()).toEqual({ extension: true, schema: true, dictionary: true, configuration: true, tables: [true, true], index: true })
    expect(await one(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'search' AND indexname = 'documents_tsv_idx'`)).toMatch(/USING gin \(tsv\)/)
    expect(await one(`SELECT generation_expression FROM information_schema.columns WHERE table_schema = 'search' AND table_name = 'documents' AND column_name = 'tsv'`)).toMatch(
      /setweight.*'A'.*'B'.*'C'.*'D'/s,
    )
  })

  it('the configuration stems French, ignores accents and drops French stop words', async () => {
    const vector = (text: string) => one<string>(`SELECT to_tsvector('search.fr_unaccent', $1)::text`, [text])
    expect(await vector('coopératives')).toBe(await vector('coopérative'))
    expect(await vector('économie')).toBe(await vector('economie'))
    expect(await vector('circuits courts')).toBe(await vector('circuit court'))
    expect(await vector('ÉCOLE École école')).toBe(`'ecol':1,2,3`)
    expect(await vector('L’économie de la coopération à l’été')).toBe(`'cooper':5 'econom':2`)
    expect(await one(`SELECT websearch_to_tsquery('search.fr_unaccent', $1)::text`, ['"circuits courts" -amap'])).toBe(`'circuit' <-> 'court' & !'amap'`)
  })

  it('indexes titles for broad queries: a stored title_tsv (sql/search-phrase.ts) replaces the expression index (sql/search-candidates.ts), down and up', async () => {
    const indexDef = (name: string) => one<string | undefined>(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'search' AND indexname = $1`, [name])
    const hasColumn = () => one<boolean>(`SELECT count(*) > 0 FROM information_schema.columns WHERE table_schema = 'search' AND table_name = 'documents' AND column_name = 'title_tsv'`)
    /** The plan of a title condition, indexes preferred. */
    const planOf = async (condition: string) => {
      const client = await db.pool.connect()
      try {
        await client.query('SET enable_seqscan = off')
        const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT doc_id FROM search.documents d WHERE ${condition}`)
        await client.query('RESET enable_seqscan')
        return rows.map((r) => r['QUERY PLAN']).join('\n')
      } finally {
        client.release()
      }
    }
    const tsquery = `to_tsquery('search.fr_unaccent', 'cooperative')`

    expect(await hasColumn()).toBe(true)
    expect(await indexDef('documents_title_tsv_idx')).toMatch(/USING gin \(title_tsv\)/)
    expect(await indexDef('documents_title_idx')).toBeUndefined()
    // The search's title condition reads the column: the planner uses its index.
    expect(await planOf(`d.${searchPhrase.TITLE_TSV} @@ ${tsquery}`)).toContain('documents_title_tsv_idx')
    // The column is the title and keywords as the expression index had them.
    await query(`INSERT INTO search.documents (collection, doc_id, title, keywords, url) VALUES ('pages', 990001, 'Les coopératives d’activité', 'SCOP, emploi', '/x')`)
    expect(await one(`SELECT title_tsv = ${searchCandidates.titleTsv()} FROM search.documents WHERE doc_id = 990001`)).toBe(true)
    expect(await one(`SELECT title_tsv::text FROM search.documents WHERE doc_id = 990001`)).toBe(`'activit':4 'cooper':2 'emploi':6 'le':1 'scop':5`)
    await query(`DELETE FROM search.documents WHERE doc_id = 990001`)

    const args = { db: db.drizzle, payload: ctx.payload, req: {} } as unknown as MigrateUpArgs
    await searchPhrase.down(args)
    expect(await hasColumn()).toBe(false)
    expect(await indexDef('documents_title_tsv_idx')).toBeUndefined()
    expect(await indexDef('documents_title_idx')).toMatch(/USING gin \(to_tsvector\('search\.fr_unaccent'::regconfig, \(\(title \|\| ' '::text\) \|\| keywords\)\)\)/)
    expect(await planOf(`${searchCandidates.titleTsv('d')} @@ ${tsquery}`)).toContain('documents_title_idx')
    await searchCandidates.down(args)
    expect(await indexDef('documents_title_idx')).toBeUndefined()
    await searchCandidates.up(args)
    await searchPhrase.up(args)
    expect(await hasColumn()).toBe(true)
    expect(await indexDef('documents_title_idx')).toBeUndefined()
    expect(await planOf(`d.${searchPhrase.TITLE_TSV} @@ ${tsquery}`)).toContain('documents_title_tsv_idx')
  })

  it('stays out of drizzle-kit’s sight: the schema check proposes nothing about it', async () => {
    const { pushSchema } = db.requireDrizzleKit()
    const { statementsToExecute } = (await pushSchema(db.schema, db.drizzle, undefined, db.tablesFilter, undefined)) as unknown as {
      statementsToExecute: string[]
    }
    expect(statementsToExecute.filter((s) => /search|unaccent|fr_unaccent/i.test(s))).toEqual([])
  })

  it('goes down (removing every object) and up again', async () => {
    const migration = (await import(path.resolve('src/migrations', migrationFile))) as {
      up: (args: MigrateUpArgs) => Promise<void>
      down: (args: MigrateDownArgs) => Promise<void>
    }
    const args = { db: db.drizzle, payload: ctx.payload, req: {} } as unknown as MigrateUpArgs
    await migration.down(args)
    expect(await present()).toEqual({ extension: false, schema: false, dictionary: false, configuration: false, tables: [false, false], index: false })
    await migration.up(args)
    expect(await present()).toEqual({ extension: true, schema: true, dictionary: true, configuration: true, tables: [true, true], index: true })
  })

  it('`npm run dev` (schema push, no migrations) gets the same objects, idempotently', async () => {
    const shape = () =>
      query(
        `SELECT column_name, data_type, is_nullable, column_default, generation_expression, a.attstorage
         FROM information_schema.columns c
         JOIN pg_attribute a ON a.attrelid = 'search.documents'::regclass AND a.attname = c.column_name
         WHERE table_schema = 'search' AND table_name = 'documents' ORDER BY ordinal_position`,
      )
    // The test before ran `*_search` down and up: the later search migrations again (idempotent).
    await searchPhrase.up({ db: db.drizzle })
    const migrated = await shape()
    expect(migrated.map((c) => c.column_name)).toContain('title_tsv')
    const migration = (await import(path.resolve('src/migrations', migrationFile))) as { down: (args: MigrateDownArgs) => Promise<void> }
    await migration.down({ db: db.drizzle, payload: ctx.payload, req: {} } as unknown as MigrateDownArgs)
    const exec = await executorFor(ctx.payload)
    await ensureDevSchema(exec)
    await ensureDevSchema(exec)
    expect(await present()).toEqual({ extension: true, schema: true, dictionary: true, configuration: true, tables: [true, true], index: true })
    expect(await shape()).toEqual(migrated)
  })

  it('up again over a leftover search schema starts from scratch', async () => {
    await query(`INSERT INTO search.documents (collection, doc_id, title, url) VALUES ('pages', 1, 'Reste', '/reste')`)
    const migration = (await import(path.resolve('src/migrations', migrationFile))) as { up: (args: MigrateUpArgs) => Promise<void> }
    await migration.up({ db: db.drizzle, payload: ctx.payload, req: {} } as unknown as MigrateUpArgs)
    expect(await one(`SELECT count(*)::int FROM search.documents`)).toBe(0)
  })
})
