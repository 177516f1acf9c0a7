/**
 * The comments' lean create (installLeanCreate in src/plugins/shared/sql.ts): the document a create returns is
 * built from what was written instead of being selected again. It must be exactly what reading
 * the row back gives, through the Local API and the REST API, at depth 0 and 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { flushCommentNotifications, TRUSTED_IMPORT } from '../../src/plugins/comments'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let articleId: number

const read = (id: number, depth: number) =>
  ctx.payload.findByID({ collection: 'comments', id, depth, overrideAccess: true, showHiddenFields: true })

/** The SQL the app sends while `run` runs. */
async function statements<T>(run: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const { Client } = (await import('pg')).default
  const query = Client.prototype.query
  const sent: string[] = []
  Client.prototype.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string }
    sent.push((typeof q === 'string' ? q : (q?.text ?? '')).replace(/\s+/g, ' ').trim())
    return query.apply(this, args as never)
  } as never
  try {
    return { result: await run(), sent }
  } finally {
    Client.prototype.query = query
  }
}

beforeAll(async () => {
  ctx = await bootPayload()
  users = await createRoleUsers(ctx)
  const article = await ctx.payload.create({
    collection: 'articles',
    data: { title: 'Article commenté', slug: 'article-commente', commentMode: 'a-priori', _status: 'published' } as never,
  })
  articleId = article.id
})
afterAll(async () => {
  await flushCommentNotifications()
  await ctx?.close()
})

describe('creating a comment returns the stored document', () => {
  it('through the Local API, with every field set, at depth 0 and 1', async () => {
    const parent = await ctx.payload.create({
      collection: 'comments',
      data: { target: { relationTo: 'articles', value: articleId }, authorName: 'Parent', authorEmail: 'p@exemple.test', body: 'Premier.', status: 'approved' } as never,
      context: { [TRUSTED_IMPORT]: true },
      overrideAccess: true,
    })
    for (const depth of [0, 1]) {
      const created = await ctx.payload.create({
        collection: 'comments',
        data: {
          target: { relationTo: 'articles', value: articleId },
          parent: parent.id,
          authorName: 'Réponse',
          authorEmail: 'r@exemple.test',
          authorWebsite: 'https://exemple.test',
          body: `Une réponse {{en gras}} (profondeur ${depth}).`,
          status: 'approved',
          moderatorNote: 'Importé',
          createdAt: '2019-05-04T03:02:01.000Z',
        } as never,
        context: { [TRUSTED_IMPORT]: true },
        overrideAccess: true,
        showHiddenFields: true,
        depth,
      })
      expect(created).toEqual(await read(created.id, depth))
      expect(created.createdAt).toBe('2019-05-04T03:02:01.000Z')
      // As the adapter does: updated now, whatever the creation date given.
      expect(Date.parse(created.updatedAt) - Date.now()).toBeGreaterThan(-60_000)
    }
  })

  it('through the REST API, for a visitor and for a moderator', async () => {
    const body = (n: number) => ({ target: { relationTo: 'articles', value: articleId }, authorName: 'Lectrice', authorEmail: 'l@exemple.test', body: `Commentaire ${n}.` })
    const visitor = await ctx.api('/api/comments', { method: 'POST', ...json(body(1), { 'X-Forwarded-For': '198.51.100.7' }) })
    expect(visitor.status).toBe(201)
    const { doc: mine } = (await visitor.json()) as { doc: { id: number } }
    const moderatorView = async (id: number) => (await (await ctx.api(`/api/comments/${id}?depth=0`, { headers: users.moderator.headers })).json()) as Record<string, unknown>
    // What the visitor got is what the moderator reads, less the fields only staff may see.
    const full = await moderatorView(mine.id)
    expect(full.status).toBe('pending')
    expect(mine).toEqual(Object.fromEntries(Object.entries(full).filter(([key]) => key in mine)))
    expect(Object.keys(full)).toEqual(expect.arrayContaining(Object.keys(mine)))
    expect(mine).not.toHaveProperty('authorEmail')

    const staff = await ctx.api('/api/comments', { method: 'POST', ...json(body(2), users.moderator.headers) })
    expect(staff.status).toBe(201)
    const { doc: theirs } = (await staff.json()) as { doc: { id: number } }
    expect(theirs).toEqual(await moderatorView(theirs.id))
  })

  it('writes the row and its relation without selecting them again', async () => {
    const data = { target: { relationTo: 'articles', value: articleId }, authorName: 'Compte', authorEmail: 'c@exemple.test', status: 'pending' }
    const create = (body: string) =>
      ctx.payload.create({ collection: 'comments', data: { ...data, body } as never, context: { [TRUSTED_IMPORT]: true }, overrideAccess: true, depth: 0 })
    const { result, sent } = await statements(() => create('Sans relecture.'))
    const inserts = sent.filter((text) => /^insert into "comments(_rels)?"/i.test(text))
    expect(inserts).toHaveLength(2)
    expect(sent.filter((text) => /^select .* from "comments"/i.test(text))).toEqual([])
    expect(await read(result.id, 0)).toEqual(result)
  })
})
