/** The server's side of redirections (src/lib/http/redirects.ts): only where no page answers. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lookupKeys, registerRedirects, withRedirects } from '../../src/lib/http/redirects'

const TABLE: Record<string, { status: number; location: string }> = {
  '/spip.php?article12': { status: 301, location: '/articles/la-cible' },
  '/article12.html': { status: 301, location: '/articles/la-cible' },
  '/?page=article&id_article=12': { status: 301, location: '/articles/la-cible' },
  '/ancienne': { status: 302, location: 'https://www.economie.gouv.fr/ess' },
  '/page-vivante': { status: 301, location: '/ailleurs' },
}
let asked: string[][] = []
let server: http.Server
let base = ''

beforeAll(async () => {
  registerRedirects(async (keys) => {
    asked.push(keys)
    for (const key of keys) if (TABLE[key]) return TABLE[key]!
    return null
  })
  // A stand-in for Next: pages it knows answer 200, the rest a 404 page written in pieces.
  const app = withRedirects((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/' || path === '/page-vivante') {
      res.setHeader('content-type', 'text/html')
      res.end('<h1>Page</h1>')
      return
    }
    res.statusCode = 404
    res.setHeader('content-type', 'text/html')
    res.setHeader('x-nextjs-cache', 'HIT')
    res.write('<h1>Page introuvable</h1>')
    setTimeout(() => res.end('<p>fin</p>'), 5)
  })
  server = http.createServer((req, res) => void app(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const get = (path: string, init: RequestInit = {}) => fetch(base + path, { redirect: 'manual', ...init })

describe('redirections on the server', () => {
  it('a 404 becomes the redirection of its address, with its status and no body', async () => {
    for (const path of ['/spip.php?article12', '/article12.html', '/article12.html?utm_source=lettre']) {
      const res = await get(path)
      expect(res.status, path).toBe(301)
      expect(res.headers.get('location')).toBe('/articles/la-cible')
      expect(res.headers.get('x-nextjs-cache')).toBeNull()
      expect(await res.text()).toBe('')
    }
    const temporary = await get('/ancienne')
    expect(temporary.status).toBe(302)
    expect(temporary.headers.get('cache-control')).toBe('no-cache')
  })

  it('a 404 without a redirection is sent as it was', async () => {
    const res = await get('/inconnue')
    expect(res.status).toBe(404)
    expect(await res.text()).toBe('<h1>Page introuvable</h1><p>fin</p>')
  })

  it('the home page asked with a query string is looked up first; a page that answers is never', async () => {
    const res = await get('/?page=article&id_article=12')
    expect(res.status).toBe(301)
    expect(res.headers.get('location')).toBe('/articles/la-cible')
    asked = []
    for (const path of ['/', '/page-vivante']) expect((await get(path)).status).toBe(200)
    expect((await get('/?utm_source=lettre')).status).toBe(200)
    expect(asked).toEqual([['/?utm_source=lettre', '/']])
  })

  it('neither writes, the API nor the admin are looked up', async () => {
    asked = []
    expect((await get('/spip.php?article12', { method: 'POST', body: 'x' })).status).toBe(404)
    expect((await get('/api/spip.php')).status).toBe(404)
    expect((await get('/admin/x')).status).toBe(404)
    expect(asked).toEqual([])
  })

  it('keys: the address as asked, then without its query', () => {
    expect(lookupKeys('/spip.php?article12')).toEqual(['/spip.php?article12', '/spip.php'])
    expect(lookupKeys('/article12.html/')).toEqual(['/article12.html'])
    expect(lookupKeys('/api/x')).toEqual([])
  })
})
