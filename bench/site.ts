/**
 * `npm run bench`: the whole system at scale, on a throwaway database (not a test).
 *
 *   npm run bench                                 # full size, 10 s per load run
 *   BENCH_QUICK=1 npm run bench                   # a tenth of the data, 3 s per run
 *   BENCH_DURATION=20 BENCH_SCALE=0.5 npm run bench
 *   BENCH_WORKERS=1 npm run bench                 # one server process (default: one per core)
 *
 * 1. Starts a throwaway embedded Postgres (fsync off), applies the migrations, loads the seed,
 *    then generated content in two steps (a tenth, then the rest: 10,000 projects, 2,000
 *    articles, 500 glossary terms, 100,000 comments at full size) with multi-row INSERTs into
 *    Payload's tables (versions and relations included), rebuilds the search index and reads
 *    documents back through the Local API.
 * 2. Builds the app if its sources changed, and starts the production server (scripts/server.ts:
 *    Next behind its in-memory page cache) on that database, one process per core.
 * 3. Counts the SQL statements of each REST call and of each page rendered uncached, at both
 *    sizes (Postgres `log_statement = all`, the app's connections told apart by their
 *    application_name); then, with autocannon at 32 connections: cached pages against the
 *    same HTML served from memory by node:http, REST reads, search, and comment posting at 20
 *    connections, checking that every acknowledged comment is stored.
 * 4. Prints one table (with the CPU per request of the app and of Postgres, from /proc) and writes
 *    bench-results/bench-<date>.json.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import nodeHttp from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import pg from 'pg'

import { HOT_COMMENTS, loadArticles, loadComments, loadGlossary, loadPartners, loadProjects, type Counts, type LoadState, type Refs } from './lib/load'
import { loadTest, staticServer, type LoadResult } from './lib/http'
import { withCpu, type CpuCost } from './lib/cpu'
import { fmt, formatTable, queryGrowth, rate, ratioPercent, statementCounter } from './lib/stats'
import { lexicalText, textGenerator, type LexicalDoc } from './lib/text'
import { ensureDatabase, freePort, postmasterPid, startEmbeddedPostgres, tmpDataDir } from '../scripts/lib/embedded-postgres'
import { buildApp, buildIsFresh, loadDotEnv, ROOT, serverArgs } from '../scripts/lib/runtime'
import { BUMP_GENERATION } from '../src/migrations/sql/rest-cache'
import { guardLoading } from '../scripts/lib/loader-guard'

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback)
const QUICK = process.env.BENCH_QUICK === '1'
const DURATION = env('BENCH_DURATION', QUICK ? 3 : 10)
const SCALE = env('BENCH_SCALE', QUICK ? 0.1 : 1)
/** Seconds of unmeasured load on each page before the measured runs. */
const WARM_SECONDS = Math.min(2, DURATION)
/** Server processes (WEB_CONCURRENCY), as `npm start` is advised to run in production. */
const WORKERS = Math.max(1, Math.floor(env('BENCH_WORKERS', os.availableParallelism())))
const CONNECTIONS = 32
const WRITE_CONNECTIONS = 20
const APP = 'labo_bench_app'

const FULL: Counts = { projects: 10_000, articles: 2_000, glossary: 500, comments: 100_000, partners: 300 }
const scaled = (n: number) => Math.max(1, Math.round(n * SCALE))
const TOTAL: Counts = {
  projects: scaled(FULL.projects),
  articles: scaled(FULL.articles),
  glossary: scaled(FULL.glossary),
  comments: Math.max(HOT_COMMENTS, scaled(FULL.comments)),
  partners: scaled(FULL.partners),
}
const FIRST: Counts = {
  projects: Math.round(TOTAL.projects / 10),
  articles: Math.round(TOTAL.articles / 10),
  glossary: Math.round(TOTAL.glossary / 10),
  comments: Math.max(HOT_COMMENTS, Math.round(TOTAL.comments / 10)),
  partners: TOTAL.partners,
}

/** Asks the REST cache for a freshly computed answer (src/plugins/rest-cache). */
const COMPUTE = { 'cache-control': 'no-cache' }
const GZIP = { 'accept-encoding': 'gzip' }

/** Bytes of the gzip-encoded answer (fetch() would decode it). */
const compressedSize = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    nodeHttp
      .get(url, { headers: GZIP }, (res) => {
        let bytes = 0
        res.on('data', (chunk: Buffer) => (bytes += chunk.length))
        res.on('end', () => (res.headers['content-encoding'] === 'gzip' ? resolve(bytes) : reject(new Error(`${url} : réponse non compressée`))))
      })
      .on('error', reject)
  })
/** A GET on a connection of its own: the server's processes take connections in turn. */
const getOnNewConnection = (url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: nodeHttp.IncomingHttpHeaders }> =>
  new Promise((resolve, reject) => {
    nodeHttp
      .get(url, { agent: false, headers }, (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
      })
      .on('error', reject)
  })
const SEARCHES = ['économie sociale et solidaire', 'coopératives', 'circuits courts', 'insertion Lyon', 'monnaie locale', 'habitat participatif']

const log = (s: string) => console.log(s)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

type LoadStep = { step: string; rows: number; ms: number; rowsPerSecond: number }
type HttpRow = { key?: string; oneConnection?: LoadResult; name: string; group: 'page' | 'static' | 'rest' | 'search' | 'write'; path: string; cache?: string; encoding?: 'gzip'; ratioToStatic?: number | null; cpu?: CpuCost } & LoadResult
type QueryRow = {
  name: string
  path: string
  small: number | null
  large: number | null
  growth: string
  cache?: string
  onCacheHit?: { small?: number; large?: number; cache: string; statements?: Statements }
  /** The statements themselves, kept when the two counts differ. */
  statements?: Statements
}
type Statements = { small?: string[]; large?: string[] }

async function main() {
  loadDotEnv()
  process.env.PAYLOAD_SECRET = randomBytes(24).toString('hex')
  const work = tmpDataDir('labo-bench-')
  process.env.MEDIA_DIR = path.join(work, 'media')
  const started = performance.now()
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100)
  const counter = statementCounter(APP, /payload_jobs/)
  const steps: LoadStep[] = []
  let server: ChildProcess | undefined
  let stopDb = async () => {}
  let logReadable = false
  let pgDataDir: string | null = null
  let cleaned = false
  const cleanup = async () => {
    if (cleaned) return
    cleaned = true
    if (server && server.exitCode === null) {
      server.kill('SIGTERM')
      await new Promise((r) => server!.once('exit', r))
    }
    await stopDb().catch(() => {})
    fs.rmSync(work, { recursive: true, force: true })
  }
  // Ctrl-C at any step stops the server and the throwaway database. The signal may come twice
  // (from the terminal and from the launcher, scripts/launch.mjs): the second must not cut the
  // cleanup short, which would leave the database running.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (cleaned) return
      console.log('\nArrêt…')
      void cleanup().finally(() => process.exit(130))
    })
  }

  try {
    // ---- 1. Database ----------------------------------------------------------------------
    let adminUri: string
    const dbName = `labo_bench_${Date.now().toString(36)}`
    if (process.env.DATABASE_URI) {
      const url = new URL(process.env.DATABASE_URI)
      url.pathname = '/postgres'
      adminUri = url.toString()
      stopDb = async () => {
        const c = new pg.Client({ connectionString: adminUri })
        await c.connect()
        await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
        await c.end()
      }
      log('Base : DATABASE_URI (le journal du serveur n’est pas lisible : pas de décompte des requêtes SQL).')
    } else {
      const pgServer = await startEmbeddedPostgres({
        dataDir: path.join(work, 'pg'),
        ephemeral: true,
        log: (line) => {
          counter.feed(line)
          if (/FATAL|PANIC/.test(line)) console.log(`  postgres: ${line.slice(0, 300)}`)
        },
      })
      adminUri = pgServer.uri('postgres')
      stopDb = pgServer.stop
      logReadable = true
      pgDataDir = pgServer.dataDir
    }
    await ensureDatabase(adminUri, dbName)
    const dbUrl = new URL(adminUri)
    dbUrl.pathname = `/${dbName}`
    const appUri = `${dbUrl}?application_name=${APP}`
    dbUrl.searchParams.set('application_name', 'labo_bench_loader')
    process.env.DATABASE_URI = dbUrl.toString()
    const pool = new pg.Pool({ connectionString: dbUrl.toString(), max: 4 })
    pool.on('error', () => {})
    if (logReadable) {
      await pool.query(`ALTER SYSTEM SET log_line_prefix = '%a|%p|'`)
      await pool.query('SELECT pg_reload_conf()')
    }
    const { rows: v } = await pool.query('SHOW server_version')
    const postgresVersion = String(v[0].server_version)

    log(`\n[1/4] Base jetable, migrations, contenu de démonstration (${os.cpus().length} cœurs)…`)
    const { loadPayload, migrate, seedDemoContent } = await guardLoading('Chargement de Payload', () => import('../scripts/lib/prepare'))
    const payload = await loadPayload()
    // The server is stopped at the end: idle connections must not crash the process on their way out.
    ;(payload.db as unknown as { pool: pg.Pool }).pool.on('error', () => {})
    await migrate(payload)
    await seedDemoContent(payload)
    // Comment posting is measured from many addresses at once: the flood rule is not the subject.
    await pool.query('UPDATE site_settings SET comment_policy_flood_limit = 1000000000')

    const refs: Refs = {
      domainTags: (await pool.query(`SELECT id FROM tags WHERE kind = 'domaine' ORDER BY id`)).rows.map((r) => r.id),
      keywordTags: (await pool.query(`SELECT id FROM tags WHERE kind = 'mot-cle' ORDER BY id`)).rows.map((r) => r.id),
      partners: (await pool.query('SELECT id FROM partners ORDER BY id')).rows.map((r) => r.id),
      axes: (await pool.query('SELECT id FROM axes ORDER BY id')).rows.map((r) => r.id),
      themes: (await pool.query('SELECT id FROM themes ORDER BY id')).rows.map((r) => r.id),
    }
    if (!refs.keywordTags.length) refs.keywordTags = refs.domainTags
    const state: LoadState = { projects: [], articles: [], glossary: [], rows: 0, ms: 0 }
    const gen = textGenerator(20261126)
    const { reindexAll } = await import('../src/plugins/search')
    const { SEARCH_TYPES } = await import('../src/lib/search-types')

    const loadStage = async (label: string, counts: Counts, withPartners: boolean) => {
      const t0 = performance.now()
      let rows = 0
      const timed = async (what: string, fn: () => Promise<number>) => {
        const t = performance.now()
        const n = await fn()
        const ms = performance.now() - t
        steps.push({ step: `${label}: ${what}`, rows: n, ms: Math.round(ms), rowsPerSecond: rate(n, ms) })
        rows += n
      }
      if (withPartners) await timed('partners', () => loadPartners(pool, gen, refs, counts.partners))
      await timed('projects', () => loadProjects(pool, gen, refs, state, counts.projects))
      await timed('articles', () => loadArticles(pool, gen, refs, state, counts.articles))
      await timed('glossary', () => loadGlossary(pool, gen, state, counts.glossary))
      await timed('comments', () => loadComments(pool, gen, state, counts.comments))
      await pool.query('ANALYZE')
      // Rows written in SQL run no hooks: the REST cache learns of them from the generation.
      await pool.query(BUMP_GENERATION)
      const ms = performance.now() - t0
      steps.push({ step: `${label}: all rows (generation + INSERT + ANALYZE)`, rows, ms: Math.round(ms), rowsPerSecond: rate(rows, ms) })
      log(`  ${steps.slice(-6).filter((s) => s.step.startsWith(label)).map((s) => `${s.step.split(': ')[1]} ${s.rows} lignes ${s.rowsPerSecond}/s`).join(', ')}`)
      log(`  ${label} : ${rows} lignes en ${(ms / 1000).toFixed(1)} s (${rate(rows, ms)} lignes/s)`)
      const t1 = performance.now()
      const indexed = (await reindexAll(payload, SEARCH_TYPES)) ?? 0
      const ms1 = performance.now() - t1
      steps.push({ step: `${label}: search reindex`, rows: indexed, ms: Math.round(ms1), rowsPerSecond: rate(indexed, ms1) })
      log(`  index de recherche : ${indexed} documents en ${(ms1 / 1000).toFixed(1)} s (${rate(indexed, ms1)} docs/s)`)
    }

    /** Reads generated documents back through the Local API, as a visitor (access enforced). */
    const verify = async () => {
      const project = state.projects.filter((p) => p.published).at(-1)!
      const { docs } = await payload.find({ collection: 'projects', where: { slug: { equals: project.slug } }, depth: 2, overrideAccess: false })
      const doc = docs[0]
      const domains = (doc?.domains ?? []) as unknown[]
      const carrying = doc?.carryingStructure as { name?: string } | null | undefined
      if (!doc || typeof doc.title !== 'string' || !lexicalText(doc.supportedProject as unknown as LexicalDoc).length) throw new Error(`projet ${project.slug} illisible`)
      if (!domains.length || typeof domains[0] !== 'object' || typeof carrying?.name !== 'string') throw new Error(`relations du projet ${project.slug} non peuplées`)
      const published = state.projects.filter((p) => p.published).length
      const { totalDocs: total } = await payload.count({ collection: 'projects', overrideAccess: false })
      const { totalDocs: seen } = await payload.count({ collection: 'projects', overrideAccess: true })
      if (total < published) throw new Error(`${total} projets publiés lus, ${published} attendus au moins`)
      const versions = await payload.findVersions({ collection: 'articles', where: { parent: { equals: state.hotArticle!.id } }, overrideAccess: true })
      if (versions.totalDocs !== 1 || !versions.docs[0]?.latest) throw new Error('version de l’article absente')
      const { totalDocs: comments } = await payload.count({ collection: 'comments', where: { targetKey: { equals: `articles:${state.hotArticle!.id}` } }, overrideAccess: false })
      if (comments !== HOT_COMMENTS) throw new Error(`${comments} commentaires publics sur l’article, ${HOT_COMMENTS} attendus`)
      log(`  vérifié (API locale) : projet « ${doc.title} » avec ${domains.length} domaine(s) et sa structure porteuse, ${total} projets publics (${seen} au total), 1 version de l’article, ${comments} commentaires publics`)
    }

    log(`\n  Chargement 1 : ${JSON.stringify(FIRST)}`)
    await loadStage('1,000 docs', FIRST, true)
    await verify()

    // ---- 2. Build and start ---------------------------------------------------------------
    log(`\n[2/4] Construction (si les sources ont changé) et démarrage du serveur de production (${WORKERS} processus)…`)
    if (!buildIsFresh()) {
      const t0 = performance.now()
      await buildApp()
      log(`  next build : ${((performance.now() - t0) / 1000).toFixed(0)} s`)
    } else log('  construction à jour')
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const serverLog = path.join(work, 'next.log')
    const out = fs.openSync(serverLog, 'a')
    server = spawn(process.execPath, serverArgs(port, '127.0.0.1'), {
      cwd: ROOT,
      stdio: ['ignore', out, out],
      // The load generator stands for a proxy: each post's X-Forwarded-For is a visitor of its own.
      env: { ...process.env, NODE_ENV: 'production', WEB_CONCURRENCY: String(WORKERS), DATABASE_URI: appUri, SITE_URL: base, PORT: String(port), TRUSTED_PROXIES: '127.0.0.1' },
    })
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error(`le serveur s’est arrêté (voir ${serverLog})`)
      try {
        // Every process is listening once the server says it is ready.
        if ((await fetch(`${base}/api/tags?limit=1`)).ok && fs.readFileSync(serverLog, 'utf8').includes('✓ Prêt')) break
      } catch {
        // not listening yet
      }
      if (i > 240) throw new Error(`le serveur ne répond pas (voir ${serverLog})`)
      await sleep(500)
    }
    const { revalidateAllToken } = await import('../src/plugins/revalidate')
    const revalidateAll = async () => {
      const res = await fetch(`${base}/api/revalidate`, { method: 'POST', headers: { 'x-revalidate-token': revalidateAllToken(process.env.PAYLOAD_SECRET!) } })
      if (!res.ok) throw new Error(`revalidation refusée (${res.status})`)
    }
    await revalidateAll()
    const editor = { email: 'banc-essai@exemple.test', password: randomBytes(12).toString('base64url') }
    await payload.create({ collection: 'users', data: { ...editor, name: 'Banc d’essai', roles: ['editor'] } as never })
    const touchGlossaryTerm = async () => {
      const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(editor) })
      const { token } = (await login.json()) as { token?: string }
      const id = state.glossary.at(-1)!
      const res = await fetch(`${base}/api/glossary-terms/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({ _status: 'published' }),
      })
      if (!res.ok) throw new Error(`mise à jour du terme ${id} refusée (${res.status}) : ${(await res.text()).slice(0, 300)}`)
    }

    // ---- 3a. Statements per request at both sizes ----------------------------------------
    const hot = state.hotArticle!
    const project = state.projects.filter((p) => p.published)[Math.floor(state.projects.length / 2)]!
    const rest = [
      { key: 'rest-list', name: 'REST articles?limit=20&depth=1', path: '/api/articles?limit=20&depth=1' },
      { key: 'rest-project', name: 'REST project by slug, depth=2', path: `/api/projects?where[slug][equals]=${project.slug}&depth=2&limit=1` },
      { key: 'rest-comments', name: 'REST comments of an article', path: `/api/comments?where[targetKey][equals]=articles:${hot.id}&sort=createdAt&limit=50` },
      { key: 'search', name: 'REST search', path: `/api/search?q=${encodeURIComponent(SEARCHES[0]!)}` },
    ]
    const pages = [
      { key: 'home', name: 'page /', path: '/' },
      { key: 'article', name: `page article (${HOT_COMMENTS} comments)`, path: `/articles/${hot.slug}` },
      { key: 'projets', name: 'page /projets', path: '/projets' },
      { key: 'projets-50', name: 'page /projets?page=50', path: '/projets?page=50' },
    ]
    // With a small data set (BENCH_QUICK), page 50 may not exist at the first size: its last page.
    const lastPage = Math.ceil(FIRST.projects / 12)
    const smallPages = pages.map((p) => (p.key === 'projets-50' && lastPage < 50 ? { ...p, path: `/projets?page=${lastPage}` } : p))

    const setLogging = async (on: boolean) => {
      await pool.query(on ? `ALTER SYSTEM SET log_statement = 'all'` : 'ALTER SYSTEM RESET log_statement')
      await pool.query('SELECT pg_reload_conf()')
      await sleep(300)
    }
    type Counted = { n: number; sent: string[]; cache: string; status: number }
    /** The statement count when the log was last found quiet. */
    let quietAt = -1
    /** Statements the app ran for one request (on a connection of its own), counted until the log has been quiet for a while. */
    const statementsOf = async (url: string, headers: Record<string, string> = {}): Promise<Counted> => {
      // The job runners' transactions are left out by the counter (they read payload_jobs); the
      // minute's run may do work of its own (a scheduled publication): keep clear of it.
      while (new Date().getSeconds() >= 56 || new Date().getSeconds() < 2) await sleep(250)
      // Quiet already if nothing ran since the last wait (the previous count's).
      if (counter.count !== quietAt) await waitQuiet()
      const before = counter.count
      const res = await getOnNewConnection(url, headers)
      await waitQuiet()
      const cache = res.headers['x-nextjs-cache'] ?? res.headers['x-cache'] ?? 'none'
      return { n: counter.count - before, sent: counter.since(before), cache: String(cache), status: res.status }
    }
    /**
     * The steady count of a request: each process keeps caches of its own (the glossary, the
     * comment settings, its copy of a REST answer), and its first use of them is not the request's
     * cost. New connections go to the processes in turn: sampled until two in a row agree (at most
     * two more than there are processes), the smallest count kept. A query that grows with the data
     * runs in every sample.
     */
    const steadyStatementsOf = async (url: string, headers: Record<string, string> = {}, before?: () => Promise<void>): Promise<Counted> => {
      const samples: Counted[] = []
      for (let i = 0; i < (WORKERS > 1 ? WORKERS + 2 : 1); i++) {
        if (before) await before()
        samples.push(await statementsOf(url, headers))
        if (i > 0 && samples[i]!.n === samples[i - 1]!.n) break
      }
      return samples.reduce((a, b) => (b.n < a.n ? b : a))
    }
    const waitQuiet = async () => {
      let last = counter.count
      for (let quiet = 0; quiet < 4; ) {
        await sleep(250)
        if (counter.count === last) quiet++
        else {
          quiet = 0
          last = counter.count
        }
      }
      quietAt = last
    }
    const queries = new Map<string, QueryRow>()
    const countAll = async (size: 'small' | 'large') => {
      if (!logReadable) return
      // Warm the server first (first requests load routes and the process-wide glossary matcher),
      // each of its processes: the counts below are those of a steady server.
      for (const r of [...rest, ...(size === 'small' ? smallPages : pages)]) {
        for (let i = 0; i < 2 * WORKERS; i++) await getOnNewConnection(base + r.path)
      }
      await setLogging(true)
      for (const r of rest) {
        // Computed (the request asks for a fresh answer), then served from the REST cache.
        const { n, sent, status } = await steadyStatementsOf(base + r.path, COMPUTE)
        if (status !== 200) throw new Error(`${r.path} : ${status}`)
        const row = queries.get(r.key) ?? { name: r.name, path: r.path, small: null, large: null, growth: '' }
        row[size] = n
        row.statements = { ...row.statements, [size]: sent }
        const again = await steadyStatementsOf(base + r.path)
        row.onCacheHit = { ...row.onCacheHit, [size]: again.n, cache: again.cache, statements: { ...row.onCacheHit?.statements, [size]: again.sent } }
        queries.set(r.key, row)
      }
      const uncached = async () => {
        await revalidateAll()
        await sleep(500)
      }
      for (const p of size === 'small' ? smallPages : pages) {
        const { n, sent, cache, status } = await steadyStatementsOf(base + p.path, {}, uncached)
        if (status !== 200) throw new Error(`${p.path} : ${status}`)
        const row = queries.get(p.key) ?? { name: `${p.name} (uncached)`, path: p.path, small: null, large: null, growth: '' }
        row[size] = n
        row.statements = { ...row.statements, [size]: sent }
        row.cache = cache
        // The next requests for the same page: a cache hit should not touch the database.
        const again = await steadyStatementsOf(base + p.path)
        row.onCacheHit = { ...row.onCacheHit, [size]: again.n, cache: again.cache, statements: { ...row.onCacheHit?.statements, [size]: again.sent } }
        queries.set(p.key, row)
      }
      await setLogging(false)
      log(`  requêtes SQL par requête (${size === 'small' ? '1 000' : '10 000'} documents) : ${[...queries.values()].map((q) => `${q.name} ${q[size]}`).join(' ; ')}`)
    }
    log('\n[3/4] Requêtes SQL par requête HTTP, à 1 000 documents…')
    await countAll('small')

    log(`\n  Chargement 2 : le reste, jusqu’à ${JSON.stringify(TOTAL)}`)
    const rest2: Counts = {
      projects: TOTAL.projects - FIRST.projects,
      articles: TOTAL.articles - FIRST.articles,
      glossary: TOTAL.glossary - FIRST.glossary,
      comments: TOTAL.comments - FIRST.comments,
      partners: 0,
    }
    await loadStage('10,000 docs', rest2, false)
    await verify()
    if (lastPage < 50) log(`  (/projets?page=50 n’existait pas au premier chargement : page ${lastPage} mesurée à la place)`)
    // Rows written in SQL run no hooks: the server's compiled glossary still has the first
    // batch's terms. An editor's save of a term (over REST, as in the admin) rebuilds it.
    await touchGlossaryTerm()
    await revalidateAll()
    log('  Requêtes SQL par requête HTTP, à 10 000 documents…')
    await countAll('large')
    // What ran: kept (and printed) only when the two counts differ, to tell why.
    const explain = (name: string, counts: { small?: number | null; large?: number | null; statements?: Statements }) => {
      if (counts.small === counts.large) {
        delete counts.statements
        return
      }
      const list = (texts?: string[]) => (texts ?? []).map((t) => `      ${t}`).join('\n')
      log(`  ${name} : ${counts.small} → ${counts.large} requêtes SQL\n    à 1 000 :\n${list(counts.statements?.small)}\n    à 10 000 :\n${list(counts.statements?.large)}`)
    }
    for (const q of queries.values()) {
      q.growth = queryGrowth(q.small, q.large)
      explain(q.name, q)
      if (q.onCacheHit) explain(`${q.name} [${q.onCacheHit.cache}]`, q.onCacheHit)
    }

    // ---- 3b. Load runs -----------------------------------------------------------------------
    log(`\n  Charge : ${DURATION} s par mesure, ${CONNECTIONS} connexions…`)
    const http: HttpRow[] = []
    const bigPages = Math.ceil(TOTAL.projects / 12) >= 50 ? pages : smallPages
    const html = new Map<string, Buffer>()
    const cacheOf = new Map<string, string>()
    for (const p of bigPages) {
      // Twice: the first visit after a revalidation may be the one that renders.
      await (await fetch(base + p.path)).arrayBuffer()
      await sleep(300)
      const res = await fetch(base + p.path)
      html.set(p.path, Buffer.from(await res.arrayBuffer()))
      // x-nextjs-cache: HIT/STALE/MISS for a page from the full-route cache; none for a page rendered at each request.
      cacheOf.set(p.path, res.headers.get('x-nextjs-cache') ?? (/no-store/.test(res.headers.get('cache-control') ?? '') ? 'rendered per request' : 'none'))
    }
    // CPU per request of the app's processes and of Postgres, beside each run against the app.
    const cpuPids = { app: server.pid, postgres: pgDataDir ? postmasterPid(pgDataDir) : null }
    const appLoad = (options: Parameters<typeof loadTest>[0]) => withCpu(cpuPids, () => loadTest(options))
    const stat = await staticServer(html)
    // Unmeasured first: the serving path's first thousands of requests run cold code (JIT), in each
    // process, and the first page measured paid for it (the home page had the lowest ratio to
    // static in most runs, half of it in a 1-second one).
    for (const p of bigPages) {
      await loadTest({ url: base + p.path, duration: WARM_SECONDS, connections: CONNECTIONS })
      await loadTest({ url: stat.url + p.path, duration: WARM_SECONDS, connections: CONNECTIONS })
    }
    for (const p of bigPages) {
      const app = await appLoad({ url: base + p.path, duration: DURATION, connections: CONNECTIONS })
      const mem = await loadTest({ url: stat.url + p.path, duration: DURATION, connections: CONNECTIONS })
      http.push({ key: p.key, name: p.name, group: 'page', path: p.path, cache: cacheOf.get(p.path), ratioToStatic: ratioPercent(app.rps, mem.rps), ...app })
      http.push({ name: `  static node:http, same HTML (${html.get(p.path)!.length} B)`, group: 'static', path: p.path, ...mem })
      log(`  ${p.name} : ${app.rps} req/s (statique ${mem.rps} req/s)`)
    }
    await stat.close()
    // At 32 connections the latency is mostly waiting in line: also one request at a time.
    const serialSeconds = Math.max(2, Math.round(DURATION / 2))
    // Each REST read twice: as integrations mostly get it (the server's cache of anonymous answers,
    // X-Cache: HIT), and computed each time (Cache-Control: no-cache), Payload's own cost.
    for (const r of rest.slice(0, 3)) {
      for (const computed of [false, true]) {
        const headers = computed ? COMPUTE : undefined
        const res = await appLoad({ url: base + r.path, duration: DURATION, connections: CONNECTIONS, headers })
        const one = await loadTest({ url: base + r.path, duration: serialSeconds, connections: 1, headers })
        http.push({ key: computed ? r.key : undefined, name: `${r.name}${computed ? ' [computed]' : ' [cache HIT]'}`, group: 'rest', path: r.path, ...res, oneConnection: one, ...(computed ? {} : { cache: 'HIT' }) })
        log(`  ${r.name}${computed ? ' (calculée)' : ' (cache)'} : ${res.rps} req/s, p50 ${fmt(res.p50)} ms (une connexion : p50 ${fmt(one.p50)} ms)`)
      }
    }
    // The list's bytes from memory through node:http: what 32 connections can get at best here.
    {
      const r = rest[0]!
      const body = Buffer.from(await (await fetch(base + r.path)).arrayBuffer())
      const mem = await staticServer(new Map([[r.path, body]]))
      const res = await loadTest({ url: mem.url + r.path, duration: DURATION, connections: CONNECTIONS })
      await mem.close()
      const cached = http.find((h) => h.path === r.path && h.cache === 'HIT')!
      cached.ratioToStatic = ratioPercent(cached.rps, res.rps)
      http.splice(http.indexOf(cached) + 1, 0, { name: `  static node:http, same JSON (${body.length} B)`, group: 'static', path: r.path, ...res })
      log(`  la même liste depuis la mémoire (node:http) : ${res.rps} req/s, p50 ${fmt(res.p50)} ms`)
      // Browsers, fetch() and `curl --compressed` ask for gzip: the same cached answer, compressed once.
      const gzipped = await compressedSize(base + r.path)
      const gz = await appLoad({ url: base + r.path, duration: DURATION, connections: CONNECTIONS, headers: GZIP })
      const gzOne = await loadTest({ url: base + r.path, duration: serialSeconds, connections: 1, headers: GZIP })
      http.splice(http.indexOf(cached) + 2, 0, { name: `${r.name} [cache HIT, gzip ${gzipped} B]`, group: 'rest', path: r.path, ...gz, oneConnection: gzOne, cache: 'HIT', encoding: 'gzip' })
      log(`  la même liste compressée (gzip, ${gzipped} o) : ${gz.rps} req/s, p50 ${fmt(gz.p50)} ms (une connexion : p50 ${fmt(gzOne.p50)} ms)`)
    }
    const searchRequests = (headers?: Record<string, string>) => SEARCHES.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q)}`, ...(headers ? { headers } : {}) }))
    const searchCached = await appLoad({ url: base, duration: DURATION, connections: CONNECTIONS, requests: searchRequests() })
    const searchCachedOne = await loadTest({ url: base, duration: serialSeconds, connections: 1, requests: searchRequests() })
    http.push({ name: `REST search (${SEARCHES.length} queries in turn) [cache HIT]`, group: 'search', path: '/api/search?q=…', ...searchCached, oneConnection: searchCachedOne, cache: 'HIT' })
    const search = await appLoad({ url: base, duration: DURATION, connections: CONNECTIONS, requests: searchRequests(COMPUTE) })
    const searchOne = await loadTest({ url: base, duration: serialSeconds, connections: 1, requests: searchRequests(COMPUTE) })
    http.push({ key: 'search', name: `REST search (${SEARCHES.length} queries in turn) [computed]`, group: 'search', path: '/api/search?q=…', ...search, oneConnection: searchOne })
    log(`  recherche : ${search.rps} req/s calculée, p95 ${fmt(search.p95)} ms (une connexion : p95 ${fmt(searchOne.p95)} ms) ; en cache ${searchCached.rps} req/s`)

    // Comment posting on a published article other than the one with 200 comments.
    const target = state.articles.find((a) => a.published && a.id !== hot.id)!
    const acknowledged: number[] = []
    let seq = 0
    const before = Number((await pool.query('SELECT count(*) AS n FROM comments')).rows[0].n)
    const posting = await appLoad({
      url: base,
      duration: DURATION,
      connections: WRITE_CONNECTIONS,
      requests: [
        {
          method: 'POST',
          path: '/api/comments',
          setupRequest: (req) => {
            const i = ++seq
            return {
              ...req,
              headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 'user-agent': 'labo-bench' },
              body: JSON.stringify({
                target: { relationTo: 'articles', value: target.id },
                authorName: `Lectrice ${i}`,
                authorEmail: `lectrice${i}@exemple.test`,
                body: `Commentaire n° ${i} du banc d’essai : merci pour cet article sur ${gen.title().toLowerCase()}.`,
              }),
            }
          },
          onResponse: (status, body) => {
            if (status !== 201) return
            const id = (JSON.parse(body) as { doc?: { id?: number } }).doc?.id
            if (typeof id === 'number') acknowledged.push(id)
          },
        },
      ],
    })
    const stored = Number((await pool.query('SELECT count(*)::int AS n FROM comments WHERE id = ANY($1::int[])', [acknowledged])).rows[0].n)
    const after = Number((await pool.query('SELECT count(*) AS n FROM comments')).rows[0].n)
    const created = posting.statuses['201'] ?? 0
    // What the machine's cores could take at this cost per post, were the server alone on them.
    const postCpu = (posting.cpu.appMsPerRequest ?? NaN) + (posting.cpu.postgresMsPerRequest ?? 0)
    const cpuCeilingPerSecond = Number.isFinite(postCpu) && postCpu > 0 ? Math.round((os.availableParallelism() * 1000) / postCpu) : null
    const writes = { posted: posting.requests, acknowledged: created, idsReturned: acknowledged.length, stored, rowsAdded: after - before, lost: created - stored, cpuCeilingPerSecond }
    http.push({ name: `POST /api/comments (${WRITE_CONNECTIONS} connections)`, group: 'write', path: '/api/comments', ...posting })
    log(`  commentaires : ${posting.rps} req/s, ${created} acceptés (201), ${stored} en base`)

    // ---- 4. Report -------------------------------------------------------------------------
    const versionOf = (pkg: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version
    const machine = {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
      node: process.version,
      payload: versionOf('payload'),
      next: versionOf('next'),
      postgres: postgresVersion,
      autocannon: versionOf('autocannon'),
    }
    const restList = http.find((h) => h.path.startsWith('/api/articles') && h.cache === 'HIT' && !h.encoding)!
    const restListGzip = http.find((h) => h.path.startsWith('/api/articles') && h.encoding === 'gzip')!
    const restListComputed = http.find((h) => h.path.startsWith('/api/articles') && h.key)!
    const targets = {
      cachedPagesAtLeastHalfOfStatic: http.filter((h) => h.group === 'page').every((h) => (h.ratioToStatic ?? 0) >= 50),
      restListP50Under10ms: restList.p50 <= 10,
      restListGzipP50Under10ms: restListGzip.p50 <= 10,
      restListP50Under10msOneConnection: (restList.oneConnection?.p50 ?? Infinity) <= 10,
      restListComputedP50Under10msOneConnection: (restListComputed.oneConnection?.p50 ?? Infinity) <= 10,
      searchP95Under20ms: search.p95 <= 20,
      searchP95Under20msOneConnection: searchOne.p95 <= 20,
      searchCachedP95Under20ms: searchCached.p95 <= 20,
      commentPostingAtLeast200PerSecond: posting.rps >= 200,
      noCommentLost: writes.lost === 0 && writes.idsReturned === created,
      queriesConstant: logReadable ? [...queries.values()].every((q) => q.growth !== 'GROWS') : null,
    }
    const result = {
      date: new Date().toISOString(),
      machine,
      settings: { durationSeconds: DURATION, serverProcesses: WORKERS, connections: CONNECTIONS, writeConnections: WRITE_CONNECTIONS, scale: SCALE, counts: TOTAL, firstStep: FIRST },
      loading: steps,
      http,
      queriesPerRequest: [...queries.values()],
      writes,
      targets,
      totalSeconds: Math.round((performance.now() - started) / 1000),
    }

    const cpuCell = (cpu?: CpuCost) => (cpu?.appMsPerRequest == null ? '' : `${fmt(cpu.appMsPerRequest, 2)}${cpu.postgresMsPerRequest == null ? '' : ` + ${fmt(cpu.postgresMsPerRequest, 2)}`}`)
    const table: string[][] = [['', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'vs static', '1 conn p50/p95', 'CPU ms/req app + pg', 'SQL 1k', 'SQL 10k']]
    for (const h of http) {
      const q = h.key ? queries.get(h.key) : undefined
      table.push([
        h.name + (h.cache && h.group === 'page' ? ` [${h.cache}]` : ''),
        fmt(h.rps, 0),
        fmt(h.p50),
        fmt(h.p95),
        fmt(h.p99),
        String(h.errors),
        String(h.non2xx),
        h.ratioToStatic === undefined ? '' : `${fmt(h.ratioToStatic)} %`,
        h.oneConnection ? `${fmt(h.oneConnection.p50)}/${fmt(h.oneConnection.p95)}` : '',
        cpuCell(h.cpu),
        q ? `${q.small ?? '–'}${q.onCacheHit ? ` (hit ${q.onCacheHit.small ?? '–'})` : ''}` : '',
        q ? `${q.large ?? '–'}${q.onCacheHit ? ` (hit ${q.onCacheHit.large ?? '–'})` : ''}${q.growth === 'GROWS' ? ' GROWS' : ''}` : '',
      ])
    }
    for (const [key, q] of queries) {
      if (http.some((h) => h.key === key)) continue
      table.push([q.name, '', '', '', '', '', '', '', '', '', String(q.small ?? '–'), `${q.large ?? '–'}${q.growth === 'GROWS' ? ' GROWS' : ''}`])
    }
    log(`\n[4/4] Résultats — ${machine.cores} cœurs ${machine.cpu}, serveur en ${WORKERS} processus, Node ${machine.node}, Payload ${machine.payload}, Next ${machine.next}, PostgreSQL ${machine.postgres}`)
    log(`Chargement : ${steps.map((s) => `${s.step} ${s.rows} lignes en ${(s.ms / 1000).toFixed(1)} s = ${s.rowsPerSecond}/s`).join(' ; ')}`)
    log(`${DURATION} s par mesure, ${CONNECTIONS} connexions (écritures : ${WRITE_CONNECTIONS}) ; la charge et le serveur partagent la machine.`)
    log('CPU ms/req : temps CPU par requête des processus de l’app + de Postgres pendant la mesure (/proc ; celui de la charge n’y est pas).\n')
    log(formatTable(table))
    log(`\nCommentaires : ${writes.acknowledged} acceptés (201), ${writes.stored} retrouvés en base, ${writes.rowsAdded} lignes ajoutées (dont les requêtes encore en vol à l’arrêt), perdus : ${writes.lost}${cpuCeilingPerSecond ? ` ; à ce coût CPU, les ${os.availableParallelism()} cœurs en prendraient au plus ${cpuCeilingPerSecond}/s sans la charge à côté` : ''}`)
    // A lost comment is a bug, not a slow figure: the command fails.
    if (!targets.noCommentLost) process.exitCode = 1
    log(`Objectifs : ${Object.entries(targets).map(([k, ok]) => `${k} ${ok === null ? 'n/a' : ok ? 'OK' : 'MANQUÉ'}`).join(' ; ')}`)
    const dir = path.join(ROOT, 'bench-results')
    fs.mkdirSync(dir, { recursive: true })
    const file = path.join(dir, `bench-${result.date.replace(/[:.]/g, '-')}.json`)
    fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n')
    log(`\nÉcrit : ${path.relative(ROOT, file)} (${result.totalSeconds} s au total ; charge de la machine ${loadAtStart.join(' ')} au début, ${machine.loadAverageAtEnd.join(' ')} à la fin)`)
    if (process.env.BENCH_KEEP === '1') {
      log(`\nBENCH_KEEP=1 : le serveur reste ouvert sur ${base} (base ${appUri.replace(/:[^:@/]+@/, ':***@')}) ; Ctrl-C pour arrêter.`)
      fs.writeFileSync(path.join(dir, 'keep.json'), JSON.stringify({ base, uri: appUri, hot: state.hotArticle, project }) + '\n')
      await new Promise<never>(() => {})
    }

    await payload.destroy()
    await pool.end()
  } finally {
    await cleanup()
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error(err instanceof Error ? err.stack : err)
    process.exit(1)
  },
)
