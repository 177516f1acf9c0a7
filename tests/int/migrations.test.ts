import fs from 'node:fs'
import path from 'node:path'

import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let db: PostgresAdapter

beforeAll(async () => {
  ctx = await bootPayload()
  db = ctx.payload.db as unknown as PostgresAdapter
})
afterAll(async () => ctx?.close())

/**
 * drizzle-kit's introspection reads numeric defaults back as strings and proposes to set them
 * again: such a statement is a no-op when the column already has that default.
 */
async function isNoOpDefault(statement: string): Promise<boolean> {
  const m = /^ALTER TABLE "([^"]+)" ALTER COLUMN "([^"]+)" SET DEFAULT (.+);$/.exec(statement.trim())
  if (!m) return false
  const { rows } = await db.pool.query<{ column_default: string | null }>(
    'SELECT column_default FROM information_schema.columns WHERE table_name = $1 AND column_name = $2',
    [m[1], m[2]],
  )
  const normalize = (v: string) => v.replace(/::[\w ]+$/, '').replace(/^'(.*)'$/, '$1')
  return rows.length === 1 && rows[0].column_default !== null && normalize(rows[0].column_default) === normalize(m[3])
}

describe('committed migrations', () => {
  it('built a database whose schema is exactly what the collections configure', async () => {
    const { pushSchema } = db.requireDrizzleKit()
    // drizzle-kit returns the pending statements too, though Payload's type omits them.
    const { statementsToExecute } = (await pushSchema(db.schema, db.drizzle, undefined, db.tablesFilter, undefined)) as unknown as {
      statementsToExecute: string[]
    }
    const real = []
    for (const statement of statementsToExecute) {
      if (!(await isNoOpDefault(statement))) real.push(statement)
    }
    expect(real, 'run `npm run migrate:create -- <name>` and commit the migration').toEqual([])
  })

  it('end with a snapshot that matches the configuration (migrate:create would find nothing to do)', async () => {
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const dir = path.resolve('src/migrations')
    const latest = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().at(-1)!
    const before = JSON.parse(fs.readFileSync(path.join(dir, latest), 'utf8'))
    const after = await generateDrizzleJson(db.schema)
    expect(await generateMigration(before, after)).toEqual([])
  })

  it('are all listed in src/migrations/index.ts', async () => {
    const { migrations } = await import('../../src/migrations')
    const files = fs.readdirSync('src/migrations').filter((f) => /^\d{8}_\d{6}.*\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, ''))
    expect(migrations.map((m) => m.name).sort()).toEqual(files.sort())
  })
})
