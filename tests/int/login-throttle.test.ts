/**
 * The login throttle (src/plugins/login-throttle) against the attacks of the security run
 * (issue 18, item 4), through real HTTP on a real Postgres. Each test comes from addresses of
 * its own (the test server plays the trusted proxy: X-Forwarded-For is the visitor's address).
 */
import { randomBytes } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { executorFor } from '../../src/plugins/shared/sql'
import { keyOf } from '../../src/plugins/login-throttle/counters'
import { PASSWORD_HASH } from '../../src/plugins/login-throttle/decoy'
import { bootPayload, type TestContext } from '../helpers/payload'
import { authHeaders, createUser, json, type TestUser } from '../helpers/users'

let ctx: TestContext

beforeAll(async () => {
  ctx = await bootPayload()
})
afterAll(async () => ctx?.close())

let nextAddress = 1
/** A fresh visitor address (TEST-NET-3). */
const address = () => `203.0.113.${nextAddress++}`
const unknownEmail = () => `inconnu-${randomBytes(3).toString('hex')}@exemple.test`

type Answer = { status: number; body: { errors?: { message: string; code?: string }[]; token?: string }; retryAfter: string | null; setCookie: string[] }

async function post(path: string, body: unknown, from: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await ctx.api(path, { method: 'POST', ...json(body, { 'X-Forwarded-For': from, ...headers }) })
  return { status: res.status, body: (await res.json()) as Answer['body'], retryAfter: res.headers.get('retry-after'), setCookie: res.headers.getSetCookie() }
}
const login = (email: string, password: string, from: string, cookie?: string) =>
  post('/api/users/login', { email, password }, from, cookie ? { Cookie: cookie } : {})
const forgot = (email: string, from: string) => post('/api/users/forgot-password', { email }, from)

const message = (answer: Answer) => answer.body.errors?.[0]?.message
const TOO_MANY = /^Trop de tentatives de connexion\. Réessayez dans \d+ minutes? ou réinitialisez votre mot de passe\.$/

/** Locks an account the way a stranger would: wrong passwords until the 429. */
async function lock(email: string, from = address()) {
  for (let i = 0; i < 5; i++) expect((await login(email, 'mauvais', from)).status).toBe(401)
  const refused = await login(email, 'mauvais', from)
  expect(refused.status).toBe(429)
  return refused
}

/** The known-device cookie a successful login sets, as the browser sends it back. */
function deviceCookie(answer: Answer, user: TestUser): string {
  const set = answer.setCookie.find((c) => c.startsWith(`payload-device-${user.id}=`))
  expect(set, 'known-device cookie').toBeDefined()
  expect(set).toMatch(/; Path=\/api\/users\/login;/)
  expect(set).toMatch(/; HttpOnly/)
  expect(set).toMatch(/Max-Age=15552000/)
  return set!.split(';')[0]
}

describe('login throttle (issue 18, item 4)', () => {
  it('a stranger cannot lock the admin out: right password from a known device still works', async () => {
    const admin = await createUser(ctx.payload, 'admin')
    const office = address()
    const first = await login(admin.email, admin.password, office)
    expect(first.status).toBe(200)
    const cookie = deviceCookie(first, admin)

    // A stranger, elsewhere, tries passwords until the account is over its limit.
    await lock(admin.email)

    // From a device never used to log in, even the right password waits.
    const unknownDevice = await login(admin.email, admin.password, address())
    expect(unknownDevice.status).toBe(429)
    expect(message(unknownDevice)).toMatch(TOO_MANY)
    // A forged or foreign cookie is no known device.
    const forged = `payload-device-${admin.id}=${Math.floor(Date.now() / 1000)}.${'A'.repeat(43)}`
    expect((await login(admin.email, admin.password, address(), forged)).status).toBe(429)

    // The admin's own browser still logs in, and a wrong password from it still fails as such.
    expect((await login(admin.email, 'mauvais', office, cookie)).status).toBe(401)
    const known = await login(admin.email, admin.password, office, cookie)
    expect(known.status).toBe(200)
    expect(known.body.token).toBeTruthy()
    // The cookie is bound to its account: it does not open another locked one.
    const other = await createUser(ctx.payload, 'editor')
    await lock(other.email)
    expect((await login(other.email, other.password, office, cookie)).status).toBe(429)
  }, 120_000)

  it('unknown and locked accounts get the same answer', async () => {
    const editor = await createUser(ctx.payload, 'editor')
    const ghost = unknownEmail()
    const from = address()
    // CPU time of this process (the server runs in it): wall time would measure the machine's load.
    const timed = async (email: string) => {
      const started = process.cpuUsage()
      const answer = await login(email, 'mauvais', from)
      const used = process.cpuUsage(started)
      return { answer, ms: (used.user + used.system) / 1000 }
    }
    const delays = { known: [] as number[], unknown: [] as number[] }
    for (let i = 0; i < 5; i++) {
      const known = await timed(editor.email)
      const unknown = await timed(ghost)
      expect(known.answer.status).toBe(401)
      expect(unknown.answer).toEqual(known.answer)
      expect(message(known.answer)).toBe('Adresse e-mail ou mot de passe incorrect.')
      delays.known.push(known.ms)
      delays.unknown.push(unknown.ms)
    }
    // Nor does the work done: an unknown e-mail costs a password hash too (decoy.ts).
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
    expect(median(delays.unknown)).toBeGreaterThan(median(delays.known) / 2)
    const locked = await login(editor.email, editor.password, from)
    const lockedGhost = await login(ghost, 'mauvais', from)
    expect(locked.status).toBe(429)
    expect(message(locked)).toMatch(TOO_MANY)
    expect(lockedGhost.status).toBe(429)
    expect(message(lockedGhost)).toBe(message(locked))
    expect(Number(locked.retryAfter)).toBeGreaterThan(14 * 60)
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(15 * 60)
    expect(Number(lockedGhost.retryAfter)).toBeGreaterThan(14 * 60)
    // Payload's own lock is gone: nothing tells a locked account from another.
    const stored = await ctx.payload.find({ collection: 'users', where: { id: { equals: editor.id } }, showHiddenFields: true, overrideAccess: true })
    const doc = stored.docs[0] as unknown as Record<string, unknown>
    expect(doc).not.toHaveProperty('lockUntil')
    // The decoy hashes as Payload does (decoy.ts): an upgrade that changes it must be looked at.
    expect(String(doc.hash)).toMatch(new RegExp(`^${PASSWORD_HASH.prefix}[0-9a-f]{${PASSWORD_HASH.keyLength * 2}}$`))
  })

  it('60 attempts in a burst from one address are throttled (429, Retry-After)', async () => {
    const victim = await createUser(ctx.payload, 'editor')
    const from = address()
    const started = Date.now()
    // Each guess for another e-mail, so that only the address's limit can stop them.
    const answers = await Promise.all(Array.from({ length: 60 }, () => login(unknownEmail(), 'mauvais', from)))
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(answers.filter((a) => a.status === 401)).toHaveLength(20)
    const refused = answers.filter((a) => a.status === 429)
    expect(refused).toHaveLength(40)
    for (const answer of refused) {
      expect(message(answer)).toMatch(TOO_MANY)
      expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1)
      expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60)
    }
    // The right password from this address waits too; from another address, the account is fine.
    expect((await login(victim.email, victim.password, from)).status).toBe(429)
    expect((await login(victim.email, victim.password, address())).status).toBe(200)
  })

  it('password-reset floods are throttled and don\'t reveal accounts', async () => {
    const editor = await createUser(ctx.payload, 'editor')
    const ghost = unknownEmail()
    const from = address()
    const known = await forgot(editor.email, from)
    const unknown = await forgot(ghost, from)
    expect(known.status).toBe(200)
    expect(unknown).toEqual(known)

    // Per e-mail: 3 an hour, whether the account exists or not.
    for (let i = 0; i < 2; i++) {
      expect((await forgot(editor.email, address())).status).toBe(200)
      expect((await forgot(ghost, address())).status).toBe(200)
    }
    const tooManyKnown = await forgot(editor.email, address())
    const tooManyGhost = await forgot(ghost, address())
    expect(tooManyKnown.status).toBe(429)
    expect(message(tooManyKnown)).toMatch(/^Trop de demandes de réinitialisation du mot de passe\. Réessayez dans \d+ minutes?\.$/)
    expect(Number(tooManyKnown.retryAfter)).toBeGreaterThan(59 * 60)
    expect(tooManyGhost.status).toBe(429)
    expect(message(tooManyGhost)).toBe(message(tooManyKnown))

    // Per address: 5 in 15 minutes, whatever the e-mails.
    const flooder = address()
    const answers = []
    for (let i = 0; i < 7; i++) answers.push(await forgot(unknownEmail(), flooder))
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429, 429])
    expect(Number(answers[5].retryAfter)).toBeGreaterThan(14 * 60)
  })

  it('an admin unlocks; a reset unlocks', async () => {
    const admin = await createUser(ctx.payload, 'admin')
    const moderator = await createUser(ctx.payload, 'moderator')
    const victim = await createUser(ctx.payload, 'editor')

    await lock(victim.email)
    const notAdmin = await post('/api/users/unlock', { email: victim.email }, address(), await authHeaders(ctx, moderator))
    expect(notAdmin.status).toBe(403)
    expect((await login(victim.email, victim.password, address())).status).toBe(429)
    const unlocked = await post('/api/users/unlock', { email: victim.email.toUpperCase() }, address(), await authHeaders(ctx, admin))
    expect(unlocked.status).toBe(200)
    expect((await login(victim.email, victim.password, address())).status).toBe(200)

    // Locked again: the forgot-password e-mail is the way out.
    await lock(victim.email)
    expect((await forgot(victim.email, address())).status).toBe(200)
    const stored = await ctx.payload.find({ collection: 'users', where: { email: { equals: victim.email } }, showHiddenFields: true, overrideAccess: true })
    const token = (stored.docs[0] as { resetPasswordToken?: string }).resetPasswordToken
    expect(token).toBeTruthy()
    const password = `Nouveau-${randomBytes(6).toString('hex')}`
    expect((await post('/api/users/reset-password', { token, password }, address())).status).toBe(200)
    expect((await login(victim.email, password, address())).status).toBe(200)
  })

  it('two Payload instances share counters: they live in Postgres, exact under concurrency, with no address or e-mail', async () => {
    const editor = await createUser(ctx.payload, 'editor')
    // Ten guesses at once (as from several instances): exactly five get through to the password check.
    const answers = await Promise.all(Array.from({ length: 10 }, () => login(editor.email, 'mauvais', address())))
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5)
    expect(answers.filter((a) => a.status === 429)).toHaveLength(5)

    const exec = await executorFor(ctx.payload)
    const key = keyOf(ctx.payload.secret, editor.email)
    const { rows } = await exec.execute(sql`SELECT "count" FROM login_throttle.counters WHERE "scope" = 'accountFailures' AND "key" = ${key}`)
    expect(rows).toEqual([{ count: 10 }])
    const { rows: leaks } = await exec.execute(sql`SELECT 1 FROM login_throttle.counters WHERE "key" LIKE '%@%' OR "key" LIKE '203.%'`)
    expect(leaks).toEqual([])

    // What another instance counts, this one sees: an unlock there (the row gone) frees the account here.
    await exec.execute(sql`DELETE FROM login_throttle.counters WHERE "key" = ${key}`)
    expect((await login(editor.email, editor.password, address())).status).toBe(200)
    // And a count written there refuses here.
    await exec.execute(sql`UPDATE login_throttle.counters SET "count" = 5 WHERE "scope" = 'accountFailures' AND "key" = ${key}`)
    expect((await login(editor.email, editor.password, address())).status).toBe(429)
  })
})
