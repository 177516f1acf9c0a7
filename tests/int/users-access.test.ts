import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'
import { authHeaders, createRoleUsers, createUser, json } from '../helpers/users'

let ctx: TestContext

beforeAll(async () => {
  ctx = await bootPayload()
})
afterAll(async () => ctx?.close())

describe('users, roles and access through REST', () => {
  it('makes the first account of an empty installation an admin, whatever it asks for', async () => {
    const res = await ctx.api(
      '/api/users/first-register',
      { method: 'POST', ...json({ email: 'premiere@exemple.test', password: 'Premier-mot-2-passe', name: 'Première', roles: ['editor'] }) },
    )
    expect(res.status).toBe(200)
    const { user } = (await res.json()) as { user: { roles: string[] } }
    expect(user.roles).toEqual(['admin'])
    // The route only works once.
    const again = await ctx.api(
      '/api/users/first-register',
      { method: 'POST', ...json({ email: 'deuxieme@exemple.test', password: 'Second-mot-2-passe', name: 'Seconde' }) },
    )
    expect(again.status).toBeGreaterThanOrEqual(400)
  })

  it('logs in through REST with each role and refuses a wrong password in French', async () => {
    const users = await createRoleUsers(ctx)
    for (const role of ['admin', 'editor', 'moderator'] as const) {
      const me = await ctx.api('/api/users/me', { headers: users[role].headers })
      const body = (await me.json()) as { user: { email: string; roles: string[] } }
      expect(body.user.email).toBe(users[role].user.email)
      expect(body.user.roles).toEqual([role])
    }
    const bad = await ctx.api('/api/users/login', { method: 'POST', ...json({ email: users.editor.user.email, password: 'faux' }) })
    expect(bad.status).toBe(401)
    expect(((await bad.json()) as { errors: { message: string }[] }).errors[0].message).toBe('Adresse e-mail ou mot de passe incorrect.')
  })

  it('does not let an anonymous visitor list or read users', async () => {
    const list = await ctx.api('/api/users')
    expect(list.status).toBe(403)
    expect(((await list.json()) as { errors: { message: string }[] }).errors[0].message).toBe('Vous n’êtes pas autorisé à effectuer cette action.')
    const me = await ctx.api('/api/users/me')
    expect(((await me.json()) as { user: unknown }).user).toBeNull()
  })

  it('shows an editor only its own account and never lets it change its roles', async () => {
    const admin = await createUser(ctx.payload, 'admin')
    const editor = await createUser(ctx.payload, 'editor')
    const headers = await authHeaders(ctx, editor)

    const list = (await (await ctx.api('/api/users', { headers })).json()) as { docs: { id: number }[] }
    expect(list.docs.map((d) => d.id)).toEqual([editor.id])
    // Another account is invisible, not merely forbidden: its existence is not revealed.
    expect((await ctx.api(`/api/users/${admin.id}`, { headers })).status).toBe(404)

    const patch = await ctx.api(`/api/users/${editor.id}`, { method: 'PATCH', ...json({ roles: ['admin'], name: 'Nouveau nom' }, headers) })
    expect(patch.status).toBe(200)
    const stored = await ctx.payload.findByID({ collection: 'users', id: editor.id })
    expect(stored.roles).toEqual(['editor'])
    expect(stored.name).toBe('Nouveau nom')

    const create = await ctx.api('/api/users', { method: 'POST', ...json({ email: 'x@exemple.test', password: 'Abcdefgh-12', name: 'X', roles: ['admin'] }, headers) })
    expect(create.status).toBe(403)
    expect((await ctx.api(`/api/users/${admin.id}`, { method: 'DELETE', headers })).status).toBe(403)
  })

  it('lets an admin manage roles', async () => {
    const admin = await createUser(ctx.payload, 'admin')
    const editor = await createUser(ctx.payload, 'editor')
    const headers = await authHeaders(ctx, admin)
    const res = await ctx.api(`/api/users/${editor.id}`, { method: 'PATCH', ...json({ roles: ['editor', 'moderator'] }, headers) })
    expect(res.status).toBe(200)
    expect((await ctx.payload.findByID({ collection: 'users', id: editor.id })).roles).toEqual(['editor', 'moderator'])
  })

  it('lets an API key read but never write', async () => {
    const integration = await createUser(ctx.payload, 'integration')
    const headers = await authHeaders(ctx, integration)
    const me = (await (await ctx.api('/api/users/me', { headers })).json()) as { user: { email: string } }
    expect(me.user.email).toBe(integration.email)
    expect((await ctx.api('/api/media', { headers })).status).toBe(200)

    expect((await ctx.api(`/api/users/${integration.id}`, { method: 'PATCH', ...json({ name: 'Piratage' }, headers) })).status).toBe(403)
    expect((await ctx.api('/api/users', { method: 'POST', ...json({ email: 'y@exemple.test', password: 'Abcdefgh-12', name: 'Y' }, headers) })).status).toBe(403)
    const form = new FormData()
    form.append('_payload', JSON.stringify({ alt: 'x' }))
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), 'a.pdf')
    expect((await ctx.api('/api/media', { method: 'POST', body: form, headers })).status).toBe(403)

    // An unknown key is refused outright (tests/int/api-keys.test.ts), not read as a visitor.
    const wrongKey = await ctx.api('/api/users/me', { headers: { Authorization: 'users API-Key pas-une-cle' } })
    expect(wrongKey.status).toBe(401)
  })

  // The lock itself is src/plugins/login-throttle's (tests/int/login-throttle.test.ts).
  it('locks an account after 5 failures; only an admin may unlock it', async () => {
    const victim = await createUser(ctx.payload, 'editor')
    const other = await createUser(ctx.payload, 'moderator')
    const admin = await createUser(ctx.payload, 'admin')
    const otherHeaders = await authHeaders(ctx, other)
    const adminHeaders = await authHeaders(ctx, admin)

    for (let i = 0; i < 5; i++) {
      await ctx.api('/api/users/login', { method: 'POST', ...json({ email: victim.email, password: 'mauvais' }) })
    }
    const locked = await ctx.api('/api/users/login', { method: 'POST', ...json({ email: victim.email, password: victim.password }) })
    expect(locked.status).toBe(429)
    expect(((await locked.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(/^Trop de tentatives de connexion/)

    const denied = await ctx.api('/api/users/unlock', { method: 'POST', ...json({ email: victim.email }, otherHeaders) })
    expect(denied.status).toBe(403)
    const stillLocked = await ctx.api('/api/users/login', { method: 'POST', ...json({ email: victim.email, password: victim.password }) })
    expect(stillLocked.status).toBe(429)

    const unlocked = await ctx.api('/api/users/unlock', { method: 'POST', ...json({ email: victim.email }, adminHeaders) })
    expect(unlocked.status).toBe(200)
    const ok = await ctx.api('/api/users/login', { method: 'POST', ...json({ email: victim.email, password: victim.password }) })
    expect(ok.status).toBe(200)
  })
})
