import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { ensureAdmin } from '../../scripts/lib/prepare'
import { bootPayload, type TestContext } from '../helpers/payload'
import { json } from '../helpers/users'

let ctx: TestContext

beforeAll(async () => {
  ctx = await bootPayload()
})
afterAll(async () => ctx?.close())

describe('first admin of an empty database', () => {
  it('gets a generated password, printed once, that works — never a fixed one', async () => {
    delete process.env.ADMIN_PASSWORD
    process.env.ADMIN_EMAIL = 'direction@exemple.test'
    const lines: string[] = []
    const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)))
    await ensureAdmin(ctx.payload)
    await ensureAdmin(ctx.payload) // a second start creates nothing and prints no password
    spy.mockRestore()

    const printed = lines.filter((l) => l.includes('Mot de passe'))
    expect(printed).toHaveLength(1)
    const password = /: (\S+)$/.exec(printed[0])![1]
    expect(password.length).toBeGreaterThanOrEqual(16)

    const { docs } = await ctx.payload.find({ collection: 'users' })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ email: 'direction@exemple.test', roles: ['admin'] })

    const login = await ctx.api('/api/users/login', { method: 'POST', ...json({ email: 'direction@exemple.test', password }) })
    expect(login.status).toBe(200)
  })
})
