/**
 * Old addresses through the production server (issue 19): SPIP's addresses and a renamed
 * article answer 301 with the page's current address; an unknown address still gets the 404
 * page; a normal page view never reads the redirections table.
 */
import http from 'node:http'

import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { adminHeaders } from '../helpers/site'

const baseURL = inject('baseURL')
let headers: Record<string, string>
let article: { id: number; slug: string }

/** One request on a connection of its own (the server runs two processes): status, location, body. */
const get = (path: string, timeoutMs = 15_000) =>
  new Promise<{ status: number; location: string | undefined; body: string }>((resolve, reject) => {
    const req = http.get(`${baseURL}${path}`, { agent: false, timeout: timeoutMs }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }))
    })
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer in ${timeoutMs} ms`)))
    req.on('error', reject)
  })

/** The answer once it is a redirection (a change reaches the other process through Postgres). */
async function redirected(path: string, ms = 5_000) {
  const started = Date.now()
  for (;;) {
    const res = await get(path)
    if ((res.status >= 300 && res.status < 400) || Date.now() - started > ms) return res
    await new Promise((r) => setTimeout(r, 100))
  }
}

const rest = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${baseURL}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  const json = (await res.json()) as { doc?: Record<string, unknown> }
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
  return json.doc!
}

beforeAll(async () => {
  headers = await adminHeaders()
  const doc = await rest('POST', '/api/articles', { title: 'Redirigé', slug: 'redirige-e2e', _status: 'published' })
  article = { id: doc.id as number, slug: doc.slug as string }
  for (const from of ['/spip.php?article12', '/article12.html', '/?page=article&id_article=12', '/IMG/pdf/doc.pdf']) {
    await rest('POST', '/api/redirects', { from, to: { type: 'reference', reference: { relationTo: 'articles', value: article.id } } })
  }
  await rest('POST', '/api/redirects', { from: '/ecrire/', to: { type: 'custom', url: 'https://www.lelabo-ess.org/admin' }, type: '302' })
})

describe('old addresses', () => {
  it('SPIP addresses, query strings, the home page with a query and files answer 301 with the page', async () => {
    for (const path of ['/spip.php?article12', '/article12.html', '/?page=article&id_article=12', '/IMG/pdf/doc.pdf']) {
      const res = await redirected(path)
      expect(res.status, path).toBe(301)
      expect(res.location, path).toBe('/articles/redirige-e2e')
    }
    const custom = await redirected('/ecrire')
    expect(custom.status).toBe(302)
    expect(custom.location).toBe('https://www.lelabo-ess.org/admin')
  })

  it('an article renamed through REST: its old address and the older ones answer with the new one', async () => {
    expect((await get('/articles/redirige-e2e')).status).toBe(200)
    await rest('PATCH', `/api/articles/${article.id}`, { slug: 'redirige-e2e-renomme' })
    for (const path of ['/articles/redirige-e2e', '/spip.php?article12']) {
      const started = Date.now()
      let res = await redirected(path)
      while (res.location !== '/articles/redirige-e2e-renomme' && Date.now() - started < 5_000) res = await get(path)
      expect(res.status, path).toBe(301)
      expect(res.location, path).toBe('/articles/redirige-e2e-renomme')
    }
    expect((await get('/articles/redirige-e2e-renomme')).status).toBe(200)
  })

  it('an unknown address still gets the 404 page; the home page and its other queries still answer', async () => {
    const res = await get('/chemin-inconnu-e2e')
    expect(res.status).toBe(404)
    expect(res.body).toContain('Page introuvable')
    expect((await get('/spip.php?article404')).status).toBe(404)
    expect((await get('/?utm_source=lettre')).status).toBe(200)
  })
})

describe('cost', () => {
  let db: pg.Client
  beforeAll(async () => {
    db = new pg.Client({ connectionString: inject('databaseUri') })
    await db.connect()
  })
  afterAll(async () => db?.end())

  /** Runs `fn` while the redirections tables are locked: any statement on them waits. */
  async function whileLocked<T>(fn: () => Promise<T>): Promise<T> {
    await db.query('BEGIN')
    await db.query('LOCK TABLE redirects, redirects_rels IN ACCESS EXCLUSIVE MODE')
    try {
      return await fn()
    } finally {
      await db.query('ROLLBACK')
    }
  }

  it('a normal page view makes no query to the redirections table; a 404 does', async () => {
    // Every process drops its table (as after any change), and a page never rendered yet.
    await rest('POST', '/api/articles', { title: 'Page ordinaire', slug: 'page-ordinaire-e2e', _status: 'published' })
    await new Promise((r) => setTimeout(r, 2_500))
    const control = await whileLocked(async () => {
      for (const path of ['/articles/page-ordinaire-e2e', '/', '/articles', '/projets']) {
        expect((await get(path, 10_000)).status, path).toBe(200)
      }
      // The control: a 404 reads the table, and waits for the lock.
      const pending = get('/spip.php?article405', 30_000)
      const first = await Promise.race([pending.then(() => 'answered'), new Promise((r) => setTimeout(() => r('waiting'), 1_500))])
      expect(first).toBe('waiting')
      return { pending }
    })
    // Once the lock is released, it answers.
    expect((await control.pending).status).toBe(404)
  })
})
