/**
 * The official client, @payloadcms/sdk, against the REST API over real HTTP, as an integrator
 * uses it (README, « Intégrations / API »): published articles, a project by its slug, the
 * search endpoint, anonymously and with an API key; drafts stay out of reach.
 */
import { PayloadSDK, PayloadSDKError } from '@payloadcms/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Config } from '../../src/payload-types'
import { mainProject } from '../../src/seed/data/projects'
import { seed } from '../../src/seed'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let anonymous: PayloadSDK<Config>
let withKey: PayloadSDK<Config>

type SearchBody = { docs: { type: string; title: string; url: string }[]; totalDocs: number }

beforeAll(async () => {
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  users = await createRoleUsers(ctx)
  await seed(ctx.payload)
  await ctx.payload.create({ collection: 'articles', draft: true, data: { title: 'Brouillon confidentiel du SDK', rubrique: 'actualites', _status: 'draft' } })
  anonymous = new PayloadSDK<Config>({ baseURL: `${ctx.url}/api` })
  withKey = new PayloadSDK<Config>({ baseURL: `${ctx.url}/api`, baseInit: { headers: users.integration.headers } })
})
afterAll(async () => ctx?.close())

describe('@payloadcms/sdk against the running server', () => {
  it('lists the published articles, newest first', async () => {
    for (const sdk of [anonymous, withKey]) {
      const page = await sdk.find({ collection: 'articles', where: { _status: { equals: 'published' } }, sort: '-publishedAt', limit: 10, depth: 0 })
      expect(page.totalDocs).toBe(2)
      expect(page.docs.map((a) => a.title)).not.toContain('Brouillon confidentiel du SDK')
      const dates = page.docs.map((a) => a.publishedAt ?? '')
      expect([...dates].sort().reverse()).toEqual(dates)
      expect(page.docs.every((a) => a._status === 'published')).toBe(true)
    }
    // Without the filter, the API applies the same rule.
    const all = await anonymous.find({ collection: 'articles', limit: 50, depth: 0 })
    expect(all.docs.map((a) => a.title)).not.toContain('Brouillon confidentiel du SDK')
  })

  it('fetches a project by its slug, its relations populated', async () => {
    const { docs } = await withKey.find({ collection: 'projects', where: { slug: { equals: mainProject.slug } }, limit: 1, depth: 1 })
    expect(docs).toHaveLength(1)
    const project = docs[0]!
    expect(project.title).toBe(mainProject.title)
    expect(project.year).toBe(mainProject.year)
    const domains = (project.domains ?? []).map((d) => (typeof d === 'object' ? d.name : d))
    expect(domains).toEqual(['Éducation', 'Culture', 'Promotion ESS'])
    const byId = await anonymous.findByID({ collection: 'projects', id: project.id, depth: 0 })
    expect(byId.slug).toBe(mainProject.slug)
  })

  it('searches through the custom endpoint', async () => {
    const res = await anonymous.request({ method: 'GET', path: `/search?${new URLSearchParams({ q: 'lieux accueillir', type: 'projects' })}` })
    expect(res.status).toBe(200)
    const body = (await res.json()) as SearchBody
    expect(body.docs[0]).toMatchObject({ type: 'projects', title: mainProject.title, url: `/projets/${mainProject.slug}` })
  })

  it('gets the French error and its code when something is missing', async () => {
    const error = await anonymous.findByID({ collection: 'projects', id: 987654 }).catch((err: unknown) => err)
    expect(error).toBeInstanceOf(PayloadSDKError)
    const sdkError = error as PayloadSDKError
    expect(sdkError.status).toBe(404)
    expect(sdkError.errors[0]).toMatchObject({ code: 'not_found', message: expect.stringMatching(/introuvable|trouv/i) })
  })

  it('cannot write with an API key', async () => {
    const error = await withKey.create({ collection: 'tags', data: { name: 'Intrus', kind: 'mot-cle', slug: 'intrus' } }).catch((err: unknown) => err)
    expect((error as PayloadSDKError).status).toBe(403)
    expect((error as PayloadSDKError).errors[0]).toMatchObject({ code: 'forbidden' })
  })
})
