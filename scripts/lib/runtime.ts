/** What `npm start`, `npm run dev`, the seed and the tests share: env, database, secret, build. */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { backoff } from './backoff'
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The embedded database and the generated secret; LABO_DATA_DIR puts them elsewhere (tests). */
export const DATA_DIR = process.env.LABO_DATA_DIR ? path.resolve(process.env.LABO_DATA_DIR) : path.join(ROOT, '.data')

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const reasonOf = (code: number | null, signal: NodeJS.Signals | null) => signal ?? `code ${code}`

export const step = (n: number, total: number, text: string) => console.log(`\n[${n}/${total}] ${text}`)

/**
 * Holds the event loop open until released. Under `--import tsx`, on Node 20 and a loaded
 * machine, a dynamic import() answered by the loader's worker thread has been seen to leave the
 * loop empty: the process then exits 0 in the middle of start-up, silently (see the notes). With a
 * timer pending it waits for the answer instead; and an exit before `release()` says so.
 */
export function keepAlive(what: string): () => void {
  const timer = setInterval(() => {}, 60_000)
  const onExit = (code: number) => {
    if (code === 0) console.error(`\n${what} : arrêt sans erreur au milieu du démarrage (boucle d’événements vide).`)
  }
  process.once('exit', onExit)
  return () => {
    clearInterval(timer)
    process.removeListener('exit', onExit)
  }
}

export function loadDotEnv() {
  const file = path.join(ROOT, '.env')
  if (fs.existsSync(file)) process.loadEnvFile(file)
  process.env.NEXT_TELEMETRY_DISABLED = '1'
}

/** PAYLOAD_SECRET from the environment, else one generated once and kept in .data/secret. */
export function ensureSecret() {
  if (process.env.PAYLOAD_SECRET) return
  const file = path.join(DATA_DIR, 'secret')
  if (!fs.existsSync(file)) {
    fs.mkdirSync(DATA_DIR, { recursive: true })
    fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600 })
  }
  process.env.PAYLOAD_SECRET = fs.readFileSync(file, 'utf8').trim()
}

export type Database = { uri: string; embedded: boolean; stop: () => Promise<void> }

/**
 * DATABASE_URI if set; otherwise the embedded server under .data/postgres. With `restart` (npm
 * start), an embedded server that dies is started again on the same port, with back-off.
 */
export async function ensureDatabaseServer(dbName: string, { verbose = false, restart = false } = {}): Promise<Database> {
  if (process.env.DATABASE_URI) {
    return { uri: process.env.DATABASE_URI, embedded: false, stop: async () => {} }
  }
  const dataDir = path.join(DATA_DIR, 'postgres')
  const log = (l: string) => {
    if (verbose || (/FATAL|ERROR|PANIC/.test(l) && !/administrator command/.test(l))) console.log(`  postgres: ${l}`)
  }
  const delays = backoff()
  let stopped = false
  let startedAt = Date.now()
  const start = (port?: number) => startEmbeddedPostgres({ dataDir, log, port, onExit: restart ? (reason) => void restartAfter(reason) : undefined })
  let server = await start()

  async function restartAfter(reason: string) {
    if (stopped) return
    const delay = delays.afterExit(Date.now() - startedAt)
    if (delay === null) {
      console.error('  ! La base Postgres intégrée s’arrête dès son démarrage : abandon (voir ses messages ci-dessus).')
      process.kill(process.pid, 'SIGTERM')
      return
    }
    console.error(`  ! La base Postgres intégrée s’est arrêtée (${reason}) : redémarrage dans ${delay / 1000} s…`)
    await sleep(delay)
    if (stopped) return
    startedAt = Date.now()
    try {
      server = await start(server.port)
      if (stopped) return void (await server.stop())
      console.log('  ✓ Base Postgres intégrée redémarrée.')
    } catch (err) {
      await restartAfter(err instanceof Error ? err.message : String(err))
    }
  }

  await ensureDatabase(server.uri('postgres'), dbName)
  const uri = server.uri(dbName)
  process.env.DATABASE_URI = uri
  const stop = async () => {
    stopped = true
    await server.stop()
  }
  return { uri, embedded: true, stop }
}

const BUILD_INPUTS = ['src', 'payload.config.ts', 'next.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json']
/** Environment read by next.config.mjs, so baked into a build (the media host next/image may fetch). */
const BUILD_ENV = ['S3_PUBLIC_URL']
const BUILD_STAMP = path.join(ROOT, '.next', 'labo-build-hash')

/** A hash of everything a production build depends on. */
export function sourceHash(): string {
  const hash = createHash('sha256')
  const walk = (p: string) => {
    const abs = path.join(ROOT, p)
    if (!fs.existsSync(abs)) return
    const stat = fs.statSync(abs)
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(abs).sort()) walk(path.join(p, entry))
    } else {
      hash.update(p).update('\0').update(fs.readFileSync(abs)).update('\0')
    }
  }
  BUILD_INPUTS.forEach(walk)
  for (const name of BUILD_ENV) hash.update(`${name}=${process.env[name] ?? ''}`).update('\0')
  return hash.digest('hex')
}

export const buildIsFresh = () =>
  fs.existsSync(BUILD_STAMP) && fs.readFileSync(BUILD_STAMP, 'utf8').trim() === sourceHash()

export const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next')

/** Node arguments that start the production server (scripts/server.ts) on `port`. */
export const serverArgs = (port: number | string, hostname?: string) => [
  '--import',
  'tsx',
  path.join(ROOT, 'scripts', 'server.ts'),
  '--port',
  String(port),
  ...(hostname ? ['--hostname', hostname] : []),
]

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? cmd)} a échoué (${signal ?? code})`)),
    )
  })
}

/** `next build`, then remember which sources it was built from. */
export async function buildApp() {
  const hash = sourceHash()
  await run(process.execPath, [NEXT_BIN, 'build'], { ...process.env, NODE_ENV: 'production' })
  fs.writeFileSync(BUILD_STAMP, hash + '\n')
}

/**
 * Runs a long-lived child, forwards Ctrl-C/SIGTERM to it and cleans up once it is gone. With
 * `restart`, a child that dies (killed, crashed: a signal or an error code) is started again,
 * with back-off.
 */
export function supervise(start: () => ChildProcess, cleanup: () => Promise<void>, { restart = false } = {}) {
  let stopping = false
  let child = start()
  let startedAt = Date.now()
  const delays = backoff()
  const finish = async (code: number) => {
    await cleanup().catch((err) => console.error(err))
    process.exit(code)
  }
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log('\nArrêt en cours…')
    if (child.exitCode !== null || child.signalCode !== null) void finish(0)
    else child.kill(signal)
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  const watch = () =>
    child.once('exit', async (code, signal) => {
      // Exit code 0: it was stopped on purpose (SIGTERM, Ctrl-C), and so is npm start.
      if (stopping || !restart || code === 0) return finish(stopping ? 0 : (code ?? 1))
      const delay = delays.afterExit(Date.now() - startedAt)
      if (delay === null) {
        console.error(`  ! Le serveur s’arrête dès son démarrage (${reasonOf(code, signal)}) : abandon.`)
        return finish(code || 1)
      }
      console.error(`  ! Le serveur s’est arrêté (${reasonOf(code, signal)}) : redémarrage dans ${delay / 1000} s…`)
      await sleep(delay)
      if (stopping) return finish(0)
      child = start()
      startedAt = Date.now()
      watch()
    })
  watch()
}
