/**
 * GET /api/glossary/annotations on the seed content: first occurrences per document, offsets in
 * each field's plain text, published documents only, the matcher rebuilt when a term changes; the
 * per-document switch and the site setting "Annoter toutes les occurrences"; the search-index
 * lookup that finds the pages a term change concerns.
 */
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { lexicalPlainText } from '../../src/plugins/glossary/annotate'
import { candidateDocuments } from '../../src/plugins/glossary/refresh'

import { seed } from '../../src/seed'
import { bootPayload, type TestContext } from '../helpers/payload'
import { authHeaders, createUser, type TestUser } from '../helpers/users'

let ctx: TestContext
let admin: TestUser

type Annotation = { field: string; term: string; slug: string; shortDefinition: string; start: number; end: number; text: string }
type Body = {
  collection: string
  id: number
  slug: string | null
  glossaryDisabled: boolean
  allOccurrences: boolean
  fields: Record<string, string>
  annotations: Annotation[]
  errors?: { code: string }[]
}

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

describe('the per-document switch and the site setting', () => {
  const article = async () => {
    const { docs } = await ctx.payload.find({
      collection: 'articles',
      where: { slug: { equals: 'decideurs-en-region-labo-de-l-ess-rendre-accessibles-des-solutions-concretes-christelle-layre' } },
      depth: 0,
    })
    return docs[0]
  }
  // Documents are updated with PATCH, globals with POST.
  const patch = async (path: string, data: unknown) => {
    const res = await ctx.api(path, {
      method: path.startsWith('/api/globals/') ? 'POST' : 'PATCH',
      headers: { 'Content-Type': 'application/json', ...(await authHeaders(ctx, admin)) },
      body: JSON.stringify(data),
    })
    expect(res.status, await res.clone().text()).toBe(200)
    return (await res.json()) as { doc?: Record<string, unknown>; result?: Record<string, unknown> } & Record<string, unknown>
  }

  it('an editor switches the glossary off for one document: no annotations for it, others unchanged', async () => {
    const doc = await article()
    expect(doc.glossaryDisabled).toBe(false)
    const before = await get({ collection: 'articles', id: String(doc.id) })
    expect(before.body.glossaryDisabled).toBe(false)
    expect(before.body.annotations.length).toBeGreaterThan(0)

    const saved = await patch(`/api/articles/${doc.id}`, { glossaryDisabled: true, _status: 'published' })
    expect(saved.doc?.glossaryDisabled).toBe(true)
    const off = await get({ collection: 'articles', id: String(doc.id) })
    expect(off.status).toBe(200)
    expect(off.body.glossaryDisabled).toBe(true)
    expect(off.body.annotations).toEqual([])
    // The text is still there; `all=true` does not bring annotations back.
    expect(off.body.fields.body).toContain('ESS')
    expect((await get({ collection: 'articles', id: String(doc.id), all: 'true' })).body.annotations).toEqual([])
    // Another document keeps its annotations.
    const { docs: others } = await ctx.payload.find({ collection: 'articles', where: { id: { not_equals: doc.id }, _status: { equals: 'published' } }, depth: 0, limit: 1 })
    expect((await get({ collection: 'articles', id: String(others[0].id) })).body.annotations.length).toBeGreaterThan(0)

    await patch(`/api/articles/${doc.id}`, { glossaryDisabled: false, _status: 'published' })
    expect((await get({ collection: 'articles', id: String(doc.id) })).body.annotations).toEqual(before.body.annotations)
  })

  it('the switch is on every annotated collection, off by default', async () => {
    for (const collection of ['articles', 'projects', 'axes', 'themes', 'pages'] as const) {
      const { docs } = await ctx.payload.find({ collection, limit: 1, depth: 0 })
      expect(docs[0], collection).toHaveProperty('glossaryDisabled', false)
    }
  })

  it('"Annoter toutes les occurrences" annotates every occurrence, through REST as on the site', async () => {
    const doc = await article()
    const first = await get({ collection: 'articles', id: String(doc.id) })
    expect(first.body.allOccurrences).toBe(false)
    const firstEss = first.body.annotations.filter((a) => a.slug === 'ess')
    expect(firstEss).toHaveLength(1)

    const settings = await patch('/api/globals/site-settings', { glossaryAllOccurrences: true })
    expect(settings.result?.glossaryAllOccurrences).toBe(true)
    const all = await get({ collection: 'articles', id: String(doc.id) })
    expect(all.body.allOccurrences).toBe(true)
    const allEss = all.body.annotations.filter((a) => a.slug === 'ess')
    // "l’ESS" occurs several times in the interview.
    expect(allEss.length).toBeGreaterThan(1)
    expect(allEss[0]).toEqual(firstEss[0])
    for (const a of all.body.annotations) expect(all.body.fields[a.field].slice(a.start, a.end)).toBe(a.text)
    // all=false asks for first occurrences whatever the setting.
    const forced = await get({ collection: 'articles', id: String(doc.id), all: 'false' })
    expect(forced.body.annotations).toEqual(first.body.annotations)
    expect((await get({ collection: 'articles', id: String(doc.id), all: 'oui' })).status).toBe(400)

    await patch('/api/globals/site-settings', { glossaryAllOccurrences: false })
    expect((await get({ collection: 'articles', id: String(doc.id) })).body.annotations).toEqual(first.body.annotations)
  })
})

describe('pages a term change concerns, from the search index', () => {
  const lookup = async (forms: string[]) => {
    const req = await createLocalReq({}, ctx.payload)
    const docs = await candidateDocuments(req, forms, ['articles', 'projects', 'axes', 'themes', 'pages'])
    expect(docs).not.toBeNull()
    return docs!
  }

  it('finds the published documents whose text may contain a form, accents and case folded', async () => {
    const ess = await lookup(['ESS'])
    const { docs: articles } = await ctx.payload.find({ collection: 'articles', where: { _status: { equals: 'published' } }, depth: 0, pagination: false })
    for (const a of articles) expect(ess.flatMap((d) => d.paths)).toContain(`/articles/${a.slug}`)
    // "cooperation" written without accents still finds "coopération".
    const coop = await lookup(['cooperation'])
    expect(coop.length).toBeGreaterThan(0)
    for (const d of coop) expect(d.text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()).toContain('cooperation')
  })

  it('a theme also refreshes its axis page; nothing for a word no text has', async () => {
    const { docs: themes } = await ctx.payload.find({ collection: 'themes', where: { _status: { equals: 'published' } }, depth: 1, limit: 1 })
    const theme = themes[0]
    const word = lexicalPlainText(theme.body).match(/\p{L}{9,}/u)?.[0]
    expect(word).toBeTruthy()
    const found = (await lookup([word!])).find((d) => d.paths[0] === `/themes/${theme.slug}`)
    expect(found?.paths).toEqual([`/themes/${theme.slug}`, `/axes/${(theme.axis as { slug: string }).slug}`])
    expect(await lookup(['Zyxwvutsrq inexistant'])).toEqual([])
  })
})
