/**
 * Several servers on one database (the way to scale out, README): a change made through one
 * instance, or outside any server (a script; the jobs runner is in the same case), refreshes the
 * cached pages of every instance (src/lib/page-refresh.ts). The e2e server itself runs two
 * processes (tests/setup/server.ts); this file starts a second, independent instance beside it,
 * also with two processes, and checks that one of them dying is replaced.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { freePort } from '../../scripts/lib/embedded-postgres'
import { ROOT, serverArgs } from '../../scripts/lib/runtime'
import { adminHeaders } from '../helpers/site'

const a = inject('baseURL')
let b = ''
let other: ChildProcess
let output = ''
let payload: Payload | undefined
let article: { id: number; slug: string; title: string }

/** A page on a connection of its own: the processes of a cluster take connections in turn. */
const page = (base: string, path: string) =>
  new Promise<{ cache: string | undefined; html: string }>((resolve, reject) => {
    http
      .get(`${base}${path}`, { agent: false, timeout: 15_000 }, (res) => {
        let html = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (html += chunk))
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${base}${path}: ${res.statusCode}`))
          else resolve({ cache: res.headers['x-page-cache'] as string | undefined, html })
        })
      })
      .on('timeout', function (this: http.ClientRequest) {
        this.destroy(new Error(`${base}${path}: no answer in 15 s`))
      })
      .on('error', reject)
  })

/** The page as served, once it shows `text` (the refresh travels through Postgres), with how long it took. */
async function showsWithin(base: string, path: string, text: string, ms = 3_000): Promise<number> {
  const started = Date.now()
  for (;;) {
    const { html } = await page(base, path)
    if (html.includes(text)) return Date.now() - started
    if (Date.now() - started > ms) throw new Error(`${base}${path} does not show « ${text} » after ${ms} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Processes whose parent is `pid` (from /proc). */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8')
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid
      } catch {
        return false
      }
    })
    .map(Number)
}

/**
 * Serves it until it comes from the page cache twice in a row, on connections of their own: every
 * process of the instance has a copy (Next stores a page it rendered again, then ours stores it).
 */
async function cached(base: string, path: string) {
  let hits = 0
  for (let i = 0; i < 12 && hits < 2; i++) hits = (await page(base, path)).cache === 'HIT' ? hits + 1 : 0
  expect(hits, `${base}${path} cached`).toBe(2)
}

beforeAll(async () => {
  const port = await freePort()
  b = `http://localhost:${port}`
  other = spawn(process.execPath, serverArgs(port), {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', WEB_CONCURRENCY: '2', RUN_JOBS: '0', DATABASE_URI: inject('databaseUri'), PAYLOAD_SECRET: 'e2e-secret', PORT: String(port), SITE_URL: a },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  other.stdout!.on('data', (d) => (output += d))
  other.stderr!.on('data', (d) => (output += d))
  for (const started = Date.now(); ; ) {
    if (other.exitCode !== null) throw new Error(`second server exited (${other.exitCode}):\n${output}`)
    // Every process is ready once the server says so.
    if (output.includes('✓ Prêt') && (await fetch(`${b}/api/users/me`).then((r) => r.ok, () => false))) break
    if (Date.now() - started > 120_000) throw new Error(`second server not ready:\n${output}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  const res = await fetch(`${a}/api/articles?limit=1&depth=0&sort=-publishedAt&select[slug]=true&select[title]=true`)
  const { docs } = (await res.json()) as { docs: { id: number; slug: string; title: string }[] }
  article = docs[0]!
})

afterAll(async () => {
  // The other files expect the seed's title.
  if (article) await fetch(`${a}/api/articles/${article.id}`, { method: 'PATCH', headers: await adminHeaders(), body: JSON.stringify({ title: article.title }) })
  await payload?.destroy()
  if (other && other.exitCode === null) {
    other.kill('SIGTERM')
    await new Promise((r) => other.once('exit', r))
  }
})

describe('two instances on one database', () => {
  it('a change made through one instance shows on the other, whose copies were cached', async () => {
    const path = `/articles/${article.slug}`
    for (const p of [path, '/articles', '/']) await cached(b, p)
    // Plain words: titles are set in French typography on the pages.
    const title = 'Article modifié sur une autre instance'
    const res = await fetch(`${a}/api/articles/${article.id}`, { method: 'PATCH', headers: await adminHeaders(), body: JSON.stringify({ title }) })
    expect(res.status, await res.clone().text()).toBe(200)
    const took = await showsWithin(b, path, title)
    for (const p of ['/articles', '/']) await showsWithin(b, p, title)
    console.log(`  article refreshed on the other instance after ${took} ms`)
  })

  it('a change made outside any server (a script, the jobs runner) refreshes the pages of every instance', async () => {
    const path = `/articles/${article.slug}`
    await cached(a, path)
    await cached(b, path)
    process.env.DATABASE_URI = inject('databaseUri')
    process.env.PAYLOAD_SECRET = 'e2e-secret'
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    payload = await getPayload({ config: await config })
    const title = 'Article modifié par un script'
    await payload.update({ collection: 'articles', id: article.id, data: { title } })
    await showsWithin(a, path, title)
    await showsWithin(b, path, title)
    // Both processes of the first instance.
    for (let i = 0; i < 4; i++) expect((await page(a, path)).html).toContain(title)
  })
})

describe('a server of several processes', () => {
  it('replaces a process that dies, and stops them all on SIGTERM', async () => {
    const workers = childrenOf(other.pid!)
    expect(workers).toHaveLength(2)
    const victim = workers[0]!
    process.kill(victim, 'SIGKILL')
    const until = async (done: () => boolean, what: string) => {
      for (const started = Date.now(); !done(); await new Promise((r) => setTimeout(r, 100))) {
        if (Date.now() - started > 30_000) throw new Error(`${what}\n${output}`)
      }
    }
    // The primary notices (until then it may hand a new connection to the dead process, which
    // never answers it: Node's cluster), starts a replacement, and the other process serves.
    await until(() => /Processus \d arrêté \(SIGKILL\) : relancé\./.test(output), 'the primary did not notice')
    await until(() => {
      const now = childrenOf(other.pid!)
      return now.length === 2 && !now.includes(victim)
    }, 'no replacement')
    for (let i = 0; i < 3; i++) expect((await page(b, '/')).html).toContain('</html>')
    const replaced = childrenOf(other.pid!)
    other.kill('SIGTERM')
    await new Promise((r) => other.once('exit', r))
    expect(replaced.filter((pid) => fs.existsSync(`/proc/${pid}`))).toEqual([])
  })
})
