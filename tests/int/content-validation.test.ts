/**
 * Bad input is refused with a 400, a field-level French message, and nothing saved: duplicate
 * slugs, a theme without an axis, duplicate theme and axis numbers, dates in the wrong format,
 * references to missing documents, and addresses that are not http(s) — in url fields and in
 * rich-text links (no `javascript:` anywhere).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MESSAGES } from '../../src/fields/messages'
import { richText } from '../../src/seed/lexical'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser, json } from '../helpers/users'

let ctx: TestContext
let headers: Record<string, string>
let axisId: number
let partnerId: number

type FieldError = { path: string; message: string }
type Counted = 'projects' | 'axes' | 'themes' | 'articles' | 'pages' | 'glossary-terms' | 'partners' | 'tags'

const call = async (method: string, path: string, body: unknown) => {
  const res = await ctx.api(path, { method, ...json(body, headers) })
  const text = await res.text()
  return { status: res.status, text, body: JSON.parse(text) as Record<string, unknown> }
}

/** The field errors of a ValidationError response. */
const fieldErrors = (body: Record<string, unknown>): FieldError[] => {
  const errors = (body.errors ?? []) as { data?: { errors?: FieldError[] } }[]
  return errors.flatMap((e) => e.data?.errors ?? [])
}

const count = async (collection: Counted) => (await ctx.payload.count({ collection })).totalDocs

/** Sends the request and checks: 400, `message` at `path`, and no new document. */
const expectRejected = async (
  collection: Counted,
  method: 'POST' | 'PATCH',
  path: string,
  data: Record<string, unknown>,
  expected: { path: string; message: string | RegExp },
) => {
  const before = await count(collection)
  const res = await call(method, path, data)
  expect(res.status, res.text).toBe(400)
  const errors = fieldErrors(res.body)
  const match = errors.find((e) => e.path === expected.path)
  expect(match, `no error at ${expected.path}: ${res.text}`).toBeDefined()
  if (typeof expected.message === 'string') expect(match!.message).toBe(expected.message)
  else expect(match!.message).toMatch(expected.message)
  expect(await count(collection)).toBe(before)
  return res
}

const publish = (data: Record<string, unknown>) => ({ ...data, _status: 'published' })

beforeAll(async () => {
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  headers = (await createRoleUsers(ctx)).editor.headers
  const axis = await call('POST', '/api/axes', publish({ number: 1, title: 'Organiser' }))
  expect(axis.status, axis.text).toBe(201)
  axisId = (axis.body.doc as { id: number }).id
  const theme = await call('POST', '/api/themes', publish({ number: 3, title: 'Thème trois', axis: axisId }))
  expect(theme.status, theme.text).toBe(201)
  const partner = await call('POST', '/api/partners', { name: 'Le Labo de l’ESS' })
  expect(partner.status, partner.text).toBe(201)
  partnerId = (partner.body.doc as { id: number }).id
  const project = await call('POST', '/api/projects', publish({ title: 'Culture & ESS' }))
  expect(project.status, project.text).toBe(201)
  expect((project.body.doc as { slug: string }).slug).toBe('culture-et-ess')
})
afterAll(async () => ctx?.close())

describe('slugs', () => {
  it('generates the slug from the title and keeps an edited one', async () => {
    const res = await call('POST', '/api/articles', publish({ title: 'Agir contre la précarité alimentaire' }))
    expect((res.body.doc as { slug: string }).slug).toBe('agir-contre-la-precarite-alimentaire')
    const id = (res.body.doc as { id: number }).id
    const renamed = await call('PATCH', `/api/articles/${id}`, { title: 'Un autre titre' })
    expect((renamed.body.doc as { slug: string }).slug).toBe('agir-contre-la-precarite-alimentaire')
    const edited = await call('PATCH', `/api/articles/${id}`, { slug: 'precarite-alimentaire' })
    expect((edited.body.doc as { slug: string }).slug).toBe('precarite-alimentaire')
  })

  it('refuses a duplicate slug, typed or generated, published or draft, on create and on update', async () => {
    const taken = { path: 'slug', message: MESSAGES.slugTaken }
    await expectRejected('projects', 'POST', '/api/projects', publish({ title: 'Autre', slug: 'culture-et-ess' }), taken)
    // "Culture et ESS" also gives culture-et-ess.
    await expectRejected('projects', 'POST', '/api/projects', publish({ title: 'Culture et ESS' }), taken)
    await expectRejected('projects', 'POST', '/api/projects?draft=true', { title: 'Culture & ESS', _status: 'draft' }, taken)

    const other = await call('POST', '/api/projects', publish({ title: 'Un autre projet' }))
    const id = (other.body.doc as { id: number }).id
    await expectRejected('projects', 'PATCH', `/api/projects/${id}`, { slug: 'culture-et-ess' }, taken)
    await expectRejected('projects', 'PATCH', `/api/projects/${id}?draft=true`, { slug: 'culture-et-ess', _status: 'draft' }, taken)
    expect((await ctx.payload.findByID({ collection: 'projects', id })).slug).toBe('un-autre-projet')

    // Collections without drafts too.
    expect((await call('POST', '/api/tags', { name: 'Culture', kind: 'domaine' })).status).toBe(201)
    await expectRejected('tags', 'POST', '/api/tags', { name: 'culture', kind: 'domaine' }, taken)
  })

  it('refuses a slug with capitals, accents or spaces', async () => {
    for (const slug of ['Culture', 'économie', 'deux mots', 'fin-', 'a--b']) {
      await expectRejected('pages', 'POST', '/api/pages', publish({ title: 'Une page', slug }), {
        path: 'slug',
        message: MESSAGES.slugFormat,
      })
    }
  })
})

describe('themes and axes', () => {
  it('refuses a theme without an axis', async () => {
    await expectRejected('themes', 'POST', '/api/themes', publish({ number: 20, title: 'Sans axe' }), {
      path: 'axis',
      message: 'Ce champ est requis.',
    })
    await expectRejected('themes', 'POST', '/api/themes?draft=true', { number: 21, title: 'Sans axe', _status: 'draft' }, {
      path: 'axis',
      message: 'Ce champ est requis.',
    })
  })

  it('refuses a theme number or an axis number already used', async () => {
    await expectRejected('themes', 'POST', '/api/themes', publish({ number: 3, title: 'Encore un trois', axis: axisId }), {
      path: 'number',
      message: MESSAGES.themeNumberTaken,
    })
    await expectRejected('axes', 'POST', '/api/axes', publish({ number: 1, title: 'Encore un', slug: 'encore-un' }), {
      path: 'number',
      message: MESSAGES.axisNumberTaken,
    })
    // Changing a theme's own other fields keeps its number valid.
    const themes = await ctx.payload.find({ collection: 'themes', where: { number: { equals: 3 } } })
    const res = await call('PATCH', `/api/themes/${themes.docs[0]!.id}`, { title: 'Thème trois, revu' })
    expect(res.status, res.text).toBe(200)
  })
})

describe('dates', () => {
  it.each(['31/12/2016', 'Septembre 2017', '2016-02-30', '2016-13-01', 'hier'])('refuses « %s »', async (value) => {
    await expectRejected('articles', 'POST', '/api/articles', publish({ title: `Date ${value}`, publishedAt: value }), {
      path: 'publishedAt',
      message: MESSAGES.dateInvalid(value),
    })
  })

  it('refuses a badly written convention date and a source date', async () => {
    await expectRejected(
      'projects',
      'POST',
      '/api/projects',
      publish({ title: 'Dates', conventionDates: [{ date: '2017-09-01' }, { date: 'Juin 2018' }] }),
      { path: 'conventionDates.1.date', message: MESSAGES.dateInvalid('Juin 2018') },
    )
    await expectRejected('articles', 'POST', '/api/articles', publish({ title: 'Source', source: { publishedOn: '22 novembre' } }), {
      path: 'source.publishedOn',
      message: MESSAGES.dateInvalid('22 novembre'),
    })
  })

  it('accepts ISO dates', async () => {
    const res = await call(
      'POST',
      '/api/projects',
      publish({ title: 'Dates valides', conventionDates: [{ date: '2017-09-01' }, { date: '2018-06-01T12:00:00.000Z' }] }),
    )
    expect(res.status, res.text).toBe(201)
  })
})

describe('references to missing documents', () => {
  it('refuses a missing carrying structure, domain, axis, cover or related content', async () => {
    const missing = /^Document introuvable : « .+ » n° 999999 n’existe pas \(ou plus\)\.$/
    await expectRejected('projects', 'POST', '/api/projects', publish({ title: 'Orphelin', carryingStructure: 999999 }), {
      path: 'carryingStructure',
      message: missing,
    })
    await expectRejected('projects', 'POST', '/api/projects', publish({ title: 'Orphelin', domains: [999999] }), {
      path: 'domains',
      message: missing,
    })
    await expectRejected('projects', 'POST', '/api/projects', publish({ title: 'Orphelin', cover: 999999 }), {
      path: 'cover',
      message: missing,
    })
    await expectRejected('themes', 'POST', '/api/themes', publish({ number: 30, title: 'Orphelin', axis: 999999 }), {
      path: 'axis',
      message: missing,
    })
    await expectRejected(
      'articles',
      'POST',
      '/api/articles',
      publish({ title: 'Orphelin', relatedContent: [{ relationTo: 'projects', value: 999999 }] }),
      { path: 'relatedContent', message: missing },
    )
    await expectRejected('projects', 'POST', '/api/projects', publish({ title: 'Orphelin', carryingStructure: 'abc' }), {
      path: 'carryingStructure',
      message: MESSAGES.relationInvalidId('abc'),
    })
    const ok = await call('POST', '/api/projects', publish({ title: 'Porté', carryingStructure: partnerId }))
    expect(ok.status, ok.text).toBe(201)
  })

  it('refuses a missing document in a menu', async () => {
    const res = await call('POST', '/api/globals/navigation', {
      header: [{ label: 'Perdu', link: { type: 'internal', reference: { relationTo: 'pages', value: 999999 } } }],
    })
    expect(res.status, res.text).toBe(400)
    expect(fieldErrors(res.body)[0]).toMatchObject({ path: 'header.0.link.reference' })
    expect(fieldErrors(res.body)[0]!.message).toMatch(/^Document introuvable/)
    expect((await ctx.payload.findGlobal({ slug: 'navigation' })).header ?? []).toHaveLength(0)
  })
})

describe('addresses: http(s) only', () => {
  const BAD = ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'ftp://exemple.org', 'www.exemple.org']

  it.each(BAD)('refuses « %s » in url fields', async (url) => {
    await expectRejected('partners', 'POST', '/api/partners', { name: 'Site', website: url }, { path: 'website', message: MESSAGES.urlInvalid })
    await expectRejected(
      'partners',
      'POST',
      '/api/partners',
      { name: 'Réseaux', socialLinks: [{ network: 'twitter', url }] },
      { path: 'socialLinks.0.url', message: MESSAGES.urlInvalid },
    )
    await expectRejected('articles', 'POST', '/api/articles', publish({ title: 'Source', source: { url } }), {
      path: 'source.url',
      message: MESSAGES.urlInvalid,
    })
    await expectRejected(
      'themes',
      'POST',
      '/api/themes',
      publish({ number: 40, title: 'Groupe', axis: axisId, workingGroup: { link: url } }),
      { path: 'workingGroup.link', message: MESSAGES.urlOrPathInvalid },
    )
  })

  it('refuses a `javascript:` link or a protocol-relative address in a menu', async () => {
    for (const url of ['javascript:alert(1)', '//exemple.org/piege']) {
      const res = await call('POST', '/api/globals/site-settings', { socialLinks: [{ network: 'youtube', url }] })
      expect(res.status).toBe(400)
      expect(fieldErrors(res.body)[0]).toMatchObject({ path: 'socialLinks.0.url', message: MESSAGES.urlInvalid })
      const nav = await call('POST', '/api/globals/navigation', { footer: [{ label: 'Piège', link: { type: 'custom', url } }] })
      expect(nav.status).toBe(400)
      expect(fieldErrors(nav.body)[0]).toMatchObject({ path: 'footer.0.link.url', message: MESSAGES.urlOrPathInvalid })
    }
    const ok = await call('POST', '/api/globals/navigation', { footer: [{ label: 'Glossaire', link: { type: 'custom', url: '/glossaire' } }] })
    expect(ok.status, ok.text).toBe(200)
  })

  it.each(['javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x'])(
    'refuses a rich-text link to « %s »',
    async (url) => {
      const body = richText(`Un [lien piégé](https://exemple.org) dans le texte.`)
      const link = (body.root.children[0]!.children as { type: string; fields?: { url: string } }[]).find((n) => n.type === 'link')!
      link.fields!.url = url
      await expectRejected('projects', 'POST', '/api/projects', publish({ title: 'Piège', context: body }), {
        path: 'context',
        message: MESSAGES.linkInvalid,
      })
      // An automatic link too, and in a draft.
      const auto = structuredClone(body)
      ;(auto.root.children[0]!.children as { type: string }[]).find((n) => n.type === 'link')!.type = 'autolink'
      await expectRejected('articles', 'POST', '/api/articles?draft=true', { title: 'Piège', body: auto, _status: 'draft' }, {
        path: 'body',
        message: MESSAGES.linkInvalid,
      })
    },
  )

  it('refuses an internal link that carries a `javascript:` address', async () => {
    const body = richText('Voir [le projet](https://exemple.org).')
    const link = (body.root.children[0]!.children as { type: string; fields?: Record<string, unknown> }[]).find((n) => n.type === 'link')!
    const project = await ctx.payload.find({ collection: 'projects', limit: 1 })
    link.fields = { linkType: 'internal', doc: { relationTo: 'projects', value: project.docs[0]!.id }, url: 'javascript:alert(1)' }
    await expectRejected('pages', 'POST', '/api/pages', publish({ title: 'Lien interne piégé', body }), {
      path: 'body',
      message: MESSAGES.linkInvalid,
    })
    delete link.fields.url
    const res = await call('POST', '/api/pages', publish({ title: 'Lien interne', body }))
    expect(res.status, res.text).toBe(201)
  })

  it('accepts http(s), mailto and internal links in rich text', async () => {
    const body = richText(
      'Voir [le site](https://www.lelabo-ess.org), [écrire](mailto:contact@lelabo-ess.org), [le glossaire](/glossaire) et [plus bas](#contexte).',
    )
    const res = await call('POST', '/api/projects', publish({ title: 'Liens sûrs', context: body }))
    expect(res.status, res.text).toBe(201)
  })
})
