import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * French full-text search (src/plugins/search). No Payload-managed table changes: these objects
 * are raw SQL, in a Postgres schema of their own, `search`, which Payload and drizzle-kit never
 * introspect (they look at `public` only), so schema push and the schema check leave them alone:
 *
 * - extension `unaccent` (shipped with Postgres, trusted: no superuser needed);
 * - `search.french_stop`: French stop words, checked BEFORE accents are removed ("été", "à");
 * - `search.fr_unaccent`: a copy of `french` whose words go through french_stop, unaccent, then
 *   the French stemmer: "coopératives" and "coopérative" → 'cooper', "economie" and "économie"
 *   → 'econom'. As a text search configuration, `to_tsvector('search.fr_unaccent', …)` is
 *   IMMUTABLE (unlike the `unaccent()` function) and can feed a stored column;
 * - `search.documents`: one row per published document, with its weighted tsvector (title and
 *   keywords A, summary B, body C, card facts D) and its GIN index, and a smaller one that ranks
 *   the matches (the title and the start of the texts);
 * - `search.index_state`: the version of the index built; empty after this migration, so the
 *   servers rebuild the index from the documents at their next start (or `npm run reindex`).
 *
 * The plugin recreates the same objects in `npm run dev`'s pushed database (sql.ts,
 * DEV_SCHEMA_STATEMENTS): keep both in step.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  CREATE EXTENSION IF NOT EXISTS unaccent;

  -- A leftover of an earlier run (public dropped by migrate:fresh, say): the index is rebuilt.
  DROP SCHEMA IF EXISTS search CASCADE;
  CREATE SCHEMA search;

  CREATE TEXT SEARCH DICTIONARY search.french_stop (TEMPLATE = pg_catalog.simple, STOPWORDS = french, ACCEPT = false);
  CREATE TEXT SEARCH CONFIGURATION search.fr_unaccent (COPY = pg_catalog.french);
  ALTER TEXT SEARCH CONFIGURATION search.fr_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH search.french_stop, unaccent, pg_catalog.french_stem;
  ALTER TEXT SEARCH CONFIGURATION search.fr_unaccent
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH search.french_stop, pg_catalog.french_stem;

  CREATE TABLE search.documents (
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
    -- Every word, for matching (phrases too): title and keywords A, summary B, body C, facts D.
    tsv tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('search.fr_unaccent'::regconfig, title || ' ' || keywords), 'A') ||
      setweight(to_tsvector('search.fr_unaccent'::regconfig, summary), 'B') ||
      setweight(to_tsvector('search.fr_unaccent'::regconfig, body), 'C') ||
      setweight(to_tsvector('search.fr_unaccent'::regconfig, extra), 'D')
    ) STORED,
    -- What ranks a match (ts_rank): the title and the start of the texts, with the same weights.
    rank_tsv tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('search.fr_unaccent'::regconfig, title || ' ' || keywords), 'A') ||
      setweight(to_tsvector('search.fr_unaccent'::regconfig, left(summary, 300)), 'B') ||
      setweight(to_tsvector('search.fr_unaccent'::regconfig, left(body, 600)), 'C') ||
      setweight(to_tsvector('search.fr_unaccent'::regconfig, left(extra, 300)), 'D')
    ) STORED,
    PRIMARY KEY (collection, doc_id)
  );
  -- A broad query ranks thousands of rows: each must be cheap to read. The small rank_tsv stays in
  -- the row (MAIN); the full tsv goes out of line (EXTERNAL) and is only read back to check a
  -- "phrase" (plain words are decided by the GIN index alone). Measured on 10,000 documents, this
  -- made a query matching nearly all of them 2 to 4 times faster than one tsvector in TOAST.
  ALTER TABLE search.documents ALTER COLUMN tsv SET STORAGE EXTERNAL, ALTER COLUMN rank_tsv SET STORAGE MAIN;
  CREATE INDEX documents_tsv_idx ON search.documents USING gin (tsv);

  CREATE TABLE search.index_state (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version integer NOT NULL,
    built_at timestamptz NOT NULL DEFAULT now()
  );`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP SCHEMA IF EXISTS search CASCADE;
  -- Kept if something else has come to use it.
  DO $$ BEGIN
    DROP EXTENSION IF EXISTS unaccent;
  EXCEPTION WHEN dependent_objects_still_exist THEN
    RAISE NOTICE 'unaccent is used by other objects: kept';
  END $$;`)
}
