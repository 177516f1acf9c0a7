/**
 * Every statement of the search, in SQL: the index lives outside Payload's schema, in the
 * `search` Postgres schema created by the migration `*_search` (see there for the objects).
 *
 * Statements run through Drizzle (the adapter Payload uses), inside the request's transaction
 * when there is one, so that a document and its index row change together.
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload, PayloadRequest } from 'payload'

import type { IndexRow } from '../../lib/search-documents'
import { MATCH_END, MATCH_START } from '../../lib/search-text'
import type { SearchType } from '../../lib/search-types'

/** Bump when what is indexed changes: every server rebuilds the index once at start-up. */
export const INDEX_VERSION = 1

/** The text search configuration: French stemming, accents ignored, French stop words. */
export const TS_CONFIG = 'search.fr_unaccent'
const CONFIG = sql.raw(`'${TS_CONFIG}'::regconfig`)

/** Rank weights of D, C, B, A (Postgres' order): title ≫ summary > body > card facts. */
const WEIGHTS = sql.raw(`'{0.05, 0.2, 0.4, 1.0}'::float4[]`)

/** Excerpts: up to two passages around the matches, about 15 to 35 words. */
export const HEADLINE_OPTIONS = [
  `StartSel=${MATCH_START}`,
  `StopSel=${MATCH_END}`,
  'MaxWords=35',
  'MinWords=15',
  'ShortWord=3',
  'MaxFragments=2',
  'FragmentDelimiter=" … "',
].join(', ')

/** Longest text given to ts_headline (it parses all of it). */
const HEADLINE_SOURCE_MAX = 20_000

type Row = Record<string, unknown>

/** What runs a statement: Payload's Drizzle instance, or one of its transactions. */
export type Executor = {
  execute: (query: SQL) => Promise<{ rows: Row[] }>
  transaction: <T>(fn: (tx: Executor) => Promise<T>) => Promise<T>
}

export const adapterOf = (payload: Payload): PostgresAdapter => {
  const db = payload.db as unknown as PostgresAdapter
  if (db.name !== 'postgres' || !db.drizzle) throw new Error('searchPlugin: the search needs @payloadcms/db-postgres')
  return db
}

/** The request's transaction if it has one, else the adapter's Drizzle instance. */
export async function executorFor(payload: Payload, req?: Partial<PayloadRequest>): Promise<Executor> {
  const db = adapterOf(payload)
  const id = req?.transactionID ? await req.transactionID : undefined
  const session = id !== undefined ? db.sessions?.[String(id)] : undefined
  return (session?.db ?? db.drizzle) as unknown as Executor
}

/** Postgres error codes meaning the search schema is missing (not migrated yet). */
export const isMissingSchema = (err: unknown): boolean => {
  const code = (err as { code?: unknown; cause?: { code?: unknown } })?.code ?? (err as { cause?: { code?: unknown } })?.cause?.code
  return code === '42P01' || code === '3F000' || code === '42704'
}

const COLUMNS = sql.raw('collection, doc_id, title, keywords, summary, body, extra, url, published_at')

const valuesOf = (row: IndexRow) =>
  sql`(${row.collection}, ${row.id}, ${row.title}, ${row.keywords}, ${row.summary}, ${row.body}, ${row.extra}, ${row.url}, ${row.publishedAt}::timestamptz)`

/** Inserts or updates rows; an unchanged row is not rewritten. */
export async function upsertRows(exec: Executor, rows: IndexRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const batch = rows.slice(i, i + 200)
    await exec.execute(sql`
      INSERT INTO search.documents (${COLUMNS})
      VALUES ${sql.join(batch.map(valuesOf), sql`, `)}
      ON CONFLICT (collection, doc_id) DO UPDATE SET
        title = EXCLUDED.title, keywords = EXCLUDED.keywords, summary = EXCLUDED.summary, body = EXCLUDED.body,
        extra = EXCLUDED.extra, url = EXCLUDED.url, published_at = EXCLUDED.published_at, indexed_at = now()
      WHERE (search.documents.title, search.documents.keywords, search.documents.summary, search.documents.body,
             search.documents.extra, search.documents.url, search.documents.published_at)
        IS DISTINCT FROM
            (EXCLUDED.title, EXCLUDED.keywords, EXCLUDED.summary, EXCLUDED.body,
             EXCLUDED.extra, EXCLUDED.url, EXCLUDED.published_at)`)
  }
}

export async function deleteRow(exec: Executor, collection: string, id: number | string): Promise<void> {
  await exec.execute(sql`DELETE FROM search.documents WHERE collection = ${collection} AND doc_id = ${Number(id)}`)
}

export async function deleteRows(exec: Executor, keys: { collection: string; id: number }[]): Promise<void> {
  for (const { collection, id } of keys) await deleteRow(exec, collection, id)
}

/** How Postgres reads the query: no lexeme at all (stop words), or nothing to look for. */
export async function inspectQuery(exec: Executor, query: string): Promise<'ok' | 'stopwords' | 'exclusions'> {
  const { rows } = await exec.execute(sql`
    SELECT numnode(q) AS nodes, querytree(q) AS tree FROM websearch_to_tsquery(${CONFIG}, ${query}) AS q`)
  const row = rows[0] ?? {}
  if (Number(row.nodes) === 0) return 'stopwords'
  if (row.tree === 'T') return 'exclusions'
  return 'ok'
}

export type Hit = {
  collection: SearchType
  id: number
  title: string
  url: string
  publishedAt: string | null
  rank: number
  headline: string
}

/**
 * One page of the documents matching a websearch query, best first, with the total. Ranking and
 * counting read only the index (GIN); titles, addresses and excerpts only for the page's rows.
 */
export async function searchIndex(
  exec: Executor,
  { query, types, limit, offset }: { query: string; types: SearchType[] | null; limit: number; offset: number },
): Promise<{ hits: Hit[]; total: number }> {
  const typeList = types?.join(',') ?? ''
  const { rows } = await exec.execute(sql`
    WITH q AS (
      SELECT websearch_to_tsquery(${CONFIG}, ${query}) AS query,
             -- Ranking counts the words of a phrase as words: as relevant, and much cheaper.
             websearch_to_tsquery(${CONFIG}, replace(${query}, '"', '')) AS words
    ),
    hits AS (
      SELECT d.collection, d.doc_id, d.published_at, ts_rank(${WEIGHTS}, d.tsv, q.words) AS rank
      FROM search.documents d, q
      WHERE d.tsv @@ q.query
        AND (${typeList} = '' OR d.collection = ANY (string_to_array(${typeList}, ',')))
    ),
    page AS (
      SELECT hits.*, count(*) OVER () AS total FROM hits
      ORDER BY rank DESC, published_at DESC NULLS LAST, collection, doc_id
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT page.collection, page.doc_id, page.rank, page.total, d.title, d.url, d.published_at,
      ts_headline(${CONFIG}, left(concat_ws(E'\n', nullif(d.summary, ''), nullif(d.body, '')), ${HEADLINE_SOURCE_MAX}),
                  q.query, ${HEADLINE_OPTIONS}) AS headline
    FROM page JOIN search.documents d USING (collection, doc_id) CROSS JOIN q
    ORDER BY page.rank DESC, page.published_at DESC NULLS LAST, page.collection, page.doc_id`)

  let total = rows.length ? Number(rows[0]!.total) : 0
  if (!rows.length && offset > 0) {
    // Past the last page: the total still tells the client how many pages there are.
    const { rows: count } = await exec.execute(sql`
      SELECT count(*) AS total FROM search.documents d
      WHERE d.tsv @@ websearch_to_tsquery(${CONFIG}, ${query})
        AND (${typeList} = '' OR d.collection = ANY (string_to_array(${typeList}, ',')))`)
    total = Number(count[0]?.total ?? 0)
  }
  const hits = rows.map((r) => ({
    collection: r.collection as SearchType,
    id: Number(r.doc_id),
    title: String(r.title),
    url: String(r.url),
    publishedAt: r.published_at ? new Date(r.published_at as string).toISOString() : null,
    rank: Number(r.rank),
    headline: String(r.headline ?? ''),
  }))
  return { hits, total }
}

/** The version of the index the database holds (null: never built, or schema missing). */
export async function indexVersion(exec: Executor): Promise<number | null> {
  const { rows } = await exec.execute(sql`SELECT to_regclass('search.index_state') IS NOT NULL AS ready`)
  if (!rows[0]?.ready) return null
  const { rows: state } = await exec.execute(sql`SELECT version FROM search.index_state`)
  return state[0] ? Number(state[0].version) : null
}

/** Whether the migration has created the search schema. */
export async function schemaReady(exec: Executor): Promise<boolean> {
  const { rows } = await exec.execute(sql`SELECT to_regclass('search.documents') IS NOT NULL AS ready`)
  return Boolean(rows[0]?.ready)
}

/**
 * Replaces the whole index by the rows `load` returns, under a lock so that two servers never
 * rebuild together. With `onlyIfStale`, does nothing when the index is already at INDEX_VERSION
 * (another server has just rebuilt it). Returns the number of rows, or null when nothing was done.
 */
export async function replaceIndex(
  exec: Executor,
  load: () => Promise<IndexRow[]>,
  { onlyIfStale = false }: { onlyIfStale?: boolean } = {},
): Promise<number | null> {
  return exec.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('labo-search-reindex'))`)
    if (onlyIfStale && (await indexVersion(tx)) === INDEX_VERSION) return null
    const rows = await load()
    await tx.execute(sql`DELETE FROM search.documents`)
    await upsertRows(tx, rows)
    await tx.execute(sql`
      INSERT INTO search.index_state (singleton, version, built_at) VALUES (true, ${INDEX_VERSION}, now())
      ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, built_at = EXCLUDED.built_at`)
    return rows.length
  })
}

/**
 * The objects of the migration, for `npm run dev` only: its database is pushed from the
 * collections and never migrated. Idempotent. Keep in step with the migration `*_search`.
 */
export const DEV_SCHEMA_STATEMENTS: string[] = [
  `CREATE EXTENSION IF NOT EXISTS unaccent`,
  `CREATE SCHEMA IF NOT EXISTS search`,
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = 'french_stop' AND dictnamespace = 'search'::regnamespace) THEN
       CREATE TEXT SEARCH DICTIONARY search.french_stop (TEMPLATE = pg_catalog.simple, STOPWORDS = french, ACCEPT = false);
     END IF;
     IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'fr_unaccent' AND cfgnamespace = 'search'::regnamespace) THEN
       CREATE TEXT SEARCH CONFIGURATION search.fr_unaccent (COPY = pg_catalog.french);
       ALTER TEXT SEARCH CONFIGURATION search.fr_unaccent
         ALTER MAPPING FOR hword, hword_part, word WITH search.french_stop, unaccent, pg_catalog.french_stem;
       ALTER TEXT SEARCH CONFIGURATION search.fr_unaccent
         ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH search.french_stop, pg_catalog.french_stem;
     END IF;
   END $$`,
  `CREATE TABLE IF NOT EXISTS search.documents (
     collection text NOT NULL,
     doc_id integer NOT NULL,
     title text NOT NULL,
     keywords text NOT NULL DEFAULT '',
     summary text NOT NULL DEFAULT '',
     body text NOT NULL DEFAULT '',
     extra text NOT NULL DEFAULT '',
     url text NOT NULL,
     published_at timestamptz,
     indexed_at timestamptz NOT NULL DEFAULT now(),
     tsv tsvector GENERATED ALWAYS AS (
       setweight(to_tsvector('search.fr_unaccent'::regconfig, title || ' ' || keywords), 'A') ||
       setweight(to_tsvector('search.fr_unaccent'::regconfig, summary), 'B') ||
       setweight(to_tsvector('search.fr_unaccent'::regconfig, body), 'C') ||
       setweight(to_tsvector('search.fr_unaccent'::regconfig, extra), 'D')
     ) STORED,
     PRIMARY KEY (collection, doc_id)
   )`,
  `ALTER TABLE search.documents ALTER COLUMN tsv SET STORAGE MAIN`,
  `CREATE INDEX IF NOT EXISTS documents_tsv_idx ON search.documents USING gin (tsv)`,
  `CREATE TABLE IF NOT EXISTS search.index_state (
     singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
     version integer NOT NULL,
     built_at timestamptz NOT NULL DEFAULT now()
   )`,
]

export async function ensureDevSchema(exec: Executor): Promise<void> {
  for (const statement of DEV_SCHEMA_STATEMENTS) await exec.execute(sql.raw(statement))
}
