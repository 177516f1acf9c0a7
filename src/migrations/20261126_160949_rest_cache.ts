import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-postgres'

import * as restCache from './sql/rest-cache'

/** The content generation of the public REST cache (./sql/rest-cache.ts); no change to Payload's tables. */

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await restCache.up({ db })
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await restCache.down({ db })
}
