/**
 * Bad input gets 400 with a French message, never a server error (issue 18): each test is
 * named after what a security run sent. Real Postgres, real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { BAD_INPUT_MESSAGES } from '../../src/lib/bad-input'
import { seed } from '../../src/seed'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>

beforeAll(async () => {
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  users = await createRoleUsers(ctx)
  await seed(ctx.payload)
})
afterAll(async () => ctx?.close())

const refused = async (res: Response, message: string | RegExp = BAD_INPUT_MESSAGES.invalidValue) => {
  const body = await res.text()
  expect(res.status, body).toBe(400)
  const { errors } = JSON.parse(body) as { errors: { message: string; code: string }[] }
  expect(errors[0]).toMatchObject({ code: 'bad_request' })
  expect(errors[0]!.message).toMatch(message)
}

describe('bad input is a 400, not a 500', () => {
  it.each(['where[id][equals]=1e400', 'where[title][equals]=a%00b'])('GET /api/articles?%s', async (query) => {
    await refused(await ctx.api(`/api/articles?${query}`))
  })

  it.each(['page=-1', 'page=1e400', 'limit=1e400'])('GET /api/articles?%s: a clear message to an API client; a 400 in the admin too', async (query) => {
    await refused(await ctx.api(`/api/articles?${query}`), /^« (page|limit) » doit être un nombre entier/)
    await refused(await ctx.api(`/api/articles?${query}`, { headers: users.editor.headers }))
  })

  it('GET /api/articles/1e400 and /api/articles/abc: no such document', async () => {
    for (const id of ['1e400', 'abc']) {
      const res = await ctx.api(`/api/articles/${id}`)
      expect(res.status).toBe(404)
      expect(((await res.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('not_found')
    }
  })

  it('where[title][near] on a field that is not geographic', async () => {
    await refused(await ctx.api('/api/articles?where[title][near]=1,2'), 'L’opérateur « near » ne s’applique qu’aux champs géographiques ; « title » n’en est pas un.')
    await refused(await ctx.api('/api/projects?where[or][0][summary][within]=x'), /« within »/)
  })

  it('a null body, an array body', async () => {
    for (const body of ['null', '[]', '"texte"']) {
      await refused(await ctx.api('/api/comments', { method: 'POST', headers: { 'content-type': 'application/json' }, body }), BAD_INPUT_MESSAGES.notAnObject)
      const res = await ctx.api('/api/tags', { method: 'POST', headers: { 'content-type': 'application/json', ...users.editor.headers }, body })
      await refused(res, BAD_INPUT_MESSAGES.notAnObject)
    }
  })

  it('a NUL character in a document', async () => {
    const res = await ctx.api('/api/tags', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...users.editor.headers },
      body: JSON.stringify({ name: 'Avec\u0000nul', kind: 'mot-cle' }),
    })
    await refused(res)
  })

  it('JSON nested 100,000 deep', async () => {
    const body = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const res = await ctx.api('/api/comments', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(res.status).toBe(400)
  })

  it('a good request still works', async () => {
    const res = await ctx.api('/api/articles?page=1&limit=2&where[title][like]=labo')
    expect(res.status).toBe(200)
  })
})
