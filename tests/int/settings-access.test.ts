/**
 * The anti-spam rules of the comments are the moderators' and admins' business (issue 18): an
 * editor cannot loosen them; a moderator can, and nothing else of the site settings. Real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>

type Settings = { name: string; commentPolicy?: { maxLinks?: number } }
const settings = async (): Promise<Settings> =>
  (await ctx.payload.findGlobal({ slug: 'site-settings', depth: 0 })) as unknown as Settings
const save = (data: Record<string, unknown>, headers: Record<string, string>) =>
  ctx.api('/api/globals/site-settings', { method: 'POST', ...json(data, headers) })

beforeAll(async () => {
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  users = await createRoleUsers(ctx)
  await ctx.payload.updateGlobal({ slug: 'site-settings', data: { name: 'Le Labo de l’ESS', commentPolicy: { maxLinks: 2 } } as never })
})
afterAll(async () => ctx?.close())

describe('site settings: who changes what', () => {
  it('an editor who sends looser anti-spam rules leaves them as they were', async () => {
    expect((await save({ commentPolicy: { maxLinks: 50 } }, users.editor.headers)).status).toBe(200)
    expect((await settings()).commentPolicy?.maxLinks).toBe(2)
  })

  it('a moderator changes the anti-spam rules, and nothing else', async () => {
    expect((await save({ commentPolicy: { maxLinks: 3 }, name: 'Renommé par un modérateur' }, users.moderator.headers)).status).toBe(200)
    const after = await settings()
    expect(after.commentPolicy?.maxLinks).toBe(3)
    expect(after.name).toBe('Le Labo de l’ESS')
  })

  it('an editor still changes the rest; an admin everything', async () => {
    expect((await save({ name: 'Le Labo' }, users.editor.headers)).status).toBe(200)
    expect((await settings()).name).toBe('Le Labo')
    expect((await save({ commentPolicy: { maxLinks: 4 } }, users.admin.headers)).status).toBe(200)
    expect((await settings()).commentPolicy?.maxLinks).toBe(4)
  })

  it('an API key changes nothing', async () => {
    expect((await save({ name: 'Clé' }, users.integration.headers)).status).toBe(403)
  })
})
