import { MigrateUpArgs, MigrateDownArgs } from '@payloadcms/db-postgres'

import * as searchPhrase from './sql/search-phrase'

/**
 * No Payload-managed table changes: the search index's stored title tsvector and its GIN index,
 * in place of the expression index of `*_integrations_glossary_search` (./sql/search-phrase).
 */

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await searchPhrase.up({ db })
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await searchPhrase.down({ db })
}
