import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-postgres'

import * as searchCandidates from './sql/search-candidates'

/** No Payload table changes: the hand-written SQL lives in ./sql (see each module). */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await searchCandidates.up({ db })
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await searchCandidates.down({ db })
}
