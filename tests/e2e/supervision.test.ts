/**
 * `npm start` keeps the site up: the web server or the embedded Postgres killed with kill -9 is
 * started again, and says so. A whole `npm start` on a throwaway data directory (its own embedded
 * Postgres), with the build the e2e setup made.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort, postmasterPid, processAlive as alive } from '../../scripts/lib/embedded-postgres'
import { ROOT } from '../../scripts/lib/runtime'

let start: ChildProcess
let output = ''
let base = ''
let port = 0
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'labo-supervision-'))

/** The pid of the web server `npm start` runs on our port. */
function serverPid(): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
      if (args.some((a) => a.endsWith('scripts/server.ts')) && args.includes(String(port))) return Number(entry)
    } catch {
      // gone meanwhile
    }
  }
  return null
}

const status = (urlPath: string) =>
  fetch(`${base}${urlPath}`, { signal: AbortSignal.timeout(5_000) }).then(
    (res) => res.status,
    () => 0,
  )

beforeAll(async () => {
  port = await freePort()
  base = `http://localhost:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SITE_URL: base,
    LABO_DATA_DIR: dataDir,
    MEDIA_DIR: path.join(dataDir, 'media'),
    ADMIN_EMAIL: 'supervision@exemple.test',
    ADMIN_PASSWORD: 'Supervision-2026!',
  }
  delete env.DATABASE_URI
  delete env.PAYLOAD_SECRET
  delete env.WEB_CONCURRENCY
  start = spawn(process.execPath, ['scripts/launch.mjs', 'scripts/start.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  start.stdout!.on('data', (d) => (output += d))
  start.stderr!.on('data', (d) => (output += d))
  for (const deadline = Date.now() + 480_000; !output.includes('Prêt sur'); ) {
    if (start.exitCode !== null || Date.now() > deadline) throw new Error(`npm start n’a pas démarré :\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}, 500_000)

afterAll(async () => {
  if (start?.exitCode === null) {
    const exited = new Promise((resolve) => start.once('exit', resolve))
    start.kill('SIGTERM')
    await exited
  }
  const pg = postmasterPid(path.join(dataDir, 'postgres'))
  if (pg && alive(pg)) process.kill(pg, 'SIGKILL')
  fs.rmSync(dataDir, { recursive: true, force: true })
}, 60_000)

describe('npm start keeps the site up', () => {
  it('starts the web server again after kill -9, and says so', async () => {
    const pid = serverPid()
    expect(pid).not.toBeNull()
    process.kill(pid!, 'SIGKILL')
    await expect.poll(() => output, { timeout: 10_000 }).toContain('Le serveur s’est arrêté (SIGKILL) : redémarrage dans 1 s…')
    await expect.poll(() => status('/'), { timeout: 90_000, interval: 500 }).toBe(200)
    expect(serverPid()).not.toBe(pid)
  }, 120_000)

  it('starts the embedded Postgres again after kill -9: the API answers again', async () => {
    expect(await status('/api/articles?limit=1&depth=0')).toBe(200)
    const pid = postmasterPid(path.join(dataDir, 'postgres'))
    expect(pid).not.toBeNull()
    process.kill(pid!, 'SIGKILL')
    await expect.poll(() => output, { timeout: 10_000 }).toContain('La base Postgres intégrée s’est arrêtée (SIGKILL) : redémarrage dans 1 s…')
    await expect.poll(() => output, { timeout: 60_000 }).toContain('Base Postgres intégrée redémarrée.')
    await expect.poll(() => status('/api/articles?limit=1&depth=0'), { timeout: 60_000, interval: 500 }).toBe(200)
    expect(postmasterPid(path.join(dataDir, 'postgres'))).not.toBe(pid)
  }, 120_000)

  it('stops everything on SIGTERM, the database included', async () => {
    const pg = postmasterPid(path.join(dataDir, 'postgres'))
    const exited = new Promise<number | null>((resolve) => start.once('exit', resolve))
    start.kill('SIGTERM')
    expect(await exited).toBe(0)
    await expect.poll(() => (pg ? alive(pg) : false), { timeout: 10_000 }).toBe(false)
    expect(serverPid()).toBeNull()
  }, 60_000)
})
