/**
 * Benchmark of comment posting (not a test).
 *
 *   npx tsx bench/comments.ts [--total 1000] [--concurrency 20] [--trace] [--cpu-prof file.cpuprofile] [--smtp]
 *
 * Starts a throwaway embedded Postgres (or uses DATABASE_URI, in a new database), applies the
 * committed migrations, boots Payload behind a real HTTP server (Payload's REST handlers in the
 * REST policy, as the Next route calls them), creates one published article, then POSTs `total`
 * comments to /api/comments with `concurrency` requests in flight, each from its own address (X-Forwarded-For)
 * so that the flood rule does not refuse them. Reports throughput and p50/p95/p99 latency, and
 * checks that every comment answered 201 is in the database. `--cpu-prof` writes a V8 CPU profile
 * of the measured run only (summarise it with `npx tsx bench/cpuprofile-summary.ts file`).
 * `--smtp` adds a moderator and an SMTP server (in another process): held comments are then
 * mailed, as in production (the first at once, the next ones in a digest), and the count of
 * comments the messages announce is checked too.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import http from 'node:http'
import { Session } from 'node:inspector/promises'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import pg from 'pg'

import { processTreeCpu } from './lib/cpu'
import { ensureDatabase, postmasterPid, startEmbeddedPostgres, tmpDataDir } from '../scripts/lib/embedded-postgres'
import { guardLoading } from '../scripts/lib/loader-guard'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const TOTAL = arg('total', 1000)
const CONCURRENCY = arg('concurrency', 20)
const SMTP = process.argv.includes('--smtp')
const profileFile = process.argv.includes('--cpu-prof') ? process.argv[process.argv.indexOf('--cpu-prof') + 1] : undefined

/** CPU seconds used so far by the embedded Postgres (the postmaster and its children), or null. */
const postgresCpu = (dataDir: string | undefined): number | null => {
  const pid = dataDir ? postmasterPid(path.join(dataDir, 'pg')) : null
  return pid ? processTreeCpu(pid) : null
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1'
  process.env.PAYLOAD_SECRET ||= randomBytes(16).toString('hex')
  process.env.MEDIA_DIR ||= path.join(os.tmpdir(), `bench-media-${randomBytes(3).toString('hex')}`)
  let stopServer = async () => {}
  let dataDir: string | undefined
  let adminUri: string
  if (process.env.DATABASE_URI) {
    const url = new URL(process.env.DATABASE_URI)
    url.pathname = '/postgres'
    adminUri = url.toString()
  } else {
    dataDir = tmpDataDir('labo-bench-')
    const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), ephemeral: true })
    adminUri = server.uri('postgres')
    stopServer = server.stop
  }
  const dbName = `bench_comments_${randomBytes(3).toString('hex')}`
  await ensureDatabase(adminUri, dbName)
  const dbUrl = new URL(adminUri)
  dbUrl.pathname = `/${dbName}`
  process.env.DATABASE_URI = dbUrl.toString()

  // The moderators' e-mail: an SMTP server in another process (its work is not counted here).
  const sink = SMTP ? spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'lib', 'smtp-sink.ts')], { stdio: ['pipe', 'pipe', 'inherit'] }) : null
  const sinkLines: string[] = []
  const sinkLine = (prefix: string) =>
    new Promise<string>((resolve) => {
      const look = () => {
        const line = sinkLines.find((l) => l.startsWith(prefix))
        if (line) {
          sinkLines.splice(sinkLines.indexOf(line), 1)
          resolve(line.slice(prefix.length).trim())
        } else setTimeout(look, 20)
      }
      look()
    })
  if (sink) {
    let buffer = ''
    sink.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString()
      const parts = buffer.split('\n')
      buffer = parts.pop()!
      sinkLines.push(...parts)
    })
    Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: await sinkLine('port '), SMTP_USER: 'bench', SMTP_PASS: 'bench' })
  }

  const { getPayload, handleEndpoints } = await import('payload')
  const { default: configPromise } = await guardLoading('Chargement de Payload', () => import('../payload.config'))
  const config = await configPromise
  const payload = await getPayload({ config })
  const { migrations } = await import('../src/migrations')
  await payload.db.migrate({ migrations: migrations as never })

  if (SMTP) {
    await payload.create({ collection: 'users', data: { email: 'moderatrice@exemple.test', password: randomBytes(12).toString('hex'), name: 'Modératrice', roles: ['moderator'] } as never })
  }
  console.log('bench: database migrated, creating the article')
  const article = await payload.create({
    collection: 'articles',
    data: { title: 'Article du banc d’essai', slug: 'banc-d-essai', commentMode: 'a-priori', _status: 'published' } as never,
  })

  // As the Next route does: Payload's handlers inside the REST policy (CORS, caching, French errors).
  const { withRestPolicy } = await import('../src/lib/http/api-routes')
  const rest = withRestPolicy(config, (request: Request) => handleEndpoints({ config, request }))
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value)
    const request = new Request(new URL(req.url ?? '/', base), { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined })
    const response = await rest(request)
    res.statusCode = response.status
    response.headers.forEach((v, k) => res.setHeader(k, v))
    res.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY })

  const post = (i: number) =>
    new Promise<{ status: number; id?: number; ms: number }>((resolve, reject) => {
      const body = JSON.stringify({
        target: { relationTo: 'articles', value: article.id },
        authorName: `Lecteur ${i}`,
        authorEmail: `lecteur${i}@exemple.test`,
        body: `Commentaire n° ${i} : {{merci}} pour cet article, voir [le site->https://www.lelabo-ess.org].`,
      })
      const started = performance.now()
      const req = http.request(
        `${base}/api/comments`,
        {
          method: 'POST',
          agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'X-Forwarded-For': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
            'User-Agent': 'bench-comments',
          },
        },
        (res) => {
          const parts: Buffer[] = []
          res.on('data', (d) => parts.push(d))
          res.on('end', () => {
            const ms = performance.now() - started
            const json = JSON.parse(Buffer.concat(parts).toString() || '{}') as { doc?: { id: number } }
            resolve({ status: res.statusCode ?? 0, id: json.doc?.id, ms })
          })
        },
      )
      req.on('error', reject)
      req.end(body)
    })

  console.log(`bench: serving on ${base}, warming up`)
  // Warm-up (not measured).
  for (let i = 0; i < 10; i++) await post(1_000_000 + i)

  // The statements one post sends (printed with --trace), then the count over the whole run.
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }
  const originalQuery = proto.query
  const traced: string[] = []
  let statements = 0
  let tracing = true
  proto.query = function (this: unknown, ...args: unknown[]) {
    statements++
    if (tracing) {
      const q = args[0] as string | { text?: string }
      traced.push((typeof q === 'string' ? q : (q?.text ?? '')).replace(/\s+/g, ' ').slice(0, 160))
    }
    return originalQuery.apply(this, args)
  }
  await post(2_000_000)
  const perPost = statements
  if (process.argv.includes('--trace')) for (const line of traced) console.log(`  sql: ${line}`)
  statements = 0
  tracing = false

  console.log(`bench: posting ${TOTAL} comments, ${CONCURRENCY} at a time`)
  const results: { status: number; id?: number; ms: number }[] = []
  let next = 0
  const profiler = profileFile ? new Session() : undefined
  if (profiler) {
    profiler.connect()
    await profiler.post('Profiler.enable')
    await profiler.post('Profiler.start')
  }
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const pgCpu0 = postgresCpu(dataDir)
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TOTAL) results.push(await post(next++))
    }),
  )
  // Notifications still being sent belong to the run.
  const { flushCommentNotifications } = await import('../src/plugins/comments')
  await flushCommentNotifications()
  const seconds = (performance.now() - t0) / 1000
  const runStatements = statements
  const cpu = process.cpuUsage(cpu0)
  const pgCpu1 = postgresCpu(dataDir)
  proto.query = originalQuery
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop')
    writeFileSync(profileFile!, JSON.stringify(profile))
    profiler.disconnect()
  }

  const created = results.filter((r) => r.status === 201)
  const byStatus = results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {})
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b)
  const ids = created.map((r) => r.id).filter((id): id is number => typeof id === 'number')
  const client = new pg.Client({ connectionString: process.env.DATABASE_URI })
  await client.connect()
  const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM comments WHERE id = ANY($1::int[])', [ids])
  await client.end()

  console.log(`\nComments: ${TOTAL} POST /api/comments, concurrency ${CONCURRENCY}, ${os.cpus().length} CPU`)
  console.log(`  statuses: ${JSON.stringify(byStatus)}`)
  console.log(`  throughput: ${(TOTAL / seconds).toFixed(1)} comments/s (${seconds.toFixed(2)} s)`)
  console.log(`  latency: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`)
  // CPU of this process (app and load generator) per post: less sensitive to a busy machine than the rate.
  console.log(`  Node CPU: ${((cpu.user + cpu.system) / 1000 / TOTAL).toFixed(2)} ms per post (user ${(cpu.user / 1000 / TOTAL).toFixed(2)}, system ${(cpu.system / 1000 / TOTAL).toFixed(2)})`)
  if (pgCpu0 !== null && pgCpu1 !== null) console.log(`  Postgres CPU: ${(((pgCpu1 - pgCpu0) * 1000) / TOTAL).toFixed(2)} ms per post (all its processes, 10 ms ticks)`)
  console.log(`  SQL statements: ${perPost} for one post, ${(runStatements / TOTAL).toFixed(1)} per post over the run`)
  console.log(`  in the database: ${rows[0].n} of ${created.length} created (${ids.length} ids returned)`)
  let mailsOk = true
  if (sink) {
    // Warm-up and traced posts were mailed too; held comments leave in digests (one per minute).
    const expected = created.length + 11
    let messages = 0
    let announced = 0
    for (let tries = 0; tries < 100 && announced < expected; tries++) {
      sink.stdin!.write('count\n')
      const [count, comments] = (await sinkLine('received ')).split(' ').map(Number)
      messages = count ?? 0
      announced = comments ?? 0
      if (announced < expected) await new Promise((r) => setTimeout(r, 100))
    }
    sink.stdin!.end()
    mailsOk = announced === expected
    console.log(`  e-mails to moderators: ${messages} messages announcing ${announced} comments, ${expected} expected`)
  }
  const ok = rows[0].n === created.length && ids.length === created.length && created.length === TOTAL && mailsOk

  server.close()
  agent.destroy()
  // Dropping the database ends the pool's idle connections: not an error here.
  ;(payload.db as unknown as { pool?: { on: (event: string, fn: () => void) => void } }).pool?.on('error', () => {})
  await payload.destroy()
  const admin = new pg.Client({ connectionString: adminUri })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
  await admin.end()
  await stopServer()
  if (dataDir) (await import('node:fs')).rmSync(dataDir, { recursive: true, force: true })
  console.log(ok ? '  OK: every 201 is in the database.' : '  FAILED: some comments are missing or were refused.')
  process.exit(ok ? 0 : 1)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
