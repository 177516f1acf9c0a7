/**
 * Login and password-reset counters (src/plugins/login-throttle): one row per (scope, key) with a
 * fixed window, incremented atomically by an upsert, so that every app instance of the database
 * shares the limits. Keys are keyed hashes (no address or e-mail is stored).
 *
 * Its own schema, outside Payload's: drizzle's schema push never sees it. Called by the migration
 * `*_login_throttle`; `npm run dev` (schema push) runs the same statements at start-up.
 */
import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-postgres'

export const LOGIN_THROTTLE_UP = [
  `CREATE SCHEMA IF NOT EXISTS login_throttle`,
  `CREATE TABLE IF NOT EXISTS login_throttle.counters (
     scope text NOT NULL,
     key text NOT NULL,
     window_start timestamptz NOT NULL DEFAULT now(),
     count integer NOT NULL DEFAULT 0,
     PRIMARY KEY (scope, key)
   )`,
  `CREATE INDEX IF NOT EXISTS counters_window_start_idx ON login_throttle.counters (window_start)`,
]

export const LOGIN_THROTTLE_DOWN = [`DROP SCHEMA IF EXISTS login_throttle CASCADE`]

export async function up({ db }: Pick<MigrateUpArgs, 'db'>): Promise<void> {
  for (const statement of LOGIN_THROTTLE_UP) await db.execute(sql.raw(statement))
}

export async function down({ db }: Pick<MigrateDownArgs, 'db'>): Promise<void> {
  for (const statement of LOGIN_THROTTLE_DOWN) await db.execute(sql.raw(statement))
}
