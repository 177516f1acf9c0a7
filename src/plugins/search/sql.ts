/**
 * Every statement of the search, in SQL: the index lives outside Payload's schema, in the
 * `search` Postgres schema created by the migration `*_search` (see there for the objects).
 *
 * Statements run through Drizzle (the adapter Payload uses), inside the request's transaction
 * when there is one, so that a document and its index row change together.
 */
import { sql, type SQL } from '@payloadcms/db-postgres/drizzle'
import type { Payload, PayloadRequest } from 'payload'

import type { IndexRow } from '../../lib/search-documents'
import { hasDrafts } from '../../lib/publication'
import { tokenizeSearchQuery } from '../../lib/search-query'
import { MATCH_END, MATCH_START } from '../../lib/search-text'
import type { SearchType } from '../../lib/search-types'
import { SEARCH_PHRASE_UP, TITLE_TSV } from '../../migrations/sql/search-phrase'
import { executorFor as sharedExecutorFor, quotedTableOf } from '../shared/sql'

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

/**
 * Excerpts: ts_headline parses (and stems) every word it is given, about 1 ms per 4,000
 * characters. It gets a passage of PASSAGE characters that starts a little before the first word
 * beginning with one of the query's words as typed, else with one of their stems ("econom" →
 * "économiques"), found by a plain string search in the lower-cased, unaccented text; if that passage holds no match after all (the stem
 * begins another word, or the match is in the title only), the first FALLBACK characters. So a
 * long text gets its excerpt from where it speaks of the query, for the price of a short one.
 */
const PASSAGE = 600
const PASSAGE_LEAD = 100
const FALLBACK = 2_000
/** Texts longer than this are searched for the passage in their first SCAN characters only. */
const SCAN = 100_000

type Row = Record<string, unknown>

/** What runs a statement: Payload's Drizzle instance, or one of its transactions. */
export type Executor = {
  execute: (query: SQL) => Promise<{ rows: Row[] }>
  transaction: <T>(fn: (tx: Executor) => Promise<T>) => Promise<T>
}

const requirePostgres = (payload: Payload): void => {
  if (payload.db.packageName !== '@payloadcms/db-postgres') throw new Error('searchPlugin: the search needs @payloadcms/db-postgres')
}

/** The request's transaction if it has one, else the adapter's Drizzle instance. */
export async function executorFor(payload: Payload, req?: Partial<PayloadRequest>): Promise<Executor> {
  requirePostgres(payload)
  return sharedExecutorFor<Executor>(payload, req)
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

/** Deletes the rows of documents that are not public (checked again, in the same statement). */
export async function deleteStaleRows(exec: Executor, keys: { collection: string; id: number }[], live: LiveCheck[]): Promise<void> {
  for (const { collection, id } of keys) {
    await exec.execute(sql`
      DELETE FROM search.documents texts_page
      WHERE texts_page.collection = ${collection} AND texts_page.doc_id = ${id} AND NOT (${liveCondition(live)})`)
  }
}

/** A document of the index as plain text, with its public address. */
export type IndexedText = { collection: string; id: number; url: string; body: string }

/**
 * The indexed documents of these collections whose lower-cased, unaccented text contains every
 * word of at least one of the word lists (a superset of what finer matching will keep). Null
 * when there is no index yet (not migrated). Runs in a savepoint: a failure never aborts the
 * caller's transaction.
 */
export async function documentsContaining(
  payload: Payload,
  wordLists: readonly (readonly string[])[],
  collections: readonly string[],
  req?: Partial<PayloadRequest>,
): Promise<IndexedText[] | null> {
  const conditions = wordLists
    .filter((words) => words.length > 0)
    .map((words) => sql`(${sql.join(words.map((w) => sql`strpos(f.folded, ${w}) > 0`), sql` AND `)})`)
  if (!conditions.length || !collections.length) return []
  try {
    const exec = await executorFor(payload, req)
    const { rows } = await exec.transaction((tx) => tx.execute(sql`
      SELECT d.collection, d.doc_id, d.url, d.body
      FROM search.documents d CROSS JOIN LATERAL (SELECT lower(unaccent(d.body)) AS folded) f
      WHERE d.collection IN (${sql.join(collections.map((c) => sql`${c}`), sql`, `)})
        AND (${sql.join(conditions, sql` OR `)})`))
    return rows.map((r) => ({ collection: String(r.collection), id: Number(r.doc_id), url: String(r.url), body: String(r.body) }))
  } catch (err) {
    if (isMissingSchema(err)) return null
    throw err
  }
}

export type QueryReading = 'ok' | 'stopwords' | 'exclusions'

/** How Postgres read the query: no lexeme at all (stop words), or nothing to look for. */
const readingOf = (row: Row | undefined): QueryReading =>
  Number(row?.nodes) === 0 ? 'stopwords' : row?.tree === 'T' ? 'exclusions' : 'ok'

/** How Postgres reads the query (searchIndex tells it too, in the same round trip). */
export async function inspectQuery(exec: Executor, query: string): Promise<QueryReading> {
  const { rows } = await exec.execute(sql`
    SELECT numnode(q) AS nodes, querytree(q) AS tree FROM websearch_to_tsquery(${CONFIG}, ${query}) AS q`)
  return readingOf(rows[0])
}

/**
 * How to tell, in SQL, that a document is public right now: its row in its collection's table
 * exists, is published (collections with drafts) and is not in the trash (collections with one).
 */
export type LiveCheck = { collection: SearchType; table: string; drafts: boolean; trash: boolean }


/** The live checks of the searchable collections, from Payload's configuration and table names. */
export function liveChecksFor(payload: Payload, collections: readonly SearchType[]): LiveCheck[] {
  requirePostgres(payload)
  return collections.map((collection) => {
    const config = payload.collections[collection as keyof typeof payload.collections]?.config
    return {
      collection,
      table: quotedTableOf(payload, collection),
      drafts: hasDrafts(config),
      trash: Boolean((config as { trash?: unknown } | undefined)?.trash),
    }
  })
}

const liveCondition = (checks: LiveCheck[]) =>
  checks.length
    ? sql.join(
        checks.map(
          (c) =>
            sql`(texts_page.collection = ${c.collection} AND EXISTS (SELECT 1 FROM ${sql.raw(c.table)} x WHERE x.id = texts_page.doc_id${
              c.drafts ? sql` AND x._status = 'published'` : sql``
            }${c.trash ? sql` AND x.deleted_at IS NULL` : sql``}))`,
        ),
        sql` OR `,
      )
    : sql`false`

export type Hit = {
  collection: SearchType
  id: number
  title: string
  url: string
  publishedAt: string | null
  rank: number
  /** ts_headline's result; matches between MATCH_START and MATCH_END. */
  headline: string
  /** The excerpt comes from further into the text. */
  cutBefore: boolean
  /** The document is public right now (else the index missed a change: the row is stale). */
  live: boolean
}

/**
 * How many matches a query counts, and ranks, at most: beyond, the total is "more than
 * SEARCH_COUNT_CAP" and the ranking is done on a bounded candidate set (see searchIndex).
 */
export const SEARCH_COUNT_CAP = 500
/** Documents whose title or keywords match: ranked too when the cap is reached, up to this many. */
export const SEARCH_TITLE_CAP = 200
/**
 * A phrase is checked on each candidate's whole tsvector (the GIN index knows no positions). When
 * most documents hold its words, the index finds nearly every row, for about 3 ms, and the
 * check reads them all the same: reading the rows in table order until `cap + 1` match is then
 * cheaper. The first PHRASE_SAMPLE rows tell: if at least half match, the phrase is "dense".
 */
export const PHRASE_SAMPLE = 32

/**
 * One page of the documents matching a websearch query, best first, with the total (exact up to
 * `cap`, else `capped`), and how Postgres read the query (`reading`: not 'ok', nothing is searched).
 *
 * The GIN index finds the matches (`tsv`), and `ts_rank` orders them on `rank_tsv` (title A, start
 * of the summary B and of the body C, facts D), which is small and kept in the row. A "phrase"
 * whose words are in most documents is looked for row by row instead (see PHRASE_SAMPLE). Ranking and
 * counting every match of a word found in nearly every document costs a heap read and a rank per
 * document (and, for a "phrase", a read of the whole tsvector): so only `cap + 1` matches are
 * read. Up to `cap` matches, that is all of them: count and order are exact. Beyond, the
 * candidates ranked are those `cap + 1` (in the table's order: the index is rebuilt most recent
 * first, see replaceIndex) plus up to `titleCap` documents whose title or keywords match
 * (`title_tsv`, a small stored tsvector with its own GIN index: a phrase is checked on it without
 * parsing the title again), which rank above the others, so the first pages stay what a reader expects.
 * Then only the page's rows get their title, address and excerpt (`ts_headline`).
 */
export async function searchIndex(
  exec: Executor,
  {
    query,
    types,
    limit,
    offset,
    live,
    cap = SEARCH_COUNT_CAP,
    titleCap = SEARCH_TITLE_CAP,
    phraseSample = PHRASE_SAMPLE,
  }: {
    query: string
    types: SearchType[] | null
    limit: number
    offset: number
    live: LiveCheck[] | null
    cap?: number
    titleCap?: number
    /** 0: phrases through the index only. */
    phraseSample?: number
  },
): Promise<{ hits: Hit[]; total: number; capped: boolean; reading: QueryReading }> {
  const typeList = types?.join(',') ?? ''
  const typeFilter = sql`(${typeList} = '' OR d.collection = ANY (string_to_array(${typeList}, ',')))`
  // A title that matches a query without exclusions (-word) is a document that matches; with
  // them, the document's own tsvector must match too.
  const excludes = tokenizeSearchQuery(query).some((token) => token.negated)
  const { rows } = await exec.execute(sql`
    -- q is MATERIALIZED so that the planner never sees the query: knowing that a word is in nearly
    -- every document, it would scan the table and read every tsvector back, 5 times slower than
    -- the GIN index, which decides plain words alone.
    WITH q AS MATERIALIZED (
      SELECT websearch_to_tsquery(${CONFIG}, ${query}) AS query,
             -- Ranking counts the words of a phrase as words: as relevant, and much cheaper.
             websearch_to_tsquery(${CONFIG}, replace(${query}, '"', '')) AS words,
             -- Nothing to search (only stop words, or only exclusions): the caller answers 400.
             numnode(websearch_to_tsquery(${CONFIG}, ${query})) AS nodes,
             querytree(websearch_to_tsquery(${CONFIG}, ${query})) AS tree,
             -- To place the excerpt: the query's words as typed (lower-cased, unaccented, no stop
             -- words nor OR), then their stems.
             ARRAY(SELECT w FROM regexp_split_to_table(lower(unaccent(${query})), '[^[:alnum:]]+') AS w
                   WHERE w <> 'or' AND length(to_tsvector(${CONFIG}, w)) > 0) AS typed,
             ARRAY(SELECT lexeme FROM unnest(to_tsvector(${CONFIG}, regexp_replace(${query}, '\\mor\\M', ' ', 'gi')))) AS stems
    ),
    -- A phrase (no type filter): do most of the first rows, in table order, match it?
    dense AS MATERIALIZED (
      SELECT ${phraseSample} > 0 AND count(*) FILTER (WHERE ts_match_vq(d.tsv, q.query)) * 2 >= ${phraseSample} AS dense
      FROM q, LATERAL (SELECT d.tsv FROM search.documents d WHERE d.ctid >= '(0,0)'::tid LIMIT ${phraseSample}) d
      WHERE q.nodes > 0 AND q.tree <> 'T' AND q.tree ~ '<(-|[0-9]+)>' AND ${typeList} = ''
    ),
    -- The matches, cap + 1 at most (one more tells that there are more), ranked, in table order:
    -- read row by row when the sample says a phrase is dense (ts_match_vq: not an index condition;
    -- the ctid range: a TID range scan, which never starts mid-table as a synchronized seq scan of
    -- a large table may; a small table gets a plain scan, never synchronized), else through the
    -- GIN index (its bitmap is read in table order too). Both give the same rows.
    matches AS MATERIALIZED (
      SELECT d.collection, d.doc_id, d.published_at, ts_rank(${WEIGHTS}, d.rank_tsv, q.words) AS rank
      FROM search.documents d, q
      WHERE (SELECT dense FROM dense) AND d.ctid >= '(0,0)'::tid AND ts_match_vq(d.tsv, q.query) AND ${typeFilter}
      UNION ALL
      SELECT d.collection, d.doc_id, d.published_at, ts_rank(${WEIGHTS}, d.rank_tsv, q.words) AS rank
      FROM search.documents d, q
      WHERE NOT (SELECT dense FROM dense) AND q.nodes > 0 AND q.tree <> 'T' AND d.tsv @@ q.query AND ${typeFilter}
      LIMIT ${cap + 1}
    ),
    -- Past the cap, the documents whose title matches join the candidates.
    titled AS MATERIALIZED (
      SELECT d.collection, d.doc_id, d.published_at, ts_rank(${WEIGHTS}, d.rank_tsv, q.words) AS rank
      FROM search.documents d, q
      WHERE (SELECT count(*) FROM matches) > ${cap}
        AND d.${sql.raw(TITLE_TSV)} @@ q.query
        ${excludes ? sql`AND d.tsv @@ q.query` : sql``}
        AND ${typeFilter}
      LIMIT ${titleCap}
    ),
    hits AS MATERIALIZED (
      SELECT * FROM matches UNION SELECT * FROM titled
    ),
    page AS (
      SELECT * FROM hits
      ORDER BY rank DESC, published_at DESC NULLS LAST, collection, doc_id
      LIMIT ${limit} OFFSET ${offset}
    ),
    -- The page's texts, and their excerpts. MATERIALIZED: each is computed once per row (inlined,
    -- an expression used twice would be evaluated twice).
    texts AS MATERIALIZED (
      SELECT texts_page.*, d.title, d.url, t.src,
        -- Lower-cased and unaccented, the same length (give or take a ligature): " econom" finds
        -- the words that begin with the stem.
        ' ' || lower(unaccent(left(t.src, ${SCAN}))) AS folded,
        -- Still public? The index is kept in step by the hooks; this guards against a missed change.
        ${live ? liveCondition(live) : sql`true`} AS live
      FROM page texts_page
      JOIN search.documents d USING (collection, doc_id)
      CROSS JOIN LATERAL (SELECT concat_ws(E'\n', nullif(d.summary, ''), nullif(d.body, '')) AS src) t
    ),
    passages AS MATERIALIZED (
      SELECT texts.*, greatest(1, coalesce(
        (SELECT min(least(nullif(strpos(folded, ' ' || w), 0), nullif(strpos(folded, E'\n' || w), 0),
                          nullif(strpos(folded, '''' || w), 0), nullif(strpos(folded, '’' || w), 0)))
         FROM unnest(q.typed) AS w),
        (SELECT min(least(nullif(strpos(folded, ' ' || stem), 0), nullif(strpos(folded, E'\n' || stem), 0),
                          nullif(strpos(folded, '''' || stem), 0), nullif(strpos(folded, '’' || stem), 0)))
         FROM unnest(q.stems) AS stem),
        1) - ${PASSAGE_LEAD}) AS start
      FROM texts CROSS JOIN q
    ),
    excerpts AS MATERIALIZED (
      SELECT passages.*,
        CASE WHEN live THEN ts_headline(${CONFIG}, substr(src, start, ${PASSAGE}), q.query, ${HEADLINE_OPTIONS}) END AS passage_headline
      FROM passages, q
    )
    SELECT t.total, q.nodes, q.tree, e.collection, e.doc_id, e.rank, e.title, e.url, e.published_at, e.live,
      CASE WHEN NOT e.live THEN ''
           WHEN strpos(e.passage_headline, ${MATCH_START}) > 0 THEN e.passage_headline
           ELSE ts_headline(${CONFIG}, left(e.src, ${FALLBACK}), q.query, ${HEADLINE_OPTIONS}) END AS headline,
      CASE WHEN strpos(e.passage_headline, ${MATCH_START}) > 0 THEN e.start > 1 ELSE false END AS cut_before
    FROM (SELECT count(*) AS total FROM matches) t
    CROSS JOIN q
    LEFT JOIN excerpts e ON true
    ORDER BY e.rank DESC, e.published_at DESC NULLS LAST, e.collection, e.doc_id`)

  const counted = Number(rows[0]?.total ?? 0)
  const hits = rows
    .filter((r) => r.doc_id !== null && r.doc_id !== undefined)
    .map((r) => ({
      collection: r.collection as SearchType,
      id: Number(r.doc_id),
      title: String(r.title),
      url: String(r.url),
      publishedAt: r.published_at ? new Date(r.published_at as string).toISOString() : null,
      rank: Number(r.rank),
      headline: String(r.headline ?? ''),
      cutBefore: r.cut_before === true,
      live: r.live === true,
    }))
  return { hits, total: Math.min(counted, cap), capped: counted > cap, reading: readingOf(rows[0]) }
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

const time = (row: IndexRow) => (row.publishedAt ? Date.parse(row.publishedAt) || 0 : 0)
const byRecency = (a: IndexRow, b: IndexRow) => time(b) - time(a)

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
    // Most recent first: past SEARCH_COUNT_CAP matches, a search ranks the first ones in table order.
    await upsertRows(tx, [...rows].sort(byRecency))
    await tx.execute(sql`
      INSERT INTO search.index_state (singleton, version, built_at) VALUES (true, ${INDEX_VERSION}, now())
      ON CONFLICT (singleton) DO UPDATE SET version = EXCLUDED.version, built_at = EXCLUDED.built_at`)
    return rows.length
  })
}

/**
 * The objects of the migration, for `npm run dev` only: its database is pushed from the
 * collections and never migrated. Idempotent. Keep in step with the migration `*_search` and those after it.
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
     rank_tsv tsvector GENERATED ALWAYS AS (
       setweight(to_tsvector('search.fr_unaccent'::regconfig, title || ' ' || keywords), 'A') ||
       setweight(to_tsvector('search.fr_unaccent'::regconfig, left(summary, 300)), 'B') ||
       setweight(to_tsvector('search.fr_unaccent'::regconfig, left(body, 600)), 'C') ||
       setweight(to_tsvector('search.fr_unaccent'::regconfig, left(extra, 300)), 'D')
     ) STORED,
     PRIMARY KEY (collection, doc_id)
   )`,
  `ALTER TABLE search.documents ALTER COLUMN tsv SET STORAGE EXTERNAL, ALTER COLUMN rank_tsv SET STORAGE MAIN`,
  `CREATE INDEX IF NOT EXISTS documents_tsv_idx ON search.documents USING gin (tsv)`,
  // The migrations `*_integrations_glossary_search` (an expression index on the title) then
  // `*_search_phrase` (a stored title_tsv and its index, in its place): only the latter's end state.
  ...SEARCH_PHRASE_UP,
  `CREATE TABLE IF NOT EXISTS search.index_state (
     singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
     version integer NOT NULL,
     built_at timestamptz NOT NULL DEFAULT now()
   )`,
]

export async function ensureDevSchema(exec: Executor): Promise<void> {
  for (const statement of DEV_SCHEMA_STATEMENTS) await exec.execute(sql.raw(statement))
}
