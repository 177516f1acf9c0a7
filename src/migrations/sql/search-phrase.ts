/**
 * Search performance (issue #7, quoted phrases): the title and keywords of each indexed document
 * as a stored tsvector, `title_tsv`, with its GIN index, in place of the expression index of
 * ./search-candidates.ts.
 *
 * A GIN index on a tsvector keeps lexemes, not positions: for a "phrase", every candidate it
 * finds is checked again on the row. With the expression index, that check parsed the title
 * again (`to_tsvector` per row); the stored column is read as it is, in the row (about 80 bytes).
 *
 * Called by the migration `*_search_phrase`; `npm run dev` (schema push, no migrations) runs the
 * same statements through the search plugin (src/plugins/search/sql.ts, DEV_SCHEMA_STATEMENTS).
 */
import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

import { SEARCH_CANDIDATES_UP } from './search-candidates'

/** The column the search's title condition reads (src/plugins/search/sql.ts, searchIndex). */
export const TITLE_TSV = 'title_tsv'

export const SEARCH_PHRASE_UP = [
  `ALTER TABLE search.documents ADD COLUMN IF NOT EXISTS ${TITLE_TSV} tsvector GENERATED ALWAYS AS (
     to_tsvector('search.fr_unaccent'::regconfig, title || ' ' || keywords)
   ) STORED`,
  `CREATE INDEX IF NOT EXISTS documents_title_tsv_idx ON search.documents USING gin (${TITLE_TSV})`,
  `DROP INDEX IF EXISTS search.documents_title_idx`,
]

export const SEARCH_PHRASE_DOWN = [
  ...SEARCH_CANDIDATES_UP,
  `DROP INDEX IF EXISTS search.documents_title_tsv_idx`,
  `ALTER TABLE search.documents DROP COLUMN IF EXISTS ${TITLE_TSV}`,
]

export async function up({ db }: Pick<MigrateUpArgs, 'db'>): Promise<void> {
  for (const statement of SEARCH_PHRASE_UP) await db.execute(sql.raw(statement))
}

export async function down({ db }: Pick<MigrateDownArgs, 'db'>): Promise<void> {
  for (const statement of SEARCH_PHRASE_DOWN) await db.execute(sql.raw(statement))
}
