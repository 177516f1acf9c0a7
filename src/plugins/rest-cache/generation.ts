/** The content generation of the REST cache, in Postgres (see ./index.ts). */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { BUMP_GENERATION, READ_GENERATION } from '../../migrations/sql/rest-cache'
import { executorFor, poolOf } from '../shared/sql'

/** Bumps the content generation, on the request's transaction. */
export async function bumpRestCache(payload: Payload, req?: Partial<PayloadRequest>): Promise<void> {
  await (await executorFor(payload, req)).execute(sql.raw(BUMP_GENERATION))
}

/** The current content generation, or null before the migration has run. */
export async function readGeneration(payload: Payload): Promise<string | null> {
  const pool = poolOf(payload)
  if (!pool) return null
  try {
    const { rows } = await pool.query<{ generation: string }>({ name: 'rest-cache-generation', text: READ_GENERATION })
    return rows[0]?.generation ?? null
  } catch {
    return null
  }
}

