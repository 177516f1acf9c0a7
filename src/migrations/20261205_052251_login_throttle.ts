import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import * as loginThrottle from './sql/login-throttle'

/**
 * Payload's account lock gives way to the login throttle (src/plugins/login-throttle): its
 * columns on "users" go, its counters' table comes (./sql/login-throttle.ts).
 */

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "users" DROP COLUMN "login_attempts";
  ALTER TABLE "users" DROP COLUMN "lock_until";`)
  await loginThrottle.up({ db })
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await loginThrottle.down({ db })
  await db.execute(sql`
   ALTER TABLE "users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "users" ADD COLUMN "lock_until" timestamp(3) with time zone;`)
}
