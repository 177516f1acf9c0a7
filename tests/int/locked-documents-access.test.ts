/**
 * Payload's edit locks (issue 18): any logged-in account, an API key included, could read and
 * rewrite them, so lock an editor out of an article or take a lock in someone else's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser, authHeaders, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let otherEditor: Record<string, string>
let articleId: number

const LOCKS = '/api/payload-locked-documents'
const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
  const res = await ctx.api(path, body === undefined ? { method, headers } : { method, ...json(body, headers) })
  return { status: res.status, body: (await res.json()) as { doc?: { id: number; user?: { value?: unknown } }; docs?: unknown[]; errors?: { message: string }[] } }
}
const lockOn = (id: number) => ({ document: { relationTo: 'articles', value: id }, user: { relationTo: 'users', value: users.admin.user.id } })
const ownerOf = async (lockId: number) => {
  const lock = await ctx.payload.findByID({ collection: 'payload-locked-documents', id: lockId, depth: 0 })
  return (lock.user as { value: unknown }).value
}

beforeAll(async () => {
  ctx = await bootPayload()
  users = await createRoleUsers(ctx)
  otherEditor = await authHeaders(ctx, await createUser(ctx.payload, 'editor'))
  const article = await ctx.payload.create({ collection: 'articles', data: { title: 'Article verrouillé', slug: 'article-verrouille' } as never })
  articleId = article.id
})
afterAll(async () => {
  await ctx?.close()
})

describe('the attack: reading and forging edit locks', () => {
  it('an anonymous visitor and an API key can neither read nor take a lock', async () => {
    for (const headers of [{}, users.integration.headers]) {
      expect((await call('GET', LOCKS, headers)).status).toBe(403)
      expect((await call('POST', LOCKS, headers, lockOn(articleId))).status).toBe(403)
    }
    expect(await ctx.payload.count({ collection: 'payload-locked-documents' })).toEqual({ totalDocs: 0 })
  })

  it('a moderator cannot lock editors out of an article they may not edit', async () => {
    const res = await call('POST', LOCKS, users.moderator.headers, lockOn(articleId))
    expect(res.status).toBe(403)
    expect(res.body.errors?.[0]?.message).toMatch(/autorisé/)
    expect(await ctx.payload.count({ collection: 'payload-locked-documents' })).toEqual({ totalDocs: 0 })
  })

  it('an editor takes a lock in their own name only, whatever the body says', async () => {
    const res = await call('POST', LOCKS, users.editor.headers, lockOn(articleId))
    expect(res.status).toBe(201)
    expect(await ownerOf(res.body.doc!.id)).toBe(users.editor.user.id)
    // Reassigning it to someone else makes it the writer's again.
    const patched = await call('PATCH', `${LOCKS}/${res.body.doc!.id}`, users.editor.headers, { user: { relationTo: 'users', value: users.admin.user.id } })
    expect(patched.status).toBe(200)
    expect(await ownerOf(res.body.doc!.id)).toBe(users.editor.user.id)
    await ctx.payload.delete({ collection: 'payload-locked-documents', id: res.body.doc!.id })
  })

  it('the panel sees who edits what; a colleague may take over, only the owner or an admin removes it', async () => {
    const lock = await call('POST', LOCKS, users.editor.headers, lockOn(articleId))
    const id = lock.body.doc!.id
    for (const headers of [otherEditor, users.moderator.headers, users.admin.headers]) {
      expect((await call('GET', LOCKS, headers)).body.docs).toHaveLength(1)
    }
    // A moderator may not take over an article's lock; another editor may (the panel's « Prendre la main »).
    expect((await call('PATCH', `${LOCKS}/${id}`, users.moderator.headers, {})).status).toBe(403)
    expect(await ownerOf(id)).toBe(users.editor.user.id)
    expect((await call('DELETE', `${LOCKS}/${id}`, users.moderator.headers)).status).toBe(403)
    expect((await call('PATCH', `${LOCKS}/${id}`, otherEditor, {})).status).toBe(200)
    expect(await ownerOf(id)).not.toBe(users.editor.user.id)
    // Now the first editor's no longer: they cannot remove it; its owner can.
    expect((await call('DELETE', `${LOCKS}/${id}`, users.editor.headers)).status).toBe(403)
    expect((await call('DELETE', `${LOCKS}/${id}`, otherEditor)).status).toBe(200)
    expect(await ctx.payload.count({ collection: 'payload-locked-documents' })).toEqual({ totalDocs: 0 })
  })

  it('an admin removes anyone’s lock', async () => {
    const lock = await call('POST', LOCKS, users.editor.headers, lockOn(articleId))
    expect((await call('DELETE', `${LOCKS}/${lock.body.doc!.id}`, users.admin.headers)).status).toBe(200)
  })

  it('GraphQL follows the same rules', async () => {
    const query = { query: '{ PayloadLockedDocuments { totalDocs } }' }
    const res = await ctx.api('/api/graphql', { method: 'POST', ...json(query, users.integration.headers) })
    const body = (await res.json()) as { data?: { PayloadLockedDocuments: unknown }; errors?: unknown[] }
    expect(body.data?.PayloadLockedDocuments ?? null).toBeNull()
    expect(body.errors?.length).toBeGreaterThan(0)
  })
})
