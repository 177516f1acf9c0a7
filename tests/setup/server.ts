/**
 * Global setup of the browser/HTTP tests: runs `npm start`'s own command (scripts/launch.mjs scripts/start.ts)
 * against a throwaway database cloned from the migrated template. It builds the app when the
 * build is stale, migrates, seeds, creates the admin, then serves (scripts/server.ts) with two
 * processes.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import pg from 'pg'
import type { TestProject } from 'vitest/node'

import { freePort } from '../../scripts/lib/embedded-postgres'
import { ROOT } from '../../scripts/lib/runtime'
import { withDatabase } from './database'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    adminEmail: string
    adminPassword: string
    databaseUri: string
    /** The one address TRUSTED_PROXIES lists (a loopback address only tests connect from). */
    trustedProxy: string
    /** The server's MEDIA_DIR (a test importing files writes them there). */
    mediaDir: string
  }
}

const waitForServer = async (url: string, child: ChildProcess, output: () => string, timeoutMs = 540_000) => {
  const started = Date.now()
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${output()}`)
    try {
      const res = await fetch(url)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output()}`)
}

export default async function setup(project: TestProject) {
  const adminUri = process.env.TEST_PG_ADMIN_URI!
  const name = `${process.env.TEST_DB_PREFIX}e2e`
  const client = new pg.Client({ connectionString: adminUri })
  await client.connect()
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "${process.env.TEST_TEMPLATE_DB}"`)
  await client.end()

  const port = await freePort()
  const adminEmail = 'admin-e2e@exemple.test'
  const adminPassword = `E2e-${randomBytes(9).toString('base64url')}`
  let output = ''
  // Uploads go to a throwaway folder, not the project's media/.
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'labo-e2e-media-'))
  const databaseUri = withDatabase(adminUri, name)
  const trustedProxy = '127.0.0.9'
  const child = spawn(process.execPath, ['scripts/launch.mjs', 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      // Two processes, as in production on two cores: every page test also checks they agree.
      WEB_CONCURRENCY: '2',
      // The browser tests log in from this machine's one address far more than 20 times a minute.
      LOGIN_ADDRESS_LIMIT: '100000',
      DATABASE_URI: databaseUri,
      PAYLOAD_SECRET: 'e2e-secret',
      PORT: String(port),
      SITE_URL: `http://localhost:${port}`,
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      MEDIA_DIR: mediaDir,
      // A proxy in front, as in production; every other peer (127.0.0.1, the browser) is a visitor.
      TRUSTED_PROXIES: trustedProxy,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))

  const baseURL = `http://localhost:${port}`
  await waitForServer(`${baseURL}/api/users/me`, child, () => output)
  project.provide('baseURL', baseURL)
  project.provide('adminEmail', adminEmail)
  project.provide('adminPassword', adminPassword)
  project.provide('databaseUri', databaseUri)
  project.provide('trustedProxy', trustedProxy)
  project.provide('mediaDir', mediaDir)

  return async () => {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    fs.rmSync(mediaDir, { recursive: true, force: true })
  }
}
