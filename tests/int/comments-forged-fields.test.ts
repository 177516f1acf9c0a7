/**
 * Attack: a visitor posting a comment through REST sends the fields the server owns — a
 * backdated `createdAt`, `updatedAt`, `deletedAt`, an `id`, a status, an address hash… — hoping
 * they are stored. Every field of the collection is either a visitor input or server-owned; each
 * server-owned one is sent forged and must come out as the server decides. A field added later
 * fails the first test until it is classified here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { flushCommentNotifications, TRUSTED_IMPORT } from '../../src/plugins/comments'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let articleId: number
let ip = 0

type Doc = Record<string, unknown> & { id: number }

const PAST = '2001-02-03T04:05:06.000Z'
const FUTURE = '2099-01-01T00:00:00.000Z'
const FORGED_ID = 987_654

/** What a visitor may write. */
const VISITOR_INPUTS = ['target', 'parent', 'authorName', 'authorEmail', 'authorWebsite', 'body', 'honeypot']

/** Every server-owned field, sent forged. */
const forged = (adminId: number | string): Record<string, unknown> => ({
  id: FORGED_ID,
  createdAt: PAST,
  updatedAt: PAST,
  deletedAt: FUTURE,
  status: 'approved',
  holdReason: 'aucune',
  byStaff: true,
  moderatedBy: adminId,
  moderatedAt: PAST,
  moderatorNote: 'note forgée',
  ipHash: 'f'.repeat(64),
  userAgent: 'forged',
  level: 3,
  targetKey: 'articles:999',
  targetPublished: false,
  excerpt: 'extrait forgé',
  fingerprint: '0'.repeat(64),
  bodyHtml: '<script>forged</script>',
  // The SPIP import key: a visitor taking one could have the importer overwrite their comment.
  spipKey: 'forum:1',
})

let bodyCounter = 0
const visitorComment = (extra: Record<string, unknown> = {}) => ({
  target: { relationTo: 'articles', value: articleId },
  authorName: 'Marie Curie',
  authorEmail: 'marie@exemple.test',
  body: `Un commentaire antidaté n° ${++bodyCounter}.`,
  ...extra,
})

const post = async (data: unknown, headers: Record<string, string> = {}) => {
  const res = await ctx.api('/api/comments', {
    method: 'POST',
    ...json(data, { 'X-Forwarded-For': `198.51.100.${++ip}`, 'User-Agent': 'TestBrowser/1.0', ...headers }),
  })
  const text = await res.text()
  return { status: res.status, text, body: (text ? JSON.parse(text) : null) as { doc: Doc } }
}

/** The stored row, as the server sees it (trashed ones included). */
const stored = async (id: number) =>
  (await ctx.payload.findByID({ collection: 'comments', id, overrideAccess: true, depth: 0, trash: true, disableErrors: true })) as unknown as Doc | null

const recent = (value: unknown, started: number) => {
  const time = Date.parse(String(value))
  return time >= started - 1_000 && time <= Date.now() + 1_000
}

beforeAll(async () => {
  ctx = await bootPayload()
  users = await createRoleUsers(ctx)
  const article = await ctx.payload.create({
    collection: 'articles',
    data: { title: 'Article antidaté', slug: 'article-antidate', commentMode: 'a-priori', _status: 'published' } as never,
  })
  articleId = article.id
})
afterAll(async () => {
  await flushCommentNotifications()
  await ctx?.close()
})

describe('a visitor who forges server-owned fields in POST /api/comments', () => {
  it('every field of the collection is either a visitor input or covered here', () => {
    const names = ctx.payload.collections.comments.config.flattenedFields.map((f) => f.name)
    const covered = new Set([...VISITOR_INPUTS, ...Object.keys(forged(0))])
    expect(names.filter((name) => !covered.has(name))).toEqual([])
  })

  it('cannot backdate the comment, pick its id, trash it or set any server field', async () => {
    const started = Date.now()
    const res = await post(visitorComment(forged(users.admin.user.id)), { 'User-Agent': 'TestBrowser/1.0' })
    expect(res.status, res.text).toBe(201)
    expect(res.body.doc.id).not.toBe(FORGED_ID)
    expect(recent(res.body.doc.createdAt, started), String(res.body.doc.createdAt)).toBe(true)
    const doc = (await stored(res.body.doc.id))!
    expect(recent(doc.createdAt, started), String(doc.createdAt)).toBe(true)
    expect(recent(doc.updatedAt, started), String(doc.updatedAt)).toBe(true)
    expect(doc.deletedAt ?? null).toBeNull()
    expect(doc).toMatchObject({
      status: 'pending',
      holdReason: 'Modération a priori',
      byStaff: false,
      level: 1,
      targetKey: `articles:${articleId}`,
      targetPublished: true,
      userAgent: 'TestBrowser/1.0',
      excerpt: `Un commentaire antidaté n° ${bodyCounter}.`,
    })
    expect(doc.moderatedBy ?? null).toBeNull()
    expect(doc.moderatedAt ?? null).toBeNull()
    expect(doc.moderatorNote ?? null).toBeNull()
    expect(doc.spipKey ?? null).toBeNull()
    expect(doc.ipHash).toMatch(/^[0-9a-f]{64}$/)
    expect(doc.ipHash).not.toBe('f'.repeat(64))
    expect(doc.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(doc.fingerprint).not.toBe('0'.repeat(64))
    expect(String(doc.bodyHtml)).not.toContain('forged')
    // Nothing was written under the forged id either.
    expect(await stored(FORGED_ID)).toBeNull()
  })

  it('cannot backdate it with a date in another form (a number, a local time) either', async () => {
    const started = Date.now()
    for (const createdAt of [Date.parse(PAST), '2001-02-03', '2001-02-03 04:05:06']) {
      const res = await post(visitorComment({ createdAt, updatedAt: createdAt }))
      expect(res.status, res.text).toBe(201)
      const doc = (await stored(res.body.doc.id))!
      expect(recent(doc.createdAt, started), `${createdAt} → ${doc.createdAt}`).toBe(true)
      expect(recent(doc.updatedAt, started), `${createdAt} → ${doc.updatedAt}`).toBe(true)
    }
  })

  it('staff posting through REST cannot backdate either; a moderator cannot rewrite the date later', async () => {
    const started = Date.now()
    const moderator = users.moderator.headers
    const res = await post(visitorComment({ createdAt: PAST, updatedAt: PAST, deletedAt: FUTURE }), moderator)
    expect(res.status, res.text).toBe(201)
    const doc = (await stored(res.body.doc.id))!
    expect(doc).toMatchObject({ status: 'approved', byStaff: true })
    expect(recent(doc.createdAt, started)).toBe(true)
    expect(doc.deletedAt ?? null).toBeNull()

    const patched = await ctx.api(`/api/comments/${doc.id}`, { method: 'PATCH', ...json({ createdAt: PAST, moderatorNote: 'relu' }, moderator) })
    expect(patched.status, await patched.text()).toBe(200)
    const after = (await stored(doc.id))!
    expect(after.moderatorNote).toBe('relu')
    expect(after.createdAt).toBe(doc.createdAt)
  })

  it('moderators still trash and restore comments (deletedAt through PATCH)', async () => {
    const moderator = users.moderator.headers
    const res = await post(visitorComment())
    expect(res.status, res.text).toBe(201)
    const id = res.body.doc.id
    const trashed = await ctx.api(`/api/comments/${id}`, { method: 'PATCH', ...json({ deletedAt: new Date().toISOString() }, moderator) })
    expect(trashed.status, await trashed.text()).toBe(200)
    expect((await stored(id))!.deletedAt).toBeTruthy()
    const restored = await ctx.api(`/api/comments/${id}?trash=true`, { method: 'PATCH', ...json({ deletedAt: null }, moderator) })
    expect(restored.status, await restored.text()).toBe(200)
    expect((await stored(id))!.deletedAt ?? null).toBeNull()
  })

  it('a trusted import (Local API) keeps the dates it gives', async () => {
    const doc = (await ctx.payload.create({
      collection: 'comments',
      data: visitorComment({ createdAt: PAST, status: 'approved' }) as never,
      context: { [TRUSTED_IMPORT]: true },
    })) as unknown as Doc
    expect((await stored(doc.id))!.createdAt).toBe(PAST)
  })
})

describe('other collections', () => {
  it('an anonymous visitor may create in no other collection nor change a global (GET /api/access)', async () => {
    const res = await ctx.api('/api/access')
    expect(res.status).toBe(200)
    type Permission = boolean | { permission?: boolean } | undefined
    const { collections, globals } = (await res.json()) as {
      collections: Record<string, { create?: Permission }>
      globals: Record<string, { update?: Permission }>
    }
    const granted = (p: Permission) => p === true || (typeof p === 'object' && p.permission === true)
    expect(Object.keys(collections).filter((slug) => granted(collections[slug].create))).toEqual(['comments'])
    expect(Object.keys(globals ?? {}).filter((slug) => granted(globals[slug].update))).toEqual([])
  })
})
