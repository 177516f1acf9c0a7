/**
 * The session cookie under a site served over HTTPS (SITE_URL https): `Secure`, so that a browser
 * never sends it over plain HTTP. (Over http, tests/e2e/admin-login.test.ts logs in as usual.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'
import { createUser, json } from '../helpers/users'

let ctx: TestContext

beforeAll(async () => {
  // Read when the config is loaded, as in production.
  process.env.SITE_URL = 'https://www.lelabo-ess.test'
  ctx = await bootPayload()
})
afterAll(async () => ctx?.close())

describe('auth cookie over HTTPS', () => {
  it('logging in sets payload-token Secure, HttpOnly, SameSite=Lax', async () => {
    const user = await createUser(ctx.payload, 'editor')
    const login = await ctx.api('/api/users/login', { method: 'POST', ...json({ email: user.email, password: user.password }) })
    expect(login.status).toBe(200)
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('payload-token='))
    expect(cookie).toBeDefined()
    // Payload writes `Secure=true`: browsers read the attribute's name only (RFC 6265, 5.2.5).
    expect(cookie).toMatch(/;\s*Secure(=true)?(;|$)/i)
    expect(cookie).toMatch(/;\s*HttpOnly(=true)?(;|$)/i)
    expect(cookie).toMatch(/;\s*SameSite=Lax(;|$)/i)
  })
})
