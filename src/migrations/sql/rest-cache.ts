/**
 * The content generation of the public REST cache (src/plugins/rest-cache): one row, bumped in
 * the transaction of every change a visitor could see. A server serves a stored answer only if
 * it was computed at the current generation, so a change made through any server of the same
 * database reaches every server's next answer.
 *
 * Its own schema, outside Payload's: drizzle's schema push never sees it. Called by the migration
 * `*_rest_cache`; `npm run dev` (schema push) runs the same statements at start-up.
 */
import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

export const REST_CACHE_UP = [
  `CREATE SCHEMA IF NOT EXISTS rest_cache`,
  // `token` tells databases apart (a restored or re-created one starts a new series).
  `CREATE TABLE IF NOT EXISTS rest_cache.state (
     singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
     token uuid NOT NULL DEFAULT gen_random_uuid(),
     generation bigint NOT NULL DEFAULT 1
   )`,
  `INSERT INTO rest_cache.state (singleton) VALUES (true) ON CONFLICT DO NOTHING`,
]

export const REST_CACHE_DOWN = [`DROP SCHEMA IF EXISTS rest_cache CASCADE`]

/** The current generation, as one string (token and counter). */
export const READ_GENERATION = `SELECT token::text || ':' || generation::text AS generation FROM rest_cache.state`

/** Bumps the generation; does nothing before the migration has run. */
export const BUMP_GENERATION = `DO $$ BEGIN
  IF to_regclass('rest_cache.state') IS NOT NULL THEN
    UPDATE rest_cache.state SET generation = generation + 1;
  END IF;
END $$`

export async function up({ db }: Pick<MigrateUpArgs, 'db'>): Promise<void> {
  for (const statement of REST_CACHE_UP) await db.execute(sql.raw(statement))
}

export async function down({ db }: Pick<MigrateDownArgs, 'db'>): Promise<void> {
  for (const statement of REST_CACHE_DOWN) await db.execute(sql.raw(statement))
}
