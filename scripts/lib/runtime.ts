/** What `npm start`, `npm run dev`, the seed and the tests share: env, database, secret, build. */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const DATA_DIR = path.join(ROOT, '.data')

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

/** DATABASE_URI if set; otherwise the embedded server under .data/postgres. */
export async function ensureDatabaseServer(dbName: string, verbose = false): Promise<Database> {
  if (process.env.DATABASE_URI) {
    return { uri: process.env.DATABASE_URI, embedded: false, stop: async () => {} }
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, 'postgres'),
    log: (l) => {
      if (verbose || (/FATAL|ERROR|PANIC/.test(l) && !/administrator command/.test(l))) console.log(`  postgres: ${l}`)
    },
  })
  await ensureDatabase(server.uri('postgres'), dbName)
  const uri = server.uri(dbName)
  process.env.DATABASE_URI = uri
  return { uri, embedded: true, stop: server.stop }
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

/** Runs a long-lived child, forwards Ctrl-C/SIGTERM to it and cleans up once it is gone. */
export function supervise(child: ChildProcess, cleanup: () => Promise<void>) {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    console.log('\nArrêt en cours…')
    child.kill(signal)
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  child.on('exit', async (code) => {
    await cleanup().catch((err) => console.error(err))
    process.exit(stopping ? 0 : (code ?? 1))
  })
}
