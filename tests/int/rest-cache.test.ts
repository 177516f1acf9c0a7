/**
 * The server-side cache of public REST answers (src/plugins/rest-cache): same answer until a
 * change a visitor can see, whoever makes it and on whichever server; never for callers with
 * credentials or cookies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../src/seed'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let articleId: number
let slug: string

const LIST = '/api/articles?limit=20&depth=1&sort=-publishedAt'

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await ctx.api(path, { headers })
  const text = await res.text()
  return { status: res.status, cache: res.headers.get('x-cache'), etag: res.headers.get('etag'), text, body: JSON.parse(text) as Record<string, any> }
}
const titles = (body: Record<string, any>) => (body.docs as { title: string }[]).map((d) => d.title)

const patch = async (path: string, data: Record<string, unknown>, headers = users.editor.headers) => {
  const res = await ctx.api(path, { method: 'PATCH', ...json(data, headers) })
  expect(res.status, await res.clone().text()).toBe(200)
  return res.json()
}

beforeAll(async () => {
  ctx = await bootPayload()
  users = await createRoleUsers(ctx)
  await seed(ctx.payload)
  const { docs } = await ctx.payload.find({ collection: 'articles', limit: 1, sort: '-publishedAt', overrideAccess: false, user: null })
  articleId = docs[0]!.id
  slug = docs[0]!.slug as string
})
afterAll(async () => ctx?.close())

describe('anonymous reads', () => {
  it('are computed once, then served from the cache with the same body and ETag', async () => {
    const first = await get(LIST)
    expect(first.status).toBe(200)
    expect(first.cache).toBe('MISS')
    expect(first.body.docs.length).toBeGreaterThan(0)
    const second = await get(LIST)
    expect(second.cache).toBe('HIT')
    expect(second.text).toBe(first.text)
    expect(second.etag).toBe(first.etag)
    // The HTTP policy still applies on top: a matching If-None-Match is a 304.
    const revalidated = await ctx.api(LIST, { headers: { 'If-None-Match': first.etag! } })
    expect(revalidated.status).toBe(304)
  })

  it('are computed again when asked with Cache-Control: no-cache', async () => {
    await get(LIST)
    const fresh = await get(LIST, { 'Cache-Control': 'no-cache' })
    expect(fresh.cache).toBe('MISS')
    expect((await get(LIST)).cache).toBe('HIT')
  })

  it('are never cached for errors', async () => {
    const missing = await ctx.api('/api/articles/987654321')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('x-cache')).toBeNull()
  })
})

describe('a change a visitor can see', () => {
  it('publishing a new title reaches the next anonymous read', async () => {
    await get(LIST)
    expect((await get(LIST)).cache).toBe('HIT')
    await patch(`/api/articles/${articleId}`, { title: 'Titre publié après la mise en cache' })
    const after = await get(LIST)
    expect(after.cache).toBe('MISS')
    expect(titles(after.body)).toContain('Titre publié après la mise en cache')
    const one = await get(`/api/articles?where[slug][equals]=${slug}`)
    expect(one.body.docs[0].title).toBe('Titre publié après la mise en cache')
  })

  it('a draft does not invalidate anything, and never shows', async () => {
    await get(LIST)
    await patch(`/api/articles/${articleId}?draft=true`, { title: 'Brouillon secret' })
    const after = await get(LIST)
    expect(after.cache).toBe('HIT')
    expect(after.text).not.toContain('Brouillon secret')
  })

  it('unpublishing and deleting remove the document from the next read', async () => {
    const { id } = await ctx.payload.create({
      collection: 'articles',
      data: { title: 'Article éphémère du cache', _status: 'published', publishedAt: new Date().toISOString() } as never,
      overrideAccess: true,
    })
    expect(titles((await get(LIST)).body)).toContain('Article éphémère du cache')
    expect((await get(LIST)).cache).toBe('HIT')
    await patch(`/api/articles/${id}`, { _status: 'draft' })
    const unpublished = await get(LIST)
    expect(unpublished.cache).toBe('MISS')
    expect(titles(unpublished.body)).not.toContain('Article éphémère du cache')

    await patch(`/api/articles/${id}`, { _status: 'published' })
    expect(titles((await get(LIST)).body)).toContain('Article éphémère du cache')
    const res = await ctx.api(`/api/articles/${id}`, { method: 'DELETE', headers: users.editor.headers })
    expect(res.status).toBe(200)
    const deleted = await get(LIST)
    expect(deleted.cache).toBe('MISS')
    expect(titles(deleted.body)).not.toContain('Article éphémère du cache')
  })

  it('a pending comment keeps the cache; its approval refreshes it', async () => {
    const comments = `/api/comments?where[targetKey][equals]=articles:${articleId}&limit=50`
    const before = await get(comments)
    const posted = await ctx.api('/api/comments', {
      method: 'POST',
      ...json(
        { target: { relationTo: 'articles', value: articleId }, authorName: 'Lectrice', authorEmail: 'lectrice@exemple.test', body: 'Un avis mis en attente de modération.' },
        { 'X-Forwarded-For': '203.0.113.77', 'User-Agent': 'TestBrowser/1.0' },
      ),
    })
    expect(posted.status, await posted.clone().text()).toBe(201)
    const { doc } = (await posted.json()) as { doc: { id: number } }
    const pending = await get(comments)
    expect(pending.cache).toBe('HIT')
    expect(pending.text).toBe(before.text)

    await patch(`/api/comments/${doc.id}`, { status: 'approved' }, users.moderator.headers)
    const approved = await get(comments)
    expect(approved.cache).toBe('MISS')
    expect((approved.body.docs as { id: number }[]).map((c) => c.id)).toContain(doc.id)
  })

  it('a change of the site settings refreshes the answers', async () => {
    await get('/api/globals/site-settings')
    expect((await get('/api/globals/site-settings')).cache).toBe('HIT')
    const res = await ctx.api('/api/globals/site-settings', { method: 'POST', ...json({ corsOrigins: 'https://partenaire.example.org' }, users.admin.headers) })
    expect(res.status).toBe(200)
    const after = await get('/api/globals/site-settings')
    expect(after.cache).toBe('MISS')
  })

  it('a change made through another server (same database) reaches this one', async () => {
    await get(LIST)
    expect((await get(LIST)).cache).toBe('HIT')
    // Another server commits a change: its hooks bump the generation in the same transaction.
    const pool = (ctx.payload.db as unknown as { pool: { connect: () => Promise<any> } }).pool
    const other = await pool.connect()
    try {
      await other.query('BEGIN')
      await other.query(`UPDATE articles SET title = 'Modifié par un autre serveur' WHERE id = $1`, [articleId])
      await other.query('UPDATE rest_cache.state SET generation = generation + 1')
      await other.query('COMMIT')
    } finally {
      other.release()
    }
    const after = await get(LIST)
    expect(after.cache).toBe('MISS')
    expect(titles(after.body)).toContain('Modifié par un autre serveur')
  })
})

describe('callers whose answer depends on who they are', () => {
  it('staff sessions, API keys and cookies always get a computed answer', async () => {
    await get(LIST)
    expect((await get(LIST)).cache).toBe('HIT')
    for (const headers of [users.editor.headers, users.integration.headers, { Cookie: 'labo-visiteur=abc' }]) {
      const res = await get(LIST, headers)
      expect(res.status).toBe(200)
      expect(res.cache).toBeNull()
    }
    // An editor's session sees the draft saved earlier; the anonymous answer never does.
    const staff = await get(`/api/articles/${articleId}?draft=true`, users.editor.headers)
    expect(staff.body.title).toBe('Brouillon secret')
    const visitor = await get(`/api/articles/${articleId}?draft=true`)
    expect(visitor.body.title).not.toBe('Brouillon secret')
  })
})
