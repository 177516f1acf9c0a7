/**
 * The lifecycle of an integration key, through REST over HTTP: an admin creates the account with
 * its key; the key reads what a visitor reads (published only), plus the drafts an admin grants;
 * its last use is recorded (at most once a minute); it never writes, anywhere; revoked, it gets
 * 401 on the very next request; rotated, the old key is dead and the new one works.
 */
import { randomBytes } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { API_KEY_MESSAGES, KEY_MESSAGES } from '../../src/plugins/api-keys'
import { bootPayload, type TestContext } from '../helpers/payload'
import { authHeaders, createUser, json, type TestUser } from '../helpers/users'

let ctx: TestContext
let admin: Record<string, string>
let editorUser: TestUser
let editor: Record<string, string>
let published: { id: number; slug: string }
let draft: { id: number; slug: string }

type Headers = Record<string, string>

const newKey = () => randomBytes(24).toString('hex')
const keyHeaders = (key: string): Headers => ({ Authorization: `users API-Key ${key}` })

const call = async (method: string, path: string, headers: Headers = {}, body?: unknown) => {
  const res = await ctx.api(path, body === undefined ? { method, headers } : { method, ...json(body, headers) })
  const text = await res.text()
  let parsed: Record<string, unknown> = {}
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  } catch {
    // not JSON
  }
  return { status: res.status, text, body: parsed }
}

const errorMessage = (body: Record<string, unknown>) => (body.errors as { message: string }[] | undefined)?.[0]?.message

/** An admin creates an integration account with a key, through REST, as the admin panel does. */
async function createIntegration(key: string, extra: Record<string, unknown> = {}) {
  const res = await call('POST', '/api/users', admin, {
    email: `partenaire-${randomBytes(3).toString('hex')}@exemple.test`,
    password: `Mdp-${randomBytes(8).toString('hex')}`,
    name: 'Site partenaire',
    roles: ['integration'],
    enableAPIKey: true,
    apiKey: key,
    ...extra,
  })
  expect(res.status, res.text).toBe(201)
  return res.body.doc as { id: number; email: string; hasAPIKey?: boolean; apiKey?: unknown; apiKeyLastUsedAt?: string | null }
}

const readUser = async (id: number) => (await call('GET', `/api/users/${id}`, admin)).body as { apiKeyLastUsedAt?: string | null; hasAPIKey?: boolean }

const articleIds = async (headers: Headers, query = '') => {
  const res = await call('GET', `/api/articles?limit=100${query}`, headers)
  return { status: res.status, ids: ((res.body.docs as { id: number }[] | undefined) ?? []).map((d) => d.id), body: res.body }
}

beforeAll(async () => {
  ctx = await bootPayload()
  const adminUser = await createUser(ctx.payload, 'admin')
  admin = await authHeaders(ctx, adminUser)
  editorUser = await createUser(ctx.payload, 'editor')
  editor = await authHeaders(ctx, editorUser)
  published = await ctx.payload.create({ collection: 'articles', data: { title: 'Article publié', slug: 'article-publie', rubrique: 'actualites', commentMode: 'default', _status: 'published' } })
  draft = await ctx.payload.create({ collection: 'articles', data: { title: 'Article en brouillon', _status: 'draft' }, draft: true })
})
afterAll(async () => ctx?.close())

describe('integration keys through REST', () => {
  it('lets an admin create the account with its key, never shown again', async () => {
    const key = newKey()
    const doc = await createIntegration(key)
    expect(doc.apiKey).toBeUndefined()
    const stored = await readUser(doc.id)
    expect(stored.hasAPIKey).toBe(true)
    expect(stored.apiKeyLastUsedAt ?? null).toBeNull()
    expect(JSON.stringify(stored)).not.toContain(key)
  })

  it('reads published content only, like a visitor, and records its last use at most once a minute', async () => {
    const key = newKey()
    const { id } = await createIntegration(key)
    const before = Date.now()
    const read = await articleIds(keyHeaders(key))
    expect(read.status).toBe(200)
    expect(read.ids).toContain(published.id)
    expect(read.ids).not.toContain(draft.id)
    // ?draft=true changes nothing for a key without a grant.
    expect((await articleIds(keyHeaders(key), '&draft=true')).ids).not.toContain(draft.id)
    expect((await call('GET', `/api/articles/${draft.id}`, keyHeaders(key))).status).toBe(404)
    // Same answer as an anonymous visitor.
    expect(read.ids.sort()).toEqual((await articleIds({})).ids.sort())

    const first = (await readUser(id)).apiKeyLastUsedAt
    expect(first).toBeTruthy()
    expect(Date.parse(first!)).toBeGreaterThanOrEqual(before - 1000)
    expect(Date.parse(first!)).toBeLessThanOrEqual(Date.now() + 1000)
    // Within the minute, further requests do not write it again.
    await articleIds(keyHeaders(key))
    expect((await readUser(id)).apiKeyLastUsedAt).toBe(first)
    // A minute later (the stored value aged by SQL), the next request records it again.
    await ctx.payload.db.updateOne({ collection: 'users', id, data: { apiKeyLastUsedAt: new Date(Date.now() - 120_000).toISOString() } })
    await articleIds(keyHeaders(key))
    expect(Date.parse((await readUser(id)).apiKeyLastUsedAt!)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('never writes: every collection and global refuses every write method', async () => {
    const key = newKey()
    const { id } = await createIntegration(key)
    const headers = keyHeaders(key)
    const attempts: [string, string][] = []
    for (const collection of ctx.payload.config.collections) {
      attempts.push(
        ['POST', `/api/${collection.slug}`],
        ['PATCH', `/api/${collection.slug}/${collection.slug === 'users' ? id : 1}`],
        ['PATCH', `/api/${collection.slug}?where[id][exists]=true`],
        ['DELETE', `/api/${collection.slug}/1`],
        ['DELETE', `/api/${collection.slug}?where[id][exists]=true`],
      )
    }
    for (const global of ctx.payload.config.globals) attempts.push(['POST', `/api/globals/${global.slug}`])
    attempts.push(['POST', '/api/users/logout'], ['POST', '/api/payload-preferences/nav'], ['POST', `/api/articles/${published.id}/duplicate`])
    // Collections without REST routes (payload-migrations) answer 501 to everyone.
    const noRoutes = new Set(ctx.payload.config.collections.filter((c) => c.endpoints === false).map((c) => `/api/${c.slug}`))
    for (const [method, path] of attempts) {
      const res = await call(method, path, headers, { name: 'Écriture par clé', title: 'Écriture par clé', email: 'x@exemple.test', value: {} })
      if (noRoutes.has(path.split('?')[0].split('/').slice(0, 3).join('/'))) {
        expect(res.status, `${method} ${path}`).toBe(501)
        continue
      }
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(403)
      expect(errorMessage(res.body), `${method} ${path}`).toBe(KEY_MESSAGES.readOnly)
    }
    // GraphQL mutations too.
    const gql = await call('POST', '/api/graphql', headers, { query: `mutation { updateArticle(id: ${published.id}, data: { title: "Par clé" }) { id } }` })
    expect(JSON.stringify(gql.body), gql.text).toContain(KEY_MESSAGES.readOnly)
    // Nothing changed.
    expect((await ctx.payload.count({ collection: 'tags' })).totalDocs).toBe(0)
    expect((await ctx.payload.findByID({ collection: 'articles', id: published.id })).title).toBe('Article publié')
    // And the running of jobs is for admins only.
    expect((await call('GET', '/api/payload-jobs/run', headers)).status).toBe(401)
  })

  it('an integration account never logs in with its password', async () => {
    const password = `Mdp-${randomBytes(8).toString('hex')}`
    const { email } = await createIntegration(newKey(), { password })
    const res = await call('POST', '/api/users/login', {}, { email, password })
    expect(res.status).toBe(403)
    expect(errorMessage(res.body)).toBe(API_KEY_MESSAGES.noPasswordLogin)
  })

  it('revoked: 401 on the very next request, everywhere', async () => {
    const key = newKey()
    const { id } = await createIntegration(key)
    expect((await articleIds(keyHeaders(key))).status).toBe(200)
    // What the admin panel's "Révoquer" button sends.
    const revoke = await call('PATCH', `/api/users/${id}`, admin, { apiKey: null, enableAPIKey: false })
    expect(revoke.status, revoke.text).toBe(200)
    expect((await readUser(id)).hasAPIKey).toBe(false)

    for (const path of ['/api/articles', `/api/articles/${published.id}`, '/api/users/me', '/api/globals/site-settings', '/api/search?q=article', '/api/payload-preferences/nav']) {
      const res = await call('GET', path, keyHeaders(key))
      expect(res.status, `${path}: ${res.text}`).toBe(401)
      expect(errorMessage(res.body), path).toBe(KEY_MESSAGES.rejected)
    }
    const gql = await call('POST', '/api/graphql', keyHeaders(key), { query: '{ Articles { docs { id } } }' })
    expect(JSON.stringify(gql.body)).toContain(KEY_MESSAGES.rejected)
    expect(JSON.stringify(gql.body)).not.toContain('Article publié')
    // A key that never existed gets the same answer.
    expect((await call('GET', '/api/articles', keyHeaders('pas-une-cle'))).status).toBe(401)
  })

  it('rotated: the old key is dead at once, the new one works, its last use starts afresh', async () => {
    const oldKey = newKey()
    const { id } = await createIntegration(oldKey)
    expect((await articleIds(keyHeaders(oldKey))).status).toBe(200)
    expect((await readUser(id)).apiKeyLastUsedAt).toBeTruthy()

    const rotatedKey = newKey()
    // What the admin panel's "Générer une nouvelle clé" sends.
    const rotate = await call('PATCH', `/api/users/${id}`, admin, { apiKey: rotatedKey, enableAPIKey: true })
    expect(rotate.status, rotate.text).toBe(200)
    expect((await readUser(id)).apiKeyLastUsedAt ?? null).toBeNull()

    expect((await articleIds(keyHeaders(oldKey))).status).toBe(401)
    const fresh = await articleIds(keyHeaders(rotatedKey))
    expect(fresh.status).toBe(200)
    expect(fresh.ids).toContain(published.id)
    expect((await readUser(id)).apiKeyLastUsedAt).toBeTruthy()
  })

  it('only admins give keys, and only to integration-only accounts', async () => {
    // An editor's attempt to give itself a key is ignored: that key authenticates nothing.
    const sneaky = newKey()
    const patch = await call('PATCH', `/api/users/${editorUser.id}`, editor, { apiKey: sneaky, enableAPIKey: true })
    expect(patch.status, patch.text).toBe(200)
    expect((await call('GET', '/api/articles', keyHeaders(sneaky))).status).toBe(401)

    // An admin cannot give a key to a staff account…
    const staff = await call('PATCH', `/api/users/${editorUser.id}`, admin, { apiKey: newKey(), enableAPIKey: true })
    expect(staff.status).toBe(400)
    expect(JSON.stringify(staff.body)).toContain(API_KEY_MESSAGES.integrationOnly)
    // …nor a staff role to an account with a key.
    const { id } = await createIntegration(newKey())
    const promote = await call('PATCH', `/api/users/${id}`, admin, { roles: ['integration', 'editor'] })
    expect(promote.status).toBe(400)
    expect(JSON.stringify(promote.body)).toContain(API_KEY_MESSAGES.integrationOnly)
    expect((await ctx.payload.findByID({ collection: 'users', id })).roles).toEqual(['integration'])
  })

  it('reads the drafts of a collection an admin granted, and only that one', async () => {
    const key = newKey()
    const { id } = await createIntegration(key, { apiGrants: ['drafts.articles'] })
    const projectDraft = await ctx.payload.create({ collection: 'projects', data: { title: 'Projet en brouillon', _status: 'draft' }, draft: true })

    const list = await articleIds(keyHeaders(key), '&draft=true')
    expect(list.ids).toContain(draft.id)
    expect((await call('GET', `/api/articles/${draft.id}?draft=true`, keyHeaders(key))).status).toBe(200)
    expect((await call('GET', `/api/projects/${projectDraft.id}?draft=true`, keyHeaders(key))).status).toBe(404)
    // Still no writing, even where it reads drafts.
    expect((await call('PATCH', `/api/articles/${draft.id}`, keyHeaders(key), { title: 'x' })).status).toBe(403)
    // Nor can it read or change its own grants.
    const me = (await call('GET', '/api/users/me', keyHeaders(key))).body as { user: Record<string, unknown> }
    expect(me.user.apiGrants).toBeUndefined()

    // The admin withdraws the grant: the next request sees published content only.
    expect((await call('PATCH', `/api/users/${id}`, admin, { apiGrants: [] })).status).toBe(200)
    expect((await articleIds(keyHeaders(key), '&draft=true')).ids).not.toContain(draft.id)
  })
})
