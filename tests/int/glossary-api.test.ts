/**
 * GET /api/glossary/annotations on the seed content: first occurrences per document, offsets in
 * each field's plain text, published documents only, the matcher rebuilt when a term changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../src/seed'
import { bootPayload, type TestContext } from '../helpers/payload'
import { authHeaders, createUser, type TestUser } from '../helpers/users'

let ctx: TestContext
let admin: TestUser

type Annotation = { field: string; term: string; slug: string; shortDefinition: string; start: number; end: number; text: string }
type Body = { collection: string; id: number; slug: string | null; fields: Record<string, string>; annotations: Annotation[]; errors?: { code: string }[] }

const get = async (params: Record<string, string>, headers: Record<string, string> = {}) => {
  const res = await ctx.api(`/api/glossary/annotations?${new URLSearchParams(params)}`, { headers })
  return { status: res.status, body: (await res.json()) as Body }
}

beforeAll(async () => {
  ctx = await bootPayload()
  admin = await createUser(ctx.payload, 'admin')
  await seed(ctx.payload)
})
afterAll(async () => ctx?.close())

describe('GET /api/glossary/annotations', () => {
  it('returns the first occurrence of each term of a published article, with offsets', async () => {
    const { docs } = await ctx.payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, limit: 10, depth: 0 })
    expect(docs.length).toBeGreaterThan(0)
    for (const article of docs) {
      const { status, body } = await get({ collection: 'articles', id: String(article.id) })
      expect(status, JSON.stringify(body)).toBe(200)
      expect(body.id).toBe(article.id)
      const ess = body.annotations.filter((a) => a.slug === 'ess')
      expect(ess, article.slug).toHaveLength(1)
      expect(ess[0]).toMatchObject({ field: 'body', term: 'ESS' })
      expect(ess[0].shortDefinition.length).toBeGreaterThan(10)
      for (const a of body.annotations) expect(body.fields[a.field].slice(a.start, a.end)).toBe(a.text)
      // One annotation per term per document.
      const slugs = body.annotations.map((a) => a.slug)
      expect(new Set(slugs).size).toBe(slugs.length)
      // Same answer by slug.
      const bySlug = await get({ collection: 'articles', slug: article.slug })
      expect(bySlug.body.annotations).toEqual(body.annotations)
    }
  })

  it('all=true returns every occurrence', async () => {
    const { docs } = await ctx.payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, limit: 1, depth: 0 })
    const first = await get({ collection: 'articles', id: String(docs[0].id) })
    const all = await get({ collection: 'articles', id: String(docs[0].id), all: 'true' })
    expect(all.body.annotations.length).toBeGreaterThanOrEqual(first.body.annotations.length)
  })

  it('never shows a draft, to anyone', async () => {
    const draft = await ctx.payload.create({
      collection: 'articles',
      draft: true,
      data: {
        title: 'Brouillon sur l’ESS',
        _status: 'draft',
        body: {
          root: {
            type: 'root', version: 1, direction: null, format: '', indent: 0,
            children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '',
              children: [{ type: 'text', version: 1, text: 'Secret : l’ESS en brouillon.', format: 0, detail: 0, mode: 'normal', style: '' }] }],
          },
        },
      } as never,
    })
    const anonymous = await get({ collection: 'articles', id: String(draft.id) })
    expect(anonymous.status).toBe(404)
    expect(JSON.stringify(anonymous.body)).not.toContain('Secret')
    const asAdmin = await get({ collection: 'articles', id: String(draft.id) }, await authHeaders(ctx, admin))
    expect(asAdmin.status).toBe(404)
  })

  it('rejects unknown collections and missing documents', async () => {
    expect((await get({ collection: 'users', id: '1' })).status).toBe(400)
    expect((await get({ collection: 'articles' })).status).toBe(400)
    expect((await get({ collection: 'articles', id: '1', slug: 'x' })).status).toBe(400)
    expect((await get({ collection: 'articles', slug: 'nope' })).status).toBe(404)
    expect((await get({ collection: 'articles', id: 'abc' })).status).toBe(404)
  })

  it('rebuilds the matcher when a term changes', async () => {
    const { docs } = await ctx.payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, limit: 1, depth: 0 })
    const before = await get({ collection: 'articles', id: String(docs[0].id) })
    expect(before.body.annotations.some((a) => a.slug === 'ess')).toBe(true)
    const { docs: terms } = await ctx.payload.find({ collection: 'glossary-terms', where: { slug: { equals: 'ess' } }, depth: 0 })
    await ctx.payload.update({ collection: 'glossary-terms', id: terms[0].id, data: { shortDefinition: 'Définition modifiée.' } })
    const after = await get({ collection: 'articles', id: String(docs[0].id) })
    expect(after.body.annotations.find((a) => a.slug === 'ess')?.shortDefinition).toBe('Définition modifiée.')
  })
})
