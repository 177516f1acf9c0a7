/**
 * Who reads and writes content, through REST and GraphQL: anonymous visitors and integration keys
 * see published documents only (lists, by id, by slug, `where` on draft-only values, `?draft=true`,
 * version history, joins, populated relationships, GraphQL); editors write everything editorial;
 * moderators write nothing; integration keys write nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let axisId: number
let counter = 0

type Doc = { id: number; slug: string; title?: string; _status?: string; [key: string]: unknown }
type Editorial = 'projects' | 'axes' | 'themes' | 'articles' | 'pages' | 'glossary-terms'
type Headers = Record<string, string>

const EDITORIAL: Editorial[] = ['projects', 'axes', 'themes', 'articles', 'pages', 'glossary-terms']

const GRAPHQL: Record<Editorial, { one: string; many: string; title: string }> = {
  projects: { one: 'Project', many: 'Projects', title: 'title' },
  axes: { one: 'Axis', many: 'Axes', title: 'title' },
  themes: { one: 'Theme', many: 'Themes', title: 'title' },
  articles: { one: 'Article', many: 'Articles', title: 'title' },
  pages: { one: 'Page', many: 'Pages', title: 'title' },
  'glossary-terms': { one: 'GlossaryTerm', many: 'GlossaryTerms', title: 'term' },
}

/** The smallest valid document of each collection; its title field carries `label`. */
const valid = (collection: Editorial, label: string): Record<string, unknown> => {
  counter++
  switch (collection) {
    case 'axes':
      return { number: 100 + counter, title: label }
    case 'themes':
      return { number: 100 + counter, title: label, axis: axisId }
    case 'glossary-terms':
      return { term: label, shortDefinition: `Définition de ${label}` }
    default:
      return { title: label }
  }
}
const titleField = (collection: Editorial) => GRAPHQL[collection].title

const call = async (method: string, path: string, headers: Headers = {}, body?: unknown) => {
  const res = await ctx.api(path, body === undefined ? { method, headers } : { method, ...json(body, headers) })
  const text = await res.text()
  return { status: res.status, text, body: (text ? JSON.parse(text) : null) as Record<string, unknown> }
}

const create = async (collection: Editorial, data: Record<string, unknown>, draft = false): Promise<Doc> => {
  const res = await call('POST', `/api/${collection}${draft ? '?draft=true' : ''}`, users.editor.headers, {
    ...data,
    _status: draft ? 'draft' : 'published',
  })
  expect(res.status, res.text).toBe(201)
  return res.body.doc as Doc
}

const graphql = async (query: string, headers: Headers = {}) => {
  const res = await call('POST', '/api/graphql', headers, { query })
  return res.body as { data?: Record<string, unknown>; errors?: { message: string }[] }
}

beforeAll(async () => {
  ctx = await bootPayload()
  // The very first account of an installation becomes an admin: create it first, alone.
  await createUser(ctx.payload, 'admin')
  users = await createRoleUsers(ctx)
  const axis = await ctx.payload.create({ collection: 'axes', data: { number: 99, title: 'Axe des tests', slug: 'axe-des-tests', _status: 'published' } })
  axisId = axis.id
})
afterAll(async () => ctx?.close())

describe.each(EDITORIAL)('%s: visitors and integrations see published documents only', (collection) => {
  let published: Doc
  let draftOnly: Doc
  let withDraft: Doc
  const secret = `Brouillon secret ${collection}`
  const draftTitle = `Version non publiée ${collection}`

  beforeAll(async () => {
    published = await create(collection, valid(collection, `Publié ${collection}`))
    draftOnly = await create(collection, valid(collection, secret), true)
    // A published document with a newer, unpublished draft.
    withDraft = await create(collection, valid(collection, `Publié puis modifié ${collection}`))
    const res = await call('PATCH', `/api/${collection}/${withDraft.id}?draft=true`, users.editor.headers, {
      [titleField(collection)]: draftTitle,
      _status: 'draft',
    })
    expect(res.status, res.text).toBe(200)
  })

  const readers = () => [
    ['anonymous', {}] as const,
    ['integration key', users.integration.headers] as const,
  ]

  it('lists, by id and by slug', async () => {
    for (const [who, headers] of readers()) {
      const list = await call('GET', `/api/${collection}?limit=100`, headers)
      expect(list.status, who).toBe(200)
      const ids = (list.body.docs as Doc[]).map((d) => d.id)
      expect(ids, who).toContain(published.id)
      expect(ids, who).toContain(withDraft.id)
      expect(ids, who).not.toContain(draftOnly.id)
      expect(list.text, who).not.toContain(secret)
      expect(list.text, who).not.toContain(draftTitle)

      expect((await call('GET', `/api/${collection}/${published.id}`, headers)).status, who).toBe(200)
      const hidden = await call('GET', `/api/${collection}/${draftOnly.id}`, headers)
      expect(hidden.status, who).toBe(404)
      expect(hidden.text, who).not.toContain(secret)

      const bySlug = await call('GET', `/api/${collection}?where[slug][equals]=${draftOnly.slug}`, headers)
      expect(bySlug.body.totalDocs, who).toBe(0)
    }
  })

  it('does not answer `where` queries on unpublished values, nor `?draft=true`', async () => {
    for (const [who, headers] of readers()) {
      const field = titleField(collection)
      for (const value of [secret, draftTitle]) {
        const res = await call('GET', `/api/${collection}?where[${field}][equals]=${encodeURIComponent(value)}`, headers)
        expect(res.body.totalDocs, `${who} ${value}`).toBe(0)
        const like = await call('GET', `/api/${collection}?draft=true&where[${field}][like]=${encodeURIComponent(value)}`, headers)
        expect(like.text, who).not.toContain(value)
      }
      const drafts = await call('GET', `/api/${collection}?draft=true&limit=100`, headers)
      expect(drafts.text, who).not.toContain(secret)
      expect(drafts.text, who).not.toContain(draftTitle)
      const one = await call('GET', `/api/${collection}/${withDraft.id}?draft=true`, headers)
      expect(one.status, who).toBe(200)
      expect(one.body[field], who).toBe(`Publié puis modifié ${collection}`)
      expect((await call('GET', `/api/${collection}/${draftOnly.id}?draft=true`, headers)).status, who).toBe(404)
    }
  })

  it('keeps the version history (which holds drafts) to staff', async () => {
    for (const [who, headers] of readers()) {
      const res = await call('GET', `/api/${collection}/versions?limit=100`, headers)
      expect(res.status, who).toBe(403)
      expect(res.text, who).not.toContain(secret)
    }
    const moderator = await call('GET', `/api/${collection}/versions?limit=100`, users.moderator.headers)
    expect(moderator.status).toBe(403)
    const editor = await call('GET', `/api/${collection}/versions?limit=100`, users.editor.headers)
    expect(editor.status).toBe(200)
    expect(editor.text).toContain(draftTitle)
  })

  it('answers GraphQL with published documents only', async () => {
    const { one, many, title } = GRAPHQL[collection]
    for (const [who, headers] of readers()) {
      const list = await graphql(`{ ${many}(limit: 100) { docs { id ${title} } } }`, headers)
      const docs = (list.data?.[many] as { docs: { id: number }[] }).docs
      expect(docs.map((d) => d.id), who).not.toContain(draftOnly.id)
      expect(docs.map((d) => d.id), who).toContain(published.id)
      expect(JSON.stringify(list), who).not.toContain(draftTitle)

      const hidden = await graphql(`{ ${one}(id: ${draftOnly.id}) { id ${title} } }`, headers)
      expect(hidden.data?.[one] ?? null, who).toBeNull()
      expect(JSON.stringify(hidden), who).not.toContain(secret)

      const drafts = await graphql(`{ ${many}(draft: true, where: { ${title}: { equals: "${secret}" } }) { docs { id } } }`, headers)
      expect(JSON.stringify(drafts), who).not.toContain(String(draftOnly.id) + '}')
      expect((drafts.data?.[many] as { docs: unknown[] } | undefined)?.docs ?? [], who).toHaveLength(0)
      const withDraftGql = await graphql(`{ ${one}(id: ${withDraft.id}, draft: true) { ${title} } }`, headers)
      expect((withDraftGql.data?.[one] as Record<string, string>)[title], who).toBe(`Publié puis modifié ${collection}`)
    }
    const editor = await graphql(`{ ${one}(id: ${draftOnly.id}, draft: true) { ${title} } }`, users.editor.headers)
    expect((editor.data?.[one] as Record<string, string>)[title]).toBe(secret)
  })

  it('lets staff and moderators read drafts', async () => {
    for (const role of ['admin', 'editor', 'moderator'] as const) {
      const res = await call('GET', `/api/${collection}/${draftOnly.id}?draft=true`, users[role].headers)
      expect(res.status, role).toBe(200)
    }
  })

  it('lets an editor create, update and delete; moderators and integrations write nothing', async () => {
    const path = `/api/${collection}`
    for (const role of ['moderator', 'integration'] as const) {
      const headers = users[role].headers
      const created = await call('POST', path, headers, { ...valid(collection, `Essai ${role}`), _status: 'published' })
      expect(created.status, role).toBe(403)
      const updated = await call('PATCH', `${path}/${published.id}`, headers, { [titleField(collection)]: 'Piraté' })
      expect(updated.status, role).toBe(403)
      expect((await call('DELETE', `${path}/${published.id}`, headers)).status, role).toBe(403)
    }
    expect((await call('POST', path, {}, valid(collection, 'Anonyme'))).status).toBe(403)
    expect((await call('DELETE', `${path}/${published.id}`)).status).toBe(403)
    const stored = await call('GET', `${path}/${published.id}`)
    expect(stored.body[titleField(collection)]).toBe(`Publié ${collection}`)

    const doc = await create(collection, valid(collection, `Rédaction ${collection}`))
    const updated = await call('PATCH', `${path}/${doc.id}`, users.editor.headers, { [titleField(collection)]: `Relu ${collection}` })
    expect(updated.status, updated.text).toBe(200)
    expect((await call('GET', `${path}/${doc.id}`)).body[titleField(collection)]).toBe(`Relu ${collection}`)
    expect((await call('DELETE', `${path}/${doc.id}`, users.editor.headers)).status).toBe(200)
    expect((await call('GET', `${path}/${doc.id}`, users.editor.headers)).status).toBe(404)
  })
})

describe.each(['tags', 'partners'] as const)('%s (no drafts): public reading, staff writing', (collection) => {
  it('is readable by anyone and writable by editors only', async () => {
    const data = { name: `Référence ${collection}` }
    for (const role of ['moderator', 'integration'] as const) {
      expect((await call('POST', `/api/${collection}`, users[role].headers, data)).status, role).toBe(403)
    }
    expect((await call('POST', `/api/${collection}`, {}, data)).status).toBe(403)

    const created = await call('POST', `/api/${collection}`, users.editor.headers, data)
    expect(created.status, created.text).toBe(201)
    const id = (created.body.doc as Doc).id
    for (const headers of [{}, users.integration.headers]) {
      const read = await call('GET', `/api/${collection}/${id}`, headers)
      expect(read.status).toBe(200)
      expect(read.body.name).toBe(data.name)
    }
    const gql = await graphql(`{ ${collection === 'tags' ? 'Tags' : 'Partners'} { docs { name } } }`)
    expect(JSON.stringify(gql)).toContain(data.name)

    for (const role of ['moderator', 'integration'] as const) {
      expect((await call('PATCH', `/api/${collection}/${id}`, users[role].headers, { name: 'Piraté' })).status, role).toBe(403)
      expect((await call('DELETE', `/api/${collection}/${id}`, users[role].headers)).status, role).toBe(403)
    }
    expect((await call('PATCH', `/api/${collection}/${id}`, users.editor.headers, { name: 'Renommé' })).status).toBe(200)
    expect((await call('DELETE', `/api/${collection}/${id}`, users.editor.headers)).status).toBe(200)
  })
})

describe('joins and populated relationships do not reveal drafts', () => {
  it('hides a draft theme from its axis and a draft project from its carrying structure', async () => {
    const partner = await ctx.payload.create({ collection: 'partners', data: { name: 'Structure des tests', slug: 'structure-des-tests' } })
    const axis = await create('axes', valid('axes', 'Axe avec un brouillon'))
    const draftTheme = await create('themes', { ...valid('themes', 'Thème secret'), axis: axis.id }, true)
    const publicTheme = await create('themes', { ...valid('themes', 'Thème public'), axis: axis.id })
    const draftProject = await create('projects', { title: 'Projet secret', carryingStructure: partner.id }, true)
    const publicProject = await create('projects', {
      title: 'Projet public',
      carryingStructure: partner.id,
      relatedProjects: [draftProject.id],
    })

    for (const headers of [{}, users.integration.headers]) {
      const axisRes = await call('GET', `/api/axes/${axis.id}?depth=1`, headers)
      const themeIds = (axisRes.body.themes as { docs: { id: number }[] }).docs.map((t) => t.id)
      expect(themeIds).toEqual([publicTheme.id])
      expect(axisRes.text).not.toContain('Thème secret')
      expect(themeIds).not.toContain(draftTheme.id)

      const partnerRes = await call('GET', `/api/partners/${partner.id}?depth=1`, headers)
      const projectIds = (partnerRes.body.projects as { docs: { id: number }[] }).docs.map((p) => p.id)
      expect(projectIds).toEqual([publicProject.id])
      expect(partnerRes.text).not.toContain('Projet secret')

      const projectRes = await call('GET', `/api/projects/${publicProject.id}?depth=2`, headers)
      expect(projectRes.status).toBe(200)
      expect(projectRes.text).not.toContain('Projet secret')
    }
    const editorView = await call('GET', `/api/axes/${axis.id}?depth=1`, users.editor.headers)
    expect((editorView.body.themes as { docs: unknown[] }).docs).toHaveLength(2)
  })
})

describe('globals: public reading, staff writing', () => {
  it.each(['site-settings', 'navigation'] as const)('%s', async (slug) => {
    for (const headers of [{}, users.integration.headers]) {
      expect((await call('GET', `/api/globals/${slug}`, headers)).status).toBe(200)
    }
    const data = slug === 'site-settings' ? { tagline: 'Nouvelle accroche' } : { header: [] }
    const refused = [
      ['anonymous', {}],
      ['integration', users.integration.headers],
      // A moderator saves the site settings for the anti-spam rules only (settings-access.test.ts).
      ...(slug === 'navigation' ? ([['moderator', users.moderator.headers]] as const) : []),
    ] as const
    for (const [who, headers] of refused) {
      expect((await call('POST', `/api/globals/${slug}`, headers, data)).status, who).toBe(403)
    }
    if (slug === 'site-settings') {
      await call('POST', `/api/globals/${slug}`, users.moderator.headers, data)
      expect((await call('GET', `/api/globals/${slug}`, {})).body.tagline).not.toBe('Nouvelle accroche')
    }
    const res = await call('POST', `/api/globals/${slug}`, users.editor.headers, data)
    expect(res.status, res.text).toBe(200)
  })
})
