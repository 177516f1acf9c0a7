import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Role } from '../../src/access/roles'
import type { TestContext } from './payload'

export type TestUser = { id: number | string; email: string; password: string; role: Role; apiKey?: string }

/** Creates an account of the given role through the Local API (as an admin would). */
export async function createUser(payload: Payload, role: Role, overrides: { email?: string } = {}): Promise<TestUser> {
  const email = overrides.email ?? `${role}-${randomBytes(3).toString('hex')}@exemple.test`
  const password = `Mdp-${randomBytes(8).toString('hex')}`
  const apiKey = role === 'integration' ? randomBytes(24).toString('hex') : undefined
  const doc = await payload.create({
    collection: 'users',
    data: {
      email,
      password,
      name: `Test ${role}`,
      roles: [role],
      ...(apiKey ? { enableAPIKey: true, apiKey } : {}),
    },
  })
  return { id: doc.id, email, password, role, apiKey }
}

/** Logs in through REST and returns the headers that authenticate later requests. */
export async function authHeaders(ctx: TestContext, user: TestUser): Promise<Record<string, string>> {
  if (user.apiKey) return { Authorization: `users API-Key ${user.apiKey}` }
  const res = await ctx.api('/api/users/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  if (!res.ok) throw new Error(`login failed for ${user.email}: ${res.status} ${await res.text()}`)
  const { token } = (await res.json()) as { token: string }
  return { Authorization: `JWT ${token}` }
}

/** One account of each role with its auth headers. */
export async function createRoleUsers(ctx: TestContext) {
  const roles: Role[] = ['admin', 'editor', 'moderator', 'integration']
  const result = {} as Record<Role, { user: TestUser; headers: Record<string, string> }>
  // One after the other: on an empty database the first account becomes admin.
  for (const role of roles) {
    const user = await createUser(ctx.payload, role)
    result[role] = { user, headers: await authHeaders(ctx, user) }
  }
  return result
}

export const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
})
