/**
 * What real API clients met (issue 21, items 1, 2, 4, 5): every answer to bad input is a 4xx with
 * a French message and the documented code; list pages are bounded; HEAD works; a forged token is
 * refused. The production build is checked too: tests/e2e/api-errors.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CONTENT_SLUGS } from '../../src/collections/registry'
import { UNSUPPORTED_BODY_MESSAGE } from '../../src/lib/http/policy'
import { API_KEY_MESSAGES, KEY_MESSAGES } from '../../src/plugins/api-keys'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let articleId: number

type Errors = { errors: { message: string; code: string }[] }
const errorOf = async (res: Response) => ((await res.json()) as Errors).errors[0]!

beforeAll(async () => {
  ctx = await bootPayload()
  users = await createRoleUsers(ctx)
  const article = await ctx.payload.create({ collection: 'articles', data: { title: 'Article public', slug: 'article-public', _status: 'published' } as never })
  articleId = article.id
  for (let i = 0; i < 3; i++) {
    await ctx.payload.create({ collection: 'tags', data: { name: `Étiquette ${i}`, kind: 'mot-cle' } as never })
  }
})
afterAll(async () => ctx?.close())

describe('errors keep their status, message and code', () => {
  it('an API key trying to write: 403 with the README’s sentence', async () => {
    const res = await ctx.api('/api/tags', { method: 'POST', ...json({ name: 'Interdit', kind: 'mot-cle' }, users.integration.headers) })
    expect(res.status).toBe(403)
    expect(await errorOf(res)).toEqual({ message: KEY_MESSAGES.readOnly, code: 'forbidden' })
  })

  it('an unknown key and a forged token: 401, never read as anonymous', async () => {
    const unknown = await ctx.api('/api/articles', { headers: { Authorization: 'users API-Key inconnue' } })
    expect(unknown.status).toBe(401)
    expect(await errorOf(unknown)).toEqual({ message: KEY_MESSAGES.rejected, code: 'unauthorized' })
    for (const header of ['JWT n.importe.quoi', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.faux']) {
      const forged = await ctx.api('/api/articles', { headers: { Authorization: header } })
      expect(forged.status).toBe(401)
      expect(await errorOf(forged)).toEqual({ message: KEY_MESSAGES.badToken, code: 'unauthorized' })
    }
    expect((await ctx.api('/api/articles', { headers: users.editor.headers })).status).toBe(200)
  })

  it('an integration account logging in with a password: 403', async () => {
    const res = await ctx.api('/api/users/login', { method: 'POST', ...json({ email: users.integration.user.email, password: users.integration.user.password }) })
    expect(res.status).toBe(403)
    expect(await errorOf(res)).toEqual({ message: API_KEY_MESSAGES.noPasswordLogin, code: 'forbidden' })
  })

  it('malformed JSON: 400 in French', async () => {
    const res = await ctx.api('/api/tags', { method: 'POST', headers: { 'Content-Type': 'application/json', ...users.admin.headers }, body: '{pas du json' })
    expect(res.status).toBe(400)
    expect((await errorOf(res)).message).toBe('Le corps de la requête n’est pas du JSON valide.')
  })

  it('an anonymous bulk PATCH: 403 in French, nothing changed', async () => {
    const res = await ctx.api('/api/articles?where[id][exists]=true', { method: 'PATCH', ...json({ title: 'Piraté' }) })
    expect(res.status).toBe(403)
    expect(await errorOf(res)).toMatchObject({ code: 'forbidden', message: 'Vous n’êtes pas autorisé à effectuer cette action.' })
    expect((await ctx.payload.findByID({ collection: 'articles', id: articleId })).title).toBe('Article public')
  })

  it('the documented codes: validation_error and invalid_query', async () => {
    const invalid = await ctx.api('/api/tags', { method: 'POST', ...json({ kind: 'mot-cle' }, users.admin.headers) })
    expect(invalid.status).toBe(400)
    expect((await errorOf(invalid)).code).toBe('validation_error')
    const query = await ctx.api('/api/articles?where[motDePasse][equals]=1')
    expect(query.status).toBe(400)
    expect((await errorOf(query)).code).toBe('invalid_query')
  })
})

describe('no input gives a 5xx', () => {
  it('an id that is not a number: 404 on every collection', async () => {
    for (const slug of [...CONTENT_SLUGS, 'comments', 'tags', 'media']) {
      const res = await ctx.api(`/api/${slug}/abc`)
      expect(res.status, slug).toBe(404)
      expect((await errorOf(res)).code).toBe('not_found')
    }
    expect((await ctx.api(`/api/articles/abc`, { method: 'PATCH', ...json({ title: 'x' }, users.admin.headers) })).status).toBe(404)
  })

  it('a comment posted as text/plain: 415', async () => {
    const res = await ctx.api('/api/comments', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'Bonjour' })
    expect(res.status).toBe(415)
    expect(await errorOf(res)).toEqual({ message: UNSUPPORTED_BODY_MESSAGE, code: 'unsupported_media_type' })
  })

  it('HEAD answers like GET, without a body', async () => {
    const get = await ctx.api(`/api/articles/${articleId}`)
    const head = await ctx.api(`/api/articles/${articleId}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'))
    expect(await head.text()).toBe('')
    const list = await ctx.api('/api/tags?limit=2', { method: 'HEAD' })
    expect(list.status, await list.text()).toBe(200)
  })
})

describe('bounded list pages for API clients', () => {
  it('refuses limit and page values that are not a page size or a page number', async () => {
    for (const query of ['limit=0', 'limit=100000', 'limit=abc', 'limit=-1', 'page=0', 'page=-2', 'page=abc', 'pagination=false']) {
      for (const headers of [{}, users.integration.headers]) {
        const res = await ctx.api(`/api/tags?${query}`, { headers })
        expect(res.status, query).toBe(400)
        expect((await errorOf(res)).message, query).toMatch(/limit|page|pagination/)
      }
    }
  })

  it('an anonymous list whose documents have relationships still reads them (population is not a list)', async () => {
    const tag = await ctx.payload.create({ collection: 'tags', data: { name: 'Coopération', kind: 'mot-cle' } as never })
    await ctx.payload.create({ collection: 'articles', data: { title: 'Article étiqueté', slug: 'article-etiquete', tags: [tag.id], _status: 'published' } as never })
    for (const method of ['GET', 'HEAD']) {
      const res = await ctx.api('/api/articles?limit=5&depth=2', { method })
      expect(res.status, `${method} ${method === 'GET' ? '' : await res.text()}`).toBe(200)
    }
    const { docs } = (await (await ctx.api('/api/articles?limit=5&depth=1&where[slug][equals]=article-etiquete')).json()) as { docs: { tags: { name: string }[] }[] }
    expect(docs[0]!.tags[0]!.name).toBe('Coopération')
  })

  it('serves up to 100 a page, and the admin still reads whole lists', async () => {
    const page = (await (await ctx.api('/api/tags?limit=100&page=1')).json()) as { limit: number; docs: unknown[] }
    expect(page.limit).toBe(100)
    expect(page.docs.length).toBeGreaterThanOrEqual(3)
    const all = await ctx.api('/api/tags?limit=0', { headers: users.editor.headers })
    expect(all.status).toBe(200)
  })
})
