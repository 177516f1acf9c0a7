/**
 * HTTP behaviour of the REST API (src/lib/http/policy.ts, the same wrapper as the Next.js
 * route): Cache-Control by caller, ETag and 304, CORS for the origins of the site settings
 * only, errors as JSON with a French message and a stable code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { invalidateHttpContext } from '../../src/lib/http/api-routes'
import { seed } from '../../src/seed'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let articleId: number

const PARTNER = 'https://partenaire.example.org'
const STRANGER = 'https://inconnu.example.net'

type Errors = { errors: { message: string; code: string }[] }
const errorOf = async (res: Response) => {
  expect(res.headers.get('content-type')).toContain('application/json')
  const body = (await res.json()) as Errors
  expect(body.errors.length, JSON.stringify(body)).toBeGreaterThan(0)
  return body.errors[0]!
}

beforeAll(async () => {
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  users = await createRoleUsers(ctx)
  await seed(ctx.payload)
  const { docs } = await ctx.payload.find({ collection: 'articles', limit: 1, overrideAccess: false, user: null })
  articleId = docs[0]!.id
  const res = await ctx.api('/api/globals/site-settings', { method: 'POST', ...json({ corsOrigins: `${PARTNER}\nhttps://autre.example.org/` }, users.admin.headers) })
  expect(res.status, await res.text()).toBe(200)
})
afterAll(async () => ctx?.close())

describe('caching headers', () => {
  it('anonymous reads are public with an ETag; a matching If-None-Match gets a 304 without body', async () => {
    const first = await ctx.api(`/api/articles/${articleId}`)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    expect(first.headers.get('vary')).toContain('Authorization')
    const again = await ctx.api(`/api/articles/${articleId}`)
    expect(again.headers.get('etag')).toBe(etag)

    const cached = await ctx.api(`/api/articles/${articleId}`, { headers: { 'If-None-Match': etag } })
    expect(cached.status).toBe(304)
    expect(cached.headers.get('etag')).toBe(etag)
    expect(await cached.text()).toBe('')
    const weak = await ctx.api(`/api/articles/${articleId}`, { headers: { 'If-None-Match': `"autre", W/${etag}` } })
    expect(weak.status).toBe(304)

    const stale = await ctx.api(`/api/articles/${articleId}`, { headers: { 'If-None-Match': '"perime"' } })
    expect(stale.status).toBe(200)
    expect((await stale.json()).id).toBe(articleId)
  })

  it('a change of the document changes its ETag', async () => {
    const before = (await ctx.api(`/api/articles/${articleId}`)).headers.get('etag')!
    await ctx.payload.update({ collection: 'articles', id: articleId, data: { excerpt: 'Chapeau modifié pour le test.' } })
    const after = await ctx.api(`/api/articles/${articleId}`, { headers: { 'If-None-Match': before } })
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(before)
  })

  it('lists and custom endpoints get ETags and 304s too', async () => {
    for (const path of ['/api/projects?limit=2', '/api/search?q=coop%C3%A9ration', '/api/openapi.json']) {
      const first = await ctx.api(path)
      expect(first.status, path).toBe(200)
      const etag = first.headers.get('etag')!
      expect(etag, path).toBeTruthy()
      expect((await ctx.api(path, { headers: { 'If-None-Match': etag } })).status, path).toBe(304)
    }
  })

  it('API-key reads stay in the integration’s cache; staff reads are private and revalidated', async () => {
    const key = await ctx.api(`/api/articles/${articleId}`, { headers: users.integration.headers })
    expect(key.status).toBe(200)
    expect(key.headers.get('cache-control')).toBe('private, max-age=60')
    const etag = key.headers.get('etag')!
    expect((await ctx.api(`/api/articles/${articleId}`, { headers: { ...users.integration.headers, 'If-None-Match': etag } })).status).toBe(304)

    const staff = await ctx.api(`/api/articles/${articleId}`, { headers: users.editor.headers })
    expect(staff.status).toBe(200)
    expect(staff.headers.get('cache-control')).toBe('private, no-cache')
    const me = await ctx.api('/api/users/me')
    expect(me.headers.get('cache-control')).toBe('private, no-cache')
  })

  it('writes and errors are never cached', async () => {
    const missing = await ctx.api('/api/articles/987654')
    expect(missing.headers.get('cache-control')).toBe('no-store')
    expect(missing.headers.get('etag')).toBeNull()
  })
})

describe('CORS', () => {
  it('an origin listed in the site settings may read from a browser', async () => {
    const res = await ctx.api('/api/articles?limit=1', { headers: { Origin: PARTNER } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe(PARTNER)
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag')
    expect(res.headers.get('vary')).toContain('Origin')
    // Listed with a trailing slash: the origin is normalised.
    const other = await ctx.api('/api/articles?limit=1', { headers: { Origin: 'https://autre.example.org' } })
    expect(other.headers.get('access-control-allow-origin')).toBe('https://autre.example.org')
  })

  it('an unlisted origin gets no CORS header (the browser blocks it)', async () => {
    const res = await ctx.api('/api/articles?limit=1', { headers: { Origin: STRANGER } })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const lookalike = await ctx.api('/api/articles?limit=1', { headers: { Origin: `${PARTNER}.evil.example` } })
    expect(lookalike.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('preflight requests are answered for listed origins only', async () => {
    const preflight = (origin: string) =>
      ctx.api('/api/comments', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      })
    const ok = await preflight(PARTNER)
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-origin')).toBe(PARTNER)
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST')
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type')
    const refused = await preflight(STRANGER)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    expect(refused.headers.get('access-control-allow-methods')).toBeNull()
  })

  it('a change of the settings applies at once; the list is for admins only', async () => {
    const editor = await ctx.api('/api/globals/site-settings', { method: 'POST', ...json({ corsOrigins: STRANGER }, users.editor.headers) })
    expect(editor.status).toBe(200)
    expect((await ctx.api('/api/articles?limit=1', { headers: { Origin: STRANGER } })).headers.get('access-control-allow-origin')).toBeNull()

    const admin = await ctx.api('/api/globals/site-settings', { method: 'POST', ...json({ corsOrigins: `${PARTNER}\n${STRANGER}` }, users.admin.headers) })
    expect(admin.status).toBe(200)
    expect((await ctx.api('/api/articles?limit=1', { headers: { Origin: STRANGER } })).headers.get('access-control-allow-origin')).toBe(STRANGER)

    for (const headers of [{}, users.integration.headers, users.editor.headers]) {
      const settings = (await (await ctx.api('/api/globals/site-settings', { headers })).json()) as Record<string, unknown>
      expect(settings).not.toHaveProperty('corsOrigins')
    }
    const asAdmin = (await (await ctx.api('/api/globals/site-settings', { headers: users.admin.headers })).json()) as Record<string, unknown>
    expect(asAdmin.corsOrigins).toBe(`${PARTNER}\n${STRANGER}`)
  })

  it('an invalid origin is refused with a French message', async () => {
    const res = await ctx.api('/api/globals/site-settings', { method: 'POST', ...json({ corsOrigins: 'partenaire.org/chemin' }, users.admin.headers) })
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe('validation_error')
    expect(JSON.stringify(await ctx.payload.findGlobal({ slug: 'site-settings' }))).toContain(PARTNER)
    invalidateHttpContext()
  })
})

describe('errors: JSON, French message, stable code', () => {
  it('French to an English client, unless the caller chose a language in the admin', async () => {
    const post = (headers: Record<string, string>) =>
      ctx.api('/api/articles', { method: 'POST', ...json({ excerpt: 'Sans titre' }, { ...users.editor.headers, ...headers }) })
    const english = await post({ 'Accept-Language': 'en-US,en;q=0.9' })
    expect(english.status).toBe(400)
    const body = JSON.stringify(await english.json())
    expect(body).toMatch(/Titre/)
    expect(body).not.toMatch(/is required|following field/i)
    const chosen = await post({ 'Accept-Language': 'fr', Cookie: 'payload-lng=en' })
    expect(JSON.stringify(await chosen.json())).toMatch(/following field|invalid/i)
  })

  it('404 for a missing document or an unknown address', async () => {
    const doc = await ctx.api('/api/articles/987654')
    expect(doc.status).toBe(404)
    expect(await errorOf(doc)).toMatchObject({ code: 'not_found', message: expect.stringMatching(/introuvable|trouv/i) })
    const route = await ctx.api('/api/nimporte-quoi')
    expect(route.status).toBe(404)
    expect(await errorOf(route)).toEqual({ code: 'not_found', message: 'Adresse inconnue de l’API : /api/nimporte-quoi.' })
  })

  it('401 for wrong credentials', async () => {
    const res = await ctx.api('/api/users/login', { method: 'POST', ...json({ email: users.editor.user.email, password: 'mauvais-mot-de-passe' }) })
    expect(res.status).toBe(401)
    const error = await errorOf(res)
    expect(error.code).toBe('unauthorized')
    expect(error.message).toMatch(/mot de passe/)
  })

  it('403 when a visitor or an API key tries to write', async () => {
    for (const [headers, message] of [
      [{}, 'Vous n’êtes pas autorisé à effectuer cette action.'],
      [users.integration.headers, 'Une clé d’API ne donne accès qu’en lecture.'],
    ] as const) {
      const res = await ctx.api('/api/articles', { method: 'POST', ...json({ title: 'Intrus' }, headers) })
      expect(res.status).toBe(403)
      expect(await errorOf(res)).toEqual({ code: 'forbidden', message })
    }
  })

  it('400 for a query on a field that cannot be queried; codes of custom endpoints are kept', async () => {
    const res = await ctx.api('/api/articles?where[inexistant][equals]=1')
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toMatchObject({ code: 'invalid_query', message: 'Ces champs ne peuvent pas servir de critère : inexistant.' })
    const search = await ctx.api('/api/search?q=')
    expect(search.status).toBe(400)
    expect((await errorOf(search)).code).toBe('QUERY_EMPTY')
  })

  it('400 with field errors for invalid data', async () => {
    const res = await ctx.api('/api/articles', { method: 'POST', ...json({}, users.editor.headers) })
    expect(res.status).toBe(400)
    const error = await errorOf(res)
    expect(error.code).toBe('validation_error')
    expect(error.message).not.toMatch(/following field/)
  })

  it('405 with Allow for a method the address does not take', async () => {
    const res = await ctx.api('/api/search?q=ess', { method: 'POST' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, OPTIONS')
    expect(await errorOf(res)).toEqual({ code: 'method_not_allowed', message: 'Méthode non autorisée pour cette adresse.' })
    const doc = await ctx.api('/api/openapi.json', { method: 'DELETE' })
    expect(doc.status).toBe(405)
  })

  it('429 when a visitor floods the comments', async () => {
    await ctx.payload.updateGlobal({ slug: 'site-settings', data: { commentPolicy: { floodLimit: 1, floodWindowMinutes: 10 } } })
    const send = (n: number) =>
      ctx.api('/api/comments', {
        method: 'POST',
        ...json(
          { target: { relationTo: 'articles', value: articleId }, authorName: 'Lou', authorEmail: 'lou@exemple.test', body: `Message n° ${n}` },
          { 'X-Forwarded-For': '203.0.113.9' },
        ),
      })
    expect((await send(1)).status).toBe(201)
    const refused = await send(2)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBeTruthy()
    const error = await errorOf(refused)
    expect(error.code).toBe('too_many_requests')
    expect(error.message).toMatch(/[àéè]/)
  })
})
