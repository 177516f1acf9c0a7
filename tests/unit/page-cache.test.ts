/**
 * The page cache of the production server (src/lib/page-cache.ts), over real HTTP: a handler in
 * the role of Next answers as Next does for a page of its full-route cache. The e2e tests run it
 * in front of the real Next (tests/e2e/site.test.ts).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { holdPages, inLiveRequest, installPageCache, isStorableApiAnswer, isStorablePage, pageCacheKey, purgePageCache, registerRestGeneration, withPageCache } from '../../src/lib/page-cache'

let base: string
let server: http.Server
let calls: string[] = []
/** Requests to /lent wait for this before answering. */
let release: () => void = () => {}
let gate: Promise<void> = Promise.resolve()
let version = 1
/** What inLiveRequest() said in /vivant, and in a timer it started that fires after the answer. */
let live: boolean[] = []

const registry = installPageCache()

beforeAll(async () => {
  server = http.createServer(
    withPageCache(registry, async (req, res) => {
      calls.push(`${req.method} ${req.url}`)
      if (req.method === 'POST') {
        // A publication: the site refreshes its pages while the request runs.
        purgePageCache()
        await gate
        res.end('ok')
        return
      }
      if (req.url === '/lent') await gate
      if (req.url === '/vivant') {
        live.push(inLiveRequest())
        setTimeout(() => live.push(inLiveRequest()), 50)
        res.end('ok')
        return
      }
      if (req.url?.startsWith('/api/')) {
        // The app's REST cache marks shared answers with X-Cache and a public Cache-Control.
        res.setHeader('content-type', 'application/json')
        res.setHeader('etag', `"api${version}"`)
        res.setHeader('cache-control', 'public, max-age=60')
        if (!req.headers.authorization) res.setHeader('x-cache', 'MISS')
        res.end(JSON.stringify({ version, origin: req.headers.origin ?? null }))
        return
      }
      const cached = req.url !== '/dynamique'
      // The server's per-request headers (src/lib/http/security-headers.ts), for a visitor over HTTPS.
      if (req.headers['x-https']) {
        res.setHeader('strict-transport-security', 'max-age=31536000')
        res.setHeader('content-security-policy', "default-src 'self'; upgrade-insecure-requests")
      }
      res.setHeader('content-type', 'text/html; charset=utf-8')
      res.setHeader('etag', `"v${version}"`)
      if (cached) res.setHeader('x-nextjs-cache', 'HIT')
      res.setHeader('cache-control', cached ? 's-maxage=31536000' : 'private, no-cache, no-store')
      res.write(`<p>${req.url} `)
      res.end(`v${version} ${req.headers.rsc ? 'rsc' : 'html'}</p>`)
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  purgePageCache()
  calls = []
  version = 1
})

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(base + path, { headers })
  return { status: res.status, hit: res.headers.get('x-page-cache') === 'HIT', text: await res.text(), etag: res.headers.get('etag') }
}

describe('page cache', () => {
  it('answers a page of Next’s cache from memory the second time, with the same bytes and headers', async () => {
    const first = await get('/projets')
    const second = await get('/projets')
    expect(first.hit).toBe(false)
    expect(second).toEqual({ status: 200, hit: true, text: '<p>/projets v1 html</p>', etag: '"v1"' })
    expect(calls).toEqual(['GET /projets'])
    const notModified = await fetch(base + '/projets', { headers: { 'If-None-Match': '"v1"' } })
    expect(notModified.status).toBe(304)
    expect(calls).toHaveLength(1)
  })

  it('never replays the headers the server sets per request (HSTS, the CSP that upgrades to HTTPS)', async () => {
    const first = await fetch(`${base}/securise`, { headers: { 'x-https': '1' } })
    expect(first.headers.get('strict-transport-security')).toBe('max-age=31536000')
    const second = await fetch(`${base}/securise`)
    expect(second.headers.get('x-page-cache')).toBe('HIT')
    expect(second.headers.get('strict-transport-security')).toBeNull()
    expect(second.headers.get('content-security-policy')).toBeNull()
  })

  it('keeps apart what Next varies on (RSC payloads) and never stores rendered pages', async () => {
    await get('/projets')
    const rsc = await get('/projets', { rsc: '1' })
    expect(rsc.text).toContain('rsc')
    expect((await get('/projets', { rsc: '1' })).hit).toBe(true)
    expect((await get('/projets')).text).toContain('html')
    await get('/dynamique')
    expect((await get('/dynamique')).hit).toBe(false)
  })

  it('never serves draft mode, the admin, or the API before the app told how to check it', async () => {
    await get('/projets')
    expect((await get('/projets', { cookie: '__prerender_bypass=abc' })).hit).toBe(false)
    await get('/api/articles')
    expect((await fetch(base + '/api/articles')).headers.get('x-cache')).toBe('MISS')
    expect(pageCacheKey('GET', '/admin/collections', {})).toBeNull()
    expect(pageCacheKey('POST', '/projets', {})).toBeNull()
    expect(pageCacheKey('GET', '/projets?page=2', { 'accept-encoding': 'gzip' })).not.toBe(pageCacheKey('GET', '/projets?page=2', {}))
  })

  it('drops every page on a purge', async () => {
    await get('/projets')
    version = 2
    purgePageCache()
    expect(await get('/projets')).toMatchObject({ hit: false, text: '<p>/projets v2 html</p>' })
  })

  it('does not store an answer that was being computed when a purge happened', async () => {
    gate = new Promise((resolve) => (release = resolve))
    const pending = get('/lent')
    await new Promise((r) => setTimeout(r, 50))
    purgePageCache()
    release()
    await pending
    expect((await get('/lent')).hit).toBe(false)
  })

  it('purges again when the request that asked for a purge ends (after Next has revalidated)', async () => {
    gate = new Promise((resolve) => (release = resolve))
    const publishing = fetch(base + '/publier', { method: 'POST' })
    await new Promise((r) => setTimeout(r, 50))
    // A page read while the publication is still running: stored, since Next may not have
    // revalidated yet…
    await get('/accueil')
    expect((await get('/accueil')).hit).toBe(true)
    release()
    await (await publishing).text()
    await new Promise((r) => setTimeout(r, 20))
    // …and dropped once the publication's request is over.
    expect((await get('/accueil')).hit).toBe(false)
  })

  it('holds reads of pages and of the API, not the admin nor writes, while a refresh announced by another process is applied', async () => {
    await get('/projets')
    let applied: () => void = () => {}
    holdPages(new Promise<void>((resolve) => (applied = resolve)))
    const served: string[] = []
    const read = (path: string) =>
      get(path).then((r) => {
        served.push(path)
        return r
      })
    const page = read('/projets')
    const api = read('/api/articles')
    expect((await get('/admin/collections')).status).toBe(200)
    expect((await fetch(base + '/publier', { method: 'POST' })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 50))
    expect(served).toEqual([])
    version = 2
    applied()
    // Dropped when the refresh was heard, so served anew.
    expect(await page).toMatchObject({ hit: false, text: '<p>/projets v2 html</p>' })
    expect((await api).status).toBe(200)
    expect((await get('/projets')).hit).toBe(true)
  })

  it('holds pages no longer than a bound when a refresh hangs', async () => {
    holdPages(new Promise<void>(() => {}), 100)
    const started = Date.now()
    expect((await get('/projets')).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(90)
  })

  it('tells a request still being answered from a timer it started (Payload’s cron) that outlives it', async () => {
    live = []
    expect(inLiveRequest()).toBe(false)
    await get('/vivant')
    await new Promise((r) => setTimeout(r, 100))
    expect(live).toEqual([true, false])
  })

  it('keeps anonymous API answers exactly as long as the content generation in the database', async () => {
    let generation = 'g1'
    registerRestGeneration(async () => generation)
    const api = async (headers: Record<string, string> = {}) => {
      const res = await fetch(base + '/api/articles?limit=2', { headers })
      return { cache: res.headers.get('x-cache'), body: await res.text() }
    }
    expect((await api()).cache).toBe('MISS')
    expect(await api()).toEqual({ cache: 'HIT', body: '{"version":1,"origin":null}' })
    // Another origin is another answer (CORS headers); credentials and cookies are never shared.
    expect((await api({ origin: 'https://partenaire.example.org' })).cache).toBe('MISS')
    expect((await api({ authorization: 'users API-Key x' })).cache).toBeNull()
    expect((await api({ cookie: 'a=b' })).cache).toBe('MISS')
    version = 2
    expect((await api()).cache).toBe('HIT')
    expect((await api({ 'cache-control': 'no-cache' })).body).toContain('"version":2')
    generation = 'g2'
    expect(await api()).toEqual({ cache: 'MISS', body: '{"version":2,"origin":null}' })
    expect(calls.filter((c) => c.startsWith('GET /api/articles?limit=2'))).toHaveLength(6)
    expect(isStorableApiAnswer(200, { 'x-cache': 'MISS', 'cache-control': 'private, max-age=60' })).toBe(false)
  })

  it('stores only 200 answers from Next’s cache, without cookies, that anyone may be given', () => {
    expect(isStorablePage(200, { 'x-nextjs-cache': 'HIT', 'cache-control': 's-maxage=31536000' })).toBe(true)
    expect(isStorablePage(200, { 'x-nextjs-cache': 'STALE' })).toBe(false)
    expect(isStorablePage(404, { 'x-nextjs-cache': 'HIT' })).toBe(false)
    expect(isStorablePage(200, { 'x-nextjs-cache': 'HIT', 'set-cookie': 'a=b' })).toBe(false)
    expect(isStorablePage(200, { 'x-nextjs-cache': 'HIT', 'cache-control': 'private, no-store' })).toBe(false)
  })
})
