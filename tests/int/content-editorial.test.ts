/**
 * The editorial workflow around the content model: scheduled publication, page tree paths,
 * duplicated documents, publication dates, live preview addresses and generated SEO fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Page } from '../../src/payload-types'
import { siteOrigin } from '../../src/lib/site-paths'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser, json, type TestUser } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let editor: TestUser

const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
  const res = await ctx.api(path, body === undefined ? { method, headers } : { method, ...json(body, headers) })
  const text = await res.text()
  return { status: res.status, text, body: (text ? JSON.parse(text) : null) as Record<string, unknown> }
}

beforeAll(async () => {
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  users = await createRoleUsers(ctx)
  editor = users.editor.user
})
afterAll(async () => ctx?.close())

describe('scheduled publication', () => {
  it('publishes a draft when its scheduled time has come', async () => {
    const draft = await call('POST', '/api/articles?draft=true', users.editor.headers, { title: 'Annonce programmée', _status: 'draft' })
    expect(draft.status, draft.text).toBe(201)
    const id = (draft.body.doc as { id: number }).id
    expect((await call('GET', `/api/articles/${id}`)).status).toBe(404)

    // What the admin's "Programmer la publication" drawer queues.
    await ctx.payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: id },
        user: { relationTo: 'users', value: Number(editor.id) },
      },
      waitUntil: new Date(Date.now() - 1000),
    })
    await ctx.payload.jobs.run()

    const published = await call('GET', `/api/articles/${id}`)
    expect(published.status).toBe(200)
    expect(published.body._status).toBe('published')
    expect(published.body.publishedAt).toEqual(expect.any(String))
  })

  it('runs the job queue every minute inside the server', () => {
    const autoRun = ctx.payload.config.jobs.autoRun
    expect(Array.isArray(autoRun) ? autoRun : []).toContainEqual(expect.objectContaining({ cron: '* * * * *', queue: 'default' }))
  })
})

describe('page tree', () => {
  it('builds breadcrumbs from the slugs and updates them when a parent is renamed', async () => {
    const create = async (title: string, parent?: number) => {
      const res = await call('POST', '/api/pages', users.editor.headers, { title, parent, _status: 'published' })
      expect(res.status, res.text).toBe(201)
      return res.body.doc as Page
    }
    const root = await create('Le Labo de l’ESS')
    const child = await create('Présentation', root.id)
    const grandchild = await create('L’histoire du Labo de l’ESS', child.id)
    expect((grandchild.breadcrumbs ?? []).map((b) => b.url)).toEqual([
      '/le-labo-de-l-ess',
      '/le-labo-de-l-ess/presentation',
      '/le-labo-de-l-ess/presentation/l-histoire-du-labo-de-l-ess',
    ])

    const renamed = await call('PATCH', `/api/pages/${root.id}`, users.editor.headers, { slug: 'labo' })
    expect(renamed.status, renamed.text).toBe(200)
    const after = (await call('GET', `/api/pages/${grandchild.id}`)).body as unknown as Page
    expect(after.breadcrumbs?.at(-1)?.url).toBe('/labo/presentation/l-histoire-du-labo-de-l-ess')
  })

  it('refuses a page as its own parent', async () => {
    const page = await call('POST', '/api/pages', users.editor.headers, { title: 'Boucle', _status: 'published' })
    const id = (page.body.doc as { id: number }).id
    const res = await call('PATCH', `/api/pages/${id}`, users.editor.headers, { parent: id })
    expect(res.status).toBe(400)
  })
})

describe('editing conveniences', () => {
  it('gives a duplicated document a free slug', async () => {
    const original = await call('POST', '/api/projects', users.editor.headers, { title: 'Projet à dupliquer', _status: 'published' })
    const id = (original.body.doc as { id: number }).id
    const copy = await call('POST', `/api/projects/${id}/duplicate`, users.editor.headers, {})
    expect(copy.status, copy.text).toBe(200)
    expect(copy.body.doc).toMatchObject({ slug: 'projet-a-dupliquer-copie', _status: 'draft', publishedAt: null })
    const again = await call('POST', `/api/projects/${id}/duplicate`, users.editor.headers, {})
    expect((again.body.doc as { slug: string }).slug).toBe('projet-a-dupliquer-copie-2')
  })

  it('stamps the publication date on first publication only', async () => {
    const draft = await call('POST', '/api/themes?draft=true', users.editor.headers, {
      number: 7,
      title: 'Thème daté',
      axis: (await ctx.payload.create({ collection: 'axes', data: { number: 7, title: 'Axe daté', slug: 'axe-date', _status: 'published' } })).id,
      _status: 'draft',
    })
    const id = (draft.body.doc as { id: number }).id
    expect((draft.body.doc as { publishedAt?: string }).publishedAt ?? null).toBeNull()
    const published = await call('PATCH', `/api/themes/${id}`, users.editor.headers, { _status: 'published' })
    const stamped = (published.body.doc as { publishedAt: string }).publishedAt
    expect(Date.now() - Date.parse(stamped)).toBeLessThan(60_000)
    const edited = await call('PATCH', `/api/themes/${id}`, users.editor.headers, { title: 'Thème daté, revu', _status: 'published' })
    expect((edited.body.doc as { publishedAt: string }).publishedAt).toBe(stamped)
  })
})

describe('live preview and SEO', () => {
  it('previews each document at its public address', async () => {
    const urlOf = async (collection: 'projects' | 'axes' | 'themes' | 'articles' | 'glossary-terms' | 'pages', data: Record<string, unknown>) => {
      const livePreview = ctx.payload.collections[collection].config.admin.livePreview
      const url = livePreview?.url
      if (typeof url !== 'function') throw new Error(`no live preview on ${collection}`)
      const req = { payload: ctx.payload } as Parameters<typeof url>[0]['req']
      return url({ data, req, payload: ctx.payload, locale: { code: 'fr', label: 'Français' } })
    }
    const base = siteOrigin()
    // Through /apercu, which turns draft mode on for a logged-in editor.
    const preview = (path: string) => `${base}/apercu?chemin=${encodeURIComponent(path)}`
    expect(await urlOf('projects', { slug: 'un-projet' })).toBe(preview('/projets/un-projet'))
    expect(await urlOf('axes', { slug: 'organiser' })).toBe(preview('/axes/organiser'))
    expect(await urlOf('themes', { slug: 'un-theme' })).toBe(preview('/themes/un-theme'))
    expect(await urlOf('articles', { slug: 'un-article' })).toBe(preview('/articles/un-article'))
    expect(await urlOf('glossary-terms', { slug: 'ess' })).toBe(preview('/glossaire/ess'))
    expect(await urlOf('pages', { slug: 'presentation', breadcrumbs: [{ url: '/le-labo-de-l-ess' }, { url: '/le-labo-de-l-ess/presentation' }] })).toBe(
      preview('/le-labo-de-l-ess/presentation'),
    )
    expect(await urlOf('projects', {})).toBeNull()
  })

  it('generates French SEO titles and descriptions', async () => {
    const project = await call('POST', '/api/projects', users.editor.headers, {
      title: 'Des lieux pour accueillir l’ESS',
      summary: 'Soutien à la stratégie de développement des lieux physiques et virtuels au service de l’ESS',
      _status: 'published',
    })
    const doc = project.body.doc as Record<string, unknown>
    const title = await call('POST', '/api/plugin-seo/generate-title', users.editor.headers, { collectionSlug: 'projects', id: doc.id, doc })
    expect(title.status, title.text).toBe(200)
    expect(title.body.result).toBe('Des lieux pour accueillir l’ESS — Le Labo de l’ESS')
    const description = await call('POST', '/api/plugin-seo/generate-description', users.editor.headers, {
      collectionSlug: 'projects',
      id: doc.id,
      doc,
    })
    expect(description.body.result).toBe('Soutien à la stratégie de développement des lieux physiques et virtuels au service de l’ESS')

    const themeTitle = await call('POST', '/api/plugin-seo/generate-title', users.editor.headers, {
      collectionSlug: 'themes',
      doc: { number: 3, title: 'Développer coopérations et partenariats' },
    })
    expect(themeTitle.body.result).toBe('Thème 3 : Développer coopérations et partenariats — Le Labo de l’ESS')
    // Not for visitors.
    expect((await call('POST', '/api/plugin-seo/generate-title', {}, { collectionSlug: 'projects', doc })).status).toBeGreaterThanOrEqual(401)
  })
})
