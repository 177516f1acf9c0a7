/**
 * GET /api/search on the seed content: French stemming and accents, websearch syntax, ranking,
 * type filter, pagination; only published documents, whoever asks; drafts never indexed; bad
 * queries answered with a 400, a French message and a stable code.
 */
import type { PostgresAdapter } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { SEARCH_TYPES } from '../../src/lib/search-types'
import { reindexAll, searchSite } from '../../src/plugins/search'
import { seed } from '../../src/seed'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>

type Result = { type: string; typeLabel: string; id: number; title: string; url: string; absoluteUrl: string | null; excerpt: string; rank: number }
type Body = {
  query: string
  types: string[] | null
  docs: Result[]
  totalDocs: number
  totalCapped: boolean
  limit: number
  page: number
  totalPages: number
  hasPrevPage: boolean
  hasNextPage: boolean
  prevPage: number | null
  nextPage: number | null
  errors?: { code: string; field: string; message: string }[]
}

const search = async (params: Record<string, string>, headers: Record<string, string> = {}) => {
  const res = await ctx.api(`/api/search?${new URLSearchParams(params)}`, { headers })
  const body = (await res.json()) as Body
  return { status: res.status, body }
}

const ok = async (params: Record<string, string>, headers: Record<string, string> = {}) => {
  const { status, body } = await search(params, headers)
  expect(status, JSON.stringify(body)).toBe(200)
  return body
}

const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
  const res = await ctx.api(path, body === undefined ? { method, headers } : { method, ...json(body, headers) })
  const text = await res.text()
  expect(res.status, text).toBeLessThan(300)
  return JSON.parse(text) as { doc?: { id: number }; id?: number }
}

const sql = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
  (await (ctx.payload.db as unknown as PostgresAdapter).pool.query(text, values)).rows as T[]

const indexed = (collection: string, id: number) =>
  sql<{ title: string; body: string }>('SELECT title, body FROM search.documents WHERE collection = $1 AND doc_id = $2', [collection, id])

const titles = (body: Body) => body.docs.map((d) => d.title)
const marked = (body: Body) => body.docs.flatMap((d) => [...d.excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!.toLowerCase()))

beforeAll(async () => {
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  users = await createRoleUsers(ctx)
  await seed(ctx.payload)
})
afterAll(async () => ctx?.close())

describe('the seed content is indexed on publication', () => {
  it('every published seed document has its row', async () => {
    const rows = await sql<{ collection: string; n: number }>('SELECT collection, count(*)::int AS n FROM search.documents GROUP BY 1 ORDER BY 1')
    expect(Object.fromEntries(rows.map((r) => [r.collection, r.n]))).toEqual({
      articles: 2,
      axes: 2,
      'glossary-terms': 6,
      pages: 4,
      partners: 1,
      projects: 3,
      themes: 6,
    })
  })

  it('a full reindex builds exactly the same index', async () => {
    const snapshot = () => sql('SELECT collection, doc_id, title, keywords, summary, body, extra, url, published_at, tsv::text FROM search.documents ORDER BY 1, 2')
    const before = await snapshot()
    await sql('DELETE FROM search.documents')
    expect(await reindexAll(ctx.payload, SEARCH_TYPES)).toBe(before.length)
    expect(await snapshot()).toEqual(before)
    expect(await sql('SELECT version FROM search.index_state')).toEqual([{ version: 1 }])
  })
})

describe('French full-text search', () => {
  it('"coopératives" finds "coopérative" (stemming), with the word highlighted', async () => {
    const body = await ok({ q: 'coopératives' })
    const ess = body.docs.find((d) => d.url === '/glossaire/ess')
    expect(ess, JSON.stringify(titles(body))).toBeDefined()
    expect(ess!.excerpt).toContain('<mark>coopérative</mark>')
    expect(marked(body)).toEqual(expect.arrayContaining(['coopérative', 'coopératives']))
  })

  it('"economie" finds "économie" (accents ignored), and the reverse', async () => {
    const bare = await ok({ q: 'economie' })
    expect(bare.totalDocs).toBeGreaterThan(5)
    expect(marked(bare)).toContain('économie')
    const accented = await ok({ q: 'ÉCONOMIE' })
    expect(accented.totalDocs).toBe(bare.totalDocs)
  })

  it('"circuits courts" finds "circuit court", the glossary term first', async () => {
    const body = await ok({ q: 'circuits courts' })
    expect(body.docs[0]).toMatchObject({ type: 'glossary-terms', title: 'Circuits courts', url: '/glossaire/circuits-courts' })
    const amap = body.docs.find((d) => d.url === '/glossaire/amap')
    expect(amap?.excerpt).toContain('<mark>circuit</mark> <mark>court</mark>')
  })

  it('quoted phrases match the words together, in order', async () => {
    const apart = await call('POST', '/api/pages', users.editor.headers, {
      title: 'Essai de phrase',
      body: { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'Des circuits vraiment très courts.' }] }] } },
      _status: 'published',
    })
    const words = await ok({ q: 'circuits courts' })
    const phrase = await ok({ q: '"circuits courts"' })
    const key = `pages:${apart.doc!.id}`
    expect(words.docs.map((d) => `${d.type}:${d.id}`)).toContain(key)
    expect(phrase.docs.map((d) => `${d.type}:${d.id}`)).not.toContain(key)
    expect(phrase.docs.map((d) => d.url)).toContain('/glossaire/circuits-courts')
    await call('DELETE', `/api/pages/${apart.doc!.id}`, users.editor.headers)
  })

  it('-word excludes the documents that contain it', async () => {
    const all = await ok({ q: 'circuits courts', limit: '50' })
    const without = await ok({ q: 'circuits courts -amap', limit: '50' })
    expect(all.docs.map((d) => d.url)).toContain('/glossaire/amap')
    expect(without.docs.map((d) => d.url)).not.toContain('/glossaire/amap')
    expect(without.totalDocs).toBeLessThan(all.totalDocs)
    expect(without.totalDocs).toBeGreaterThan(0)
  })

  it('OR between alternatives', async () => {
    const amap = await ok({ q: 'amap' })
    const ptce = await ok({ q: 'ptce' })
    const either = await ok({ q: 'amap OR ptce', limit: '50' })
    expect(either.totalDocs).toBeGreaterThanOrEqual(Math.max(amap.totalDocs, ptce.totalDocs))
    expect(either.docs.map((d) => d.url)).toEqual(expect.arrayContaining(['/glossaire/amap', '/glossaire/ptce']))
  })

  it('a title match ranks above body matches', async () => {
    const body = await ok({ q: 'AMAP' })
    expect(body.docs[0]).toMatchObject({ title: 'AMAP', type: 'glossary-terms' })
    expect(body.docs.length).toBeGreaterThan(1)
    const ranks = body.docs.map((d) => d.rank)
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
    expect(ranks[0]).toBeGreaterThan(ranks[1]!)
  })

  it('ranks a document titled with the word above one that only mentions it', async () => {
    const inBody = await call('POST', '/api/articles', users.editor.headers, {
      title: 'Un article ordinaire',
      excerpt: 'Il évoque la permaculture en passant.',
      _status: 'published',
    })
    const inTitle = await call('POST', '/api/articles', users.editor.headers, { title: 'La permaculture', _status: 'published' })
    const body = await ok({ q: 'permaculture' })
    expect(body.docs.map((d) => d.id)).toEqual([inTitle.doc!.id, inBody.doc!.id])
  })

  it('finds a word deep in a long text, and takes the excerpt from there', async () => {
    const filler = 'Un paragraphe de remplissage sur les associations et leurs bénévoles. '.repeat(40) // ~2,800 characters
    const paragraphs = (...texts: string[]) => ({
      root: { type: 'root', children: texts.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })) },
    })
    const short = await call('POST', '/api/pages', users.editor.headers, {
      title: 'Texte court',
      body: paragraphs('Nous plantons volontiers quelques héliotropes dans notre jardin partagé.'),
      _status: 'published',
    })
    const long = await call('POST', '/api/pages', users.editor.headers, {
      title: 'Texte très long',
      body: paragraphs(filler, filler, filler, 'Le mot lointain est ici : héliotropes.', filler),
      _status: 'published',
    })
    const body = await ok({ q: 'héliotrope' })
    const hit = (id: number) => body.docs.find((d) => d.type === 'pages' && d.id === id)!
    expect(body.totalDocs).toBe(2)
    expect(hit(short.doc!.id).excerpt).toBe('Nous plantons volontiers quelques <mark>héliotropes</mark> dans notre jardin partagé')
    expect(hit(long.doc!.id).excerpt).toMatch(/^… .*lointain est ici : <mark>héliotropes<\/mark>/)
    // The same word in the title only: the excerpt is the start of the text, unmarked.
    const titled = await call('POST', '/api/pages', users.editor.headers, { title: 'Héliotrope', body: paragraphs(filler), _status: 'published' })
    const again = await ok({ q: 'héliotrope' })
    expect(again.docs[0]).toMatchObject({ id: titled.doc!.id, title: 'Héliotrope' })
    expect(again.docs[0]!.excerpt).toMatch(/^Un paragraphe de remplissage/)
    expect(again.docs[0]!.excerpt).not.toContain('<mark>')
  })

  it('answers with typed results: type, label, id, title, address, excerpt, rank', async () => {
    const body = await ok({ q: 'lieux pour accueillir' })
    expect(body.docs[0]).toEqual({
      type: 'projects',
      typeLabel: 'Projet',
      id: expect.any(Number),
      title: "Le Labo de l'ESS - Des lieux pour accueillir l'ESS",
      url: '/projets/le-labo-de-l-ess-des-lieux-pour-accueillir-l-ess',
      absoluteUrl: null,
      excerpt: expect.stringContaining('<mark>'),
      rank: expect.any(Number),
      publishedAt: expect.any(String),
    })
    expect(body).toMatchObject({ query: 'lieux pour accueillir', types: null, page: 1, limit: 10 })
  })

  it('excerpts are escaped HTML whose only markup is <mark>', async () => {
    const doc = await call('POST', '/api/glossary-terms', users.editor.headers, {
      term: 'Balise <script>alert(1)</script>',
      shortDefinition: 'Une définition avec <img src=x onerror=alert(1)> et « guillemets » & esperluette, xénophile.',
      _status: 'published',
    })
    const body = await ok({ q: 'xénophile' })
    const hit = body.docs.find((d) => d.id === doc.doc!.id)!
    expect(hit.excerpt).not.toMatch(/<(?!\/?mark>)/)
    expect(hit.excerpt).toContain('&lt;img')
    expect(hit.excerpt).toContain('<mark>xénophile</mark>')
    expect(hit.title).toBe('Balise <script>alert(1)</script>')
  })
})

describe('filter and pages', () => {
  it('filters by type, one or several', async () => {
    const all = await ok({ q: 'ess', limit: '50' })
    const projects = await ok({ q: 'ess', type: 'projects', limit: '50' })
    expect(projects.docs.length).toBeGreaterThan(0)
    expect(new Set(projects.docs.map((d) => d.type))).toEqual(new Set(['projects']))
    expect(projects.totalDocs).toBe(all.docs.filter((d) => d.type === 'projects').length)
    const two = await ok({ q: 'ess', type: 'projects,articles', limit: '50' })
    expect(new Set(two.docs.map((d) => d.type))).toEqual(new Set(['projects', 'articles']))
    expect(two.types).toEqual(['projects', 'articles'])
  })

  it('paginates: the pages cut one ranking, with the totals', async () => {
    const all = await ok({ q: 'ess', limit: '50' })
    expect(all.totalDocs).toBeGreaterThan(10)
    const first = await ok({ q: 'ess', limit: '5' })
    const second = await ok({ q: 'ess', limit: '5', page: '2' })
    expect(first).toMatchObject({ page: 1, limit: 5, totalDocs: all.totalDocs, totalPages: Math.ceil(all.totalDocs / 5), hasPrevPage: false, hasNextPage: true, prevPage: null, nextPage: 2 })
    expect(second).toMatchObject({ page: 2, hasPrevPage: true, prevPage: 1 })
    expect([...first.docs, ...second.docs].map((d) => `${d.type}:${d.id}`)).toEqual(all.docs.slice(0, 10).map((d) => `${d.type}:${d.id}`))
    const beyond = await ok({ q: 'ess', limit: '5', page: '99' })
    expect(beyond).toMatchObject({ docs: [], totalDocs: all.totalDocs, page: 99, hasNextPage: false })
  })

  it('counts exactly up to the cap; past it, says "more than" and still ranks every title match first', async () => {
    const page = (title: string, text: string) =>
      call('POST', '/api/pages', users.editor.headers, {
        title,
        body: { root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } },
        _status: 'published',
      })
    for (let i = 1; i <= 4; i++) await page(`Note de terrain ${i}`, `Nous parlons ici du lombricompost (note ${i}).`)
    const titled = await page('Le lombricompost', 'Au jardin partagé, chaque semaine.')
    const titledNoGarden = await page('Lombricompost en ville', 'Sur un balcon.')
    const key = (d: { type: string; id: number }) => `${d.type}:${d.id}`

    const exact = await ok({ q: 'lombricompost', limit: '50' })
    expect(exact).toMatchObject({ totalDocs: 6, totalCapped: false, totalPages: 1 })
    expect(exact.docs.slice(0, 2).map((d) => d.id).sort()).toEqual([titled.doc!.id, titledNoGarden.doc!.id].sort())

    // With a cap of 2: 3 matches read (one more than the cap), plus the title matches.
    const search = async (q: string) => {
      const outcome = await searchSite(ctx.payload, { q, limit: '50' }, { countCap: 2 })
      if (!outcome.ok) throw new Error(outcome.error.message)
      return outcome.result
    }
    const capped = await search('lombricompost')
    expect(capped).toMatchObject({ totalDocs: 2, totalCapped: true, totalPages: 1, hasNextPage: false })
    expect(capped.docs.length).toBeGreaterThanOrEqual(3)
    expect(capped.docs.slice(0, 2).map((d) => d.id).sort()).toEqual([titled.doc!.id, titledNoGarden.doc!.id].sort())
    const ranks = capped.docs.map((d) => d.rank)
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
    // Every candidate is a real match, ranked as in the exact search.
    const exactRank = new Map(exact.docs.map((d) => [key(d), d.rank]))
    for (const d of capped.docs) expect(d.rank).toBe(exactRank.get(key(d)))

    // A title match whose text holds an excluded word stays out.
    const excluding = await search('lombricompost -jardin')
    expect(excluding.docs.map((d) => d.id)).not.toContain(titled.doc!.id)
    expect(excluding.docs[0]!.id).toBe(titledNoGarden.doc!.id)
    // A phrase is still a phrase.
    const phrase = await search('"lombricompost en ville"')
    expect(phrase).toMatchObject({ totalDocs: 1, totalCapped: false })
    expect(phrase.docs.map((d) => d.id)).toEqual([titledNoGarden.doc!.id])
  })

  it('no match is an empty page, not an error', async () => {
    expect(await ok({ q: 'anticonstitutionnellement' })).toMatchObject({ docs: [], totalDocs: 0, totalPages: 0, hasNextPage: false })
  })
})

describe('only published documents, whoever asks', () => {
  const WORD = 'zygomorphe'
  const DRAFT_WORD = 'xylophage'

  const everyone = () => [
    ['anonymous', {}],
    ['integration (API key)', users.integration.headers],
    ['editor', users.editor.headers],
    ['admin', users.admin.headers],
  ] as const

  const found = async (q: string) => {
    const counts = await Promise.all(everyone().map(async ([who, headers]) => [who, (await ok({ q }, headers)).totalDocs] as const))
    return Object.fromEntries(counts)
  }
  const none = { anonymous: 0, 'integration (API key)': 0, editor: 0, admin: 0 }
  const one = { anonymous: 1, 'integration (API key)': 1, editor: 1, admin: 1 }

  it('a draft is never indexed; publishing indexes; a draft over it leaves the published text; unpublishing and deleting remove it', async () => {
    const created = await call('POST', '/api/articles?draft=true', users.editor.headers, { title: `Brouillon ${WORD}`, _status: 'draft' })
    const id = created.doc!.id
    expect(await indexed('articles', id)).toEqual([])
    expect(await found(WORD)).toEqual(none)

    // Autosaved drafts, as the admin does while an editor types.
    await call('PATCH', `/api/articles/${id}?draft=true&autosave=true`, users.editor.headers, { title: `Brouillon ${WORD} encore` })
    expect(await found(WORD)).toEqual(none)

    await call('PATCH', `/api/articles/${id}`, users.editor.headers, { _status: 'published' })
    expect(await indexed('articles', id)).toHaveLength(1)
    expect(await found(WORD)).toEqual(one)

    // A new draft of the published article: the site still shows the published version.
    await call('PATCH', `/api/articles/${id}?draft=true`, users.editor.headers, { title: `Nouveau titre ${DRAFT_WORD}`, _status: 'draft' })
    expect((await indexed('articles', id))[0]?.title).toBe(`Brouillon ${WORD} encore`)
    expect(await found(DRAFT_WORD)).toEqual(none)
    expect(await found(WORD)).toEqual(one)

    // Publishing the draft replaces the indexed text.
    await call('PATCH', `/api/articles/${id}`, users.editor.headers, { _status: 'published' })
    expect(await found(DRAFT_WORD)).toEqual(one)
    expect(await found(WORD)).toEqual(none)

    // Unpublish.
    await call('PATCH', `/api/articles/${id}`, users.editor.headers, { _status: 'draft' })
    expect(await indexed('articles', id)).toEqual([])
    expect(await found(DRAFT_WORD)).toEqual(none)

    await call('PATCH', `/api/articles/${id}`, users.editor.headers, { _status: 'published' })
    expect(await found(DRAFT_WORD)).toEqual(one)
    await call('DELETE', `/api/articles/${id}`, users.editor.headers)
    expect(await indexed('articles', id)).toEqual([])
    expect(await found(DRAFT_WORD)).toEqual(none)
  })

  it('scheduled publication indexes the document when the job publishes it', async () => {
    const created = await call('POST', '/api/themes?draft=true', users.editor.headers, {
      number: 99,
      title: 'Thème programmé ornithorynque',
      axis: (await ctx.payload.find({ collection: 'axes', limit: 1 })).docs[0]!.id,
      _status: 'draft',
    })
    expect(await found('ornithorynque')).toEqual(none)
    await ctx.payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: 'themes', value: created.doc!.id }, user: { relationTo: 'users', value: Number(users.editor.user.id) } },
      waitUntil: new Date(Date.now() - 1000),
    })
    await ctx.payload.jobs.run()
    expect(await found('ornithorynque')).toEqual(one)
  })

  it('partners (no drafts) are indexed when saved and removed when deleted', async () => {
    const partner = await call('POST', '/api/partners', users.editor.headers, { name: 'Coopérative Quetzalcoatl', legalForm: 'scic' })
    const id = partner.doc!.id
    expect((await ok({ q: 'quetzalcoatl' })).docs).toEqual([expect.objectContaining({ type: 'partners', id, url: '/partenaires' })])
    await call('PATCH', `/api/partners/${id}`, users.editor.headers, { name: 'Coopérative Tlaloc' })
    expect((await ok({ q: 'quetzalcoatl' })).totalDocs).toBe(0)
    expect((await ok({ q: 'tlaloc' })).totalDocs).toBe(1)
    await call('DELETE', `/api/partners/${id}`, users.editor.headers)
    expect((await ok({ q: 'tlaloc' })).totalDocs).toBe(0)
  })

  it('follows a page moved in the tree (its address changes)', async () => {
    const parent = await call('POST', '/api/pages', users.editor.headers, { title: 'Rubrique parente', _status: 'published' })
    const child = await call('POST', '/api/pages', users.editor.headers, { title: 'Page enfant anémomètre', parent: parent.doc!.id, _status: 'published' })
    expect((await ok({ q: 'anémomètre' })).docs[0]?.url).toBe('/rubrique-parente/page-enfant-anemometre')
    await call('PATCH', `/api/pages/${parent.doc!.id}`, users.editor.headers, { slug: 'nouvelle-rubrique' })
    expect((await ok({ q: 'anémomètre' })).docs[0]?.url).toBe('/nouvelle-rubrique/page-enfant-anemometre')
    expect(child.doc!.id).toEqual(expect.any(Number))
  })

  it('never returns a row the index kept by mistake for an unpublished document (and drops it)', async () => {
    const draft = await call('POST', '/api/articles?draft=true', users.editor.headers, { title: 'Brouillon fantôme', _status: 'draft' })
    const id = draft.doc!.id
    // As if a hook had been skipped: a row for the draft.
    await sql(
      `INSERT INTO search.documents (collection, doc_id, title, summary, url) VALUES ('articles', $1, 'Brouillon fantôme', 'Texte fantôme', '/articles/x')`,
      [id],
    )
    // And one for a partner that no longer exists (partners have no drafts).
    await sql(`INSERT INTO search.documents (collection, doc_id, title, url) VALUES ('partners', 999999, 'Partenaire fantôme', '/partenaires')`)
    for (const [who, headers] of everyone()) {
      expect((await ok({ q: 'fantôme' }, headers)), who).toMatchObject({ docs: [], totalDocs: 0 })
    }
    expect(await indexed('articles', id)).toEqual([])
    expect(await indexed('partners', 999999)).toEqual([])
  })

  it('skips the index when asked (context.skipSearchIndex), for bulk imports', async () => {
    const doc = await ctx.payload.create({
      collection: 'glossary-terms',
      data: { term: 'Terme importé', slug: 'terme-importe', shortDefinition: 'Import en masse', _status: 'published' },
      context: { skipSearchIndex: true },
    })
    expect(await indexed('glossary-terms', doc.id)).toEqual([])
    await ctx.payload.delete({ collection: 'glossary-terms', id: doc.id })
  })
})

describe('bad queries get a 400 with a French message and a stable code, never a 500', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    ['no q', {}, 'QUERY_EMPTY', 'q'],
    ['empty q', { q: '' }, 'QUERY_EMPTY', 'q'],
    ['blank q', { q: '   ' }, 'QUERY_EMPTY', 'q'],
    ['too long', { q: 'économie '.repeat(30) }, 'QUERY_TOO_LONG', 'q'],
    ['punctuation only', { q: '!!! ?? … «»' }, 'QUERY_NO_WORDS', 'q'],
    ['only stop words', { q: 'de la et' }, 'QUERY_ONLY_STOPWORDS', 'q'],
    ['only an exclusion', { q: '-culture' }, 'QUERY_ONLY_EXCLUSIONS', 'q'],
    ['stop word and exclusion', { q: 'le -culture' }, 'QUERY_ONLY_EXCLUSIONS', 'q'],
    ['unknown type', { q: 'ess', type: 'users' }, 'TYPE_UNKNOWN', 'type'],
    ['bad page', { q: 'ess', page: '0' }, 'PAGE_INVALID', 'page'],
    ['page not a number', { q: 'ess', page: 'deux' }, 'PAGE_INVALID', 'page'],
    ['limit too high', { q: 'ess', limit: '500' }, 'LIMIT_INVALID', 'limit'],
  ]
  for (const [name, params, code, field] of cases) {
    it(name, async () => {
      const { status, body } = await search(params)
      expect(status).toBe(400)
      expect(body.errors).toEqual([{ code, field, message: expect.stringMatching(/^[A-ZÉ].+\.$/) }])
    })
  }

  it('odd characters are searched, not crashed on', async () => {
    for (const q of ['co\u0000op', "l'ESS & \\ ' ; -- DROP TABLE", '"', 'a:b|c!d(e)<f>', '\uD800', '🙂 économie', '* ess *']) {
      const { status, body } = await search({ q })
      expect([200, 400], `${q}: ${JSON.stringify(body)}`).toContain(status)
    }
    expect((await search({ q: "l'ESS & \\ ' ; -- DROP TABLE" })).status).toBe(200)
  })
})
