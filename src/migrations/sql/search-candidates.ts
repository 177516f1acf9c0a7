/**
 * Search performance (issue #7): a GIN index on the title and keywords of each indexed document,
 * so that a broad query ranks every document whose title matches, not only the bounded set of
 * other matches it looks at (src/plugins/search/sql.ts, searchIndex).
 *
 * An expression index, not a stored column: `to_tsvector` with a text search configuration is
 * IMMUTABLE, and queries that write the same expression (titleTsv) use it.
 *
 * Called by the migration `*_integrations_glossary_search`; `npm run dev` (schema push, no migrations) runs
 * the same statements through the search plugin (sql.ts, DEV_SCHEMA_STATEMENTS).
 */
import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

/** The title and keywords as a tsvector (columns of the table `alias`, if given): the indexed expression. */
export const titleTsv = (alias = '') => {
  const col = (name: string) => (alias ? `${alias}.${name}` : name)
  return `to_tsvector('search.fr_unaccent'::regconfig, ${col('title')} || ' ' || ${col('keywords')})`
}

export const SEARCH_CANDIDATES_UP = [
  `CREATE INDEX IF NOT EXISTS documents_title_idx ON search.documents USING gin ((${titleTsv()}))`,
]

export const SEARCH_CANDIDATES_DOWN = [`DROP INDEX IF EXISTS search.documents_title_idx`]

export async function up({ db }: Pick<MigrateUpArgs, 'db'>): Promise<void> {
  for (const statement of SEARCH_CANDIDATES_UP) await db.execute(sql.raw(statement))
}

export async function down({ db }: Pick<MigrateDownArgs, 'db'>): Promise<void> {
  for (const statement of SEARCH_CANDIDATES_DOWN) await db.execute(sql.raw(statement))
}
