/**
 * Redirections (issue 19): who reads and writes them through REST, the one form of their old
 * address, French validation messages, and the redirect a changed address leaves behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { REDIRECT_MESSAGES } from '../../src/plugins/redirects'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let articleId: number

type Redirect = { id: number; from: string; type: string; to: { type: string; reference?: { relationTo: string; value: unknown } | null; url?: string | null } }

const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
  const res = await ctx.api(path, body === undefined ? { method, headers } : { method, ...json(body, headers) })
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> }
}
const toArticle = (id: number) => ({ type: 'reference', reference: { relationTo: 'articles', value: id } })
const errorsOf = (body: Record<string, unknown>) =>
  ((body.errors as { data?: { errors?: { path: string; message: string }[] } }[]) ?? []).flatMap((e) => e.data?.errors ?? [])
const article = async (slug: string, status: 'published' | 'draft' = 'published') =>
  (await ctx.payload.create({ collection: 'articles', data: { title: slug, slug, _status: status } as never })).id as number
const redirectsFrom = async (from: string) =>
  (await ctx.payload.find({ collection: 'redirects', where: { from: { equals: from } }, depth: 0 })).docs as unknown as Redirect[]

beforeAll(async () => {
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  users = await createRoleUsers(ctx)
  articleId = await article('la-cible')
})
afterAll(async () => ctx?.close())

describe('redirects: access through REST', () => {
  it('admins and editors create, update and delete; the type defaults to 301', async () => {
    for (const role of ['admin', 'editor'] as const) {
      const created = await call('POST', '/api/redirects', users[role].headers, { from: `/spip.php?article${role === 'admin' ? 1 : 2}`, to: toArticle(articleId) })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      const doc = created.body.doc as Redirect
      expect(doc.type).toBe('301')
      expect((await call('PATCH', `/api/redirects/${doc.id}`, users[role].headers, { type: '302' })).status).toBe(200)
      expect((await call('DELETE', `/api/redirects/${doc.id}`, users[role].headers)).status).toBe(200)
    }
  })

  it('moderators, API keys and visitors write nothing', async () => {
    for (const headers of [users.moderator.headers, users.integration.headers, {}]) {
      expect((await call('POST', '/api/redirects', headers, { from: '/spip.php?article3', to: toArticle(articleId) })).status).toBe(403)
    }
    expect(await redirectsFrom('/spip.php?article3')).toEqual([])
  })

  it('visitors and moderators read nothing (requests are resolved on the server); staff and API keys read', async () => {
    await ctx.payload.create({ collection: 'redirects', data: { from: '/article4.html', to: toArticle(articleId) } as never })
    for (const headers of [{}, users.moderator.headers]) {
      const res = await call('GET', '/api/redirects', headers)
      expect(res.status).toBe(403)
    }
    for (const headers of [users.admin.headers, users.editor.headers, users.integration.headers]) {
      const res = await call('GET', '/api/redirects?where[from][equals]=/article4.html', headers)
      expect(res.status).toBe(200)
      expect((res.body.docs as Redirect[]).map((d) => d.from)).toEqual(['/article4.html'])
    }
  })
})

describe('redirects: the old address', () => {
  it('is kept in one form: path and query, no origin, fragment nor trailing slash', async () => {
    const cases: [string, string][] = [
      ['https://www.lelabo-ess.org/spip.php?article12#forum', '/spip.php?article12'],
      ['spip.php?page=article&id_article=12', '/spip.php?page=article&id_article=12'],
      ['/rubrique5.html/', '/rubrique5.html'],
      ['/IMG/pdf/Rapport final.pdf', '/IMG/pdf/Rapport%20final.pdf'],
      ['/?page=article&id_article=12', '/?page=article&id_article=12'],
    ]
    for (const [given, stored] of cases) {
      const res = await call('POST', '/api/redirects', users.editor.headers, { from: given, to: toArticle(articleId) })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect((res.body.doc as Redirect).from).toBe(stored)
    }
  })

  it('is refused with a French message when invalid, taken, or a live page', async () => {
    const cases: [unknown, string][] = [
      ['/api/articles', REDIRECT_MESSAGES.fromInvalid],
      ['javascript:alert(1)', REDIRECT_MESSAGES.fromInvalid],
      ['/spip.php?article12', REDIRECT_MESSAGES.fromTaken],
      ['/articles/la-cible', REDIRECT_MESSAGES.fromLive],
      ['/projets', REDIRECT_MESSAGES.fromLive],
      ['/', REDIRECT_MESSAGES.fromLive],
    ]
    for (const [from, message] of cases) {
      const res = await call('POST', '/api/redirects', users.editor.headers, { from, to: toArticle(articleId) })
      expect(res.status, String(from)).toBe(400)
      expect(errorsOf(res.body)).toContainEqual(expect.objectContaining({ path: 'from', message }))
    }
  })

  it('may be the address of a draft (no live page there)', async () => {
    await article('brouillon', 'draft')
    expect((await call('POST', '/api/redirects', users.editor.headers, { from: '/articles/brouillon', to: toArticle(articleId) })).status).toBe(201)
  })
})

describe('redirects: the destination', () => {
  it('a custom address is an http(s) address or a path of the site, never the old address itself', async () => {
    const custom = (url: string) => ({ from: '/breves/ancienne', to: { type: 'custom', url } })
    for (const [url, message] of [
      ['javascript:alert(1)', REDIRECT_MESSAGES.toInvalid],
      ['/breves/ancienne/', REDIRECT_MESSAGES.toSelf],
    ]) {
      const res = await call('POST', '/api/redirects', users.editor.headers, custom(url!))
      expect(res.status).toBe(400)
      expect(errorsOf(res.body)).toContainEqual(expect.objectContaining({ path: 'to.url', message }))
    }
    expect((await call('POST', '/api/redirects', users.editor.headers, custom('https://www.economie.gouv.fr/ess'))).status).toBe(201)
  })

  it('a reference must exist', async () => {
    const res = await call('POST', '/api/redirects', users.editor.headers, { from: '/spip.php?article99', to: toArticle(999_999) })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('Document introuvable')
  })
})
