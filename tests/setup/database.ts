/**
 * Global setup of the database-backed test projects: one Postgres server (DATABASE_URI's, or
 * a throwaway embedded one), and a template database with the committed migrations applied.
 * Every test file then clones the template into a database of its own (tests/helpers/db.ts).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import pg from 'pg'
import type { TestProject } from 'vitest/node'

import { ensureDatabase, startEmbeddedPostgres, tmpDataDir } from '../../scripts/lib/embedded-postgres'
import { ROOT } from '../../scripts/lib/runtime'

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUri: string
    templateDb: string
    testDbPrefix: string
  }
}

export const withDatabase = (uri: string, database: string) => {
  const url = new URL(uri)
  url.pathname = `/${database}`
  return url.toString()
}

/**
 * Runs scripts/migrate.ts in a child process, so this process never caches a Payload; through the
 * launcher, as `npm run migrate` does (a start-up stuck in module loading is tried again).
 */
export const runMigrate = (uri: string, args: string[] = []) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/launch.mjs', 'scripts/migrate.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URI: uri, PAYLOAD_SECRET: 'test-secret', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrate failed:\n${output}`))))
  })

export default async function setup(project: TestProject) {
  const prefix = `t${randomBytes(3).toString('hex')}_`
  let adminUri: string
  let stopServer = async () => {}
  let dataDir: string | undefined

  if (process.env.DATABASE_URI) {
    adminUri = withDatabase(process.env.DATABASE_URI, 'postgres')
  } else {
    dataDir = tmpDataDir('labo-test-')
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), ephemeral: true })
    adminUri = server.uri('postgres')
    stopServer = server.stop
  }

  const templateDb = `${prefix}template`
  await ensureDatabase(adminUri, templateDb)
  await runMigrate(withDatabase(adminUri, templateDb))

  process.env.TEST_PG_ADMIN_URI = adminUri
  process.env.TEST_TEMPLATE_DB = templateDb
  process.env.TEST_DB_PREFIX = prefix
  project.provide('pgAdminUri', adminUri)
  project.provide('templateDb', templateDb)
  project.provide('testDbPrefix', prefix)

  return async () => {
    if (dataDir) {
      await stopServer()
      fs.rmSync(dataDir, { recursive: true, force: true })
      return
    }
    // On a shared server, drop what this run created.
    const client = new pg.Client({ connectionString: adminUri })
    await client.connect()
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${prefix}%`],
    )
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
    await client.end()
  }
}
