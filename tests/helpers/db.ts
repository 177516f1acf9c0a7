import { randomBytes } from 'node:crypto'

import pg from 'pg'
import { inject } from 'vitest'

import { withDatabase } from '../setup/database'

/** A new database, cloned from the migrated template: the schema production gets, no data. */
export async function createTestDatabase(): Promise<string> {
  const adminUri = inject('pgAdminUri')
  const name = `${inject('testDbPrefix')}${randomBytes(4).toString('hex')}`
  const client = new pg.Client({ connectionString: adminUri })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDb')}"`)
  } finally {
    await client.end()
  }
  return withDatabase(adminUri, name)
}
