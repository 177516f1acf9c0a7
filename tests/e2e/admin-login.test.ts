import { randomBytes, randomInt } from 'node:crypto'
import http from 'node:http'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'

const baseURL = inject('baseURL')
let browser: Browser
let editor: { email: string; password: string }

/** Creates an editor through REST, as the admin would. */
async function createEditor() {
  const login = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  })
  const { token } = (await login.json()) as { token: string }
  const account = { email: `redac-${randomBytes(3).toString('hex')}@exemple.test`, password: `Redac-${randomBytes(8).toString('hex')}` }
  const res = await fetch(`${baseURL}/api/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ ...account, name: 'Rédactrice', roles: ['editor'] }),
  })
  expect(res.status).toBe(201)
  return account
}

/**
 * A stranger's login attempt from a loopback address of its own (the socket's peer the server
 * sees: tests/e2e/comments-flood.test.ts), so that the browser's address keeps its own counts.
 */
function strangerLogin(email: string, password: string, from: string): Promise<number> {
  const body = JSON.stringify({ email, password })
  const { port } = new URL(baseURL)
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: Number(port),
        family: 4,
        localAddress: from,
        method: 'POST',
        path: '/api/users/login',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

async function submitLogin(page: Page, email: string, password: string) {
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
}

beforeAll(async () => {
  browser = await launchBrowser()
  editor = await createEditor()
})
afterAll(async () => browser?.close())

describe('admin panel in a real browser', () => {
  it('logs an editor in and shows the French dashboard', async () => {
    // An English browser still gets the French admin.
    const context = await browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await page.goto(`${baseURL}/admin/login`)
    await expect.poll(() => page.locator('button[type="submit"]').textContent()).toMatch(/Se connecter|Connexion/)
    await submitLogin(page, editor.email, editor.password)
    await page.waitForURL(`${baseURL}/admin`)
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('Médias')
    const text = await page.locator('body').innerText()
    expect(text).toContain('Utilisateurs')
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    await context.close()
  })

  it('locks the account after repeated wrong passwords and says so', async () => {
    const victim = await createEditor()
    const context = await browser.newContext({ locale: 'fr-FR' })
    const page = await context.newPage()
    await page.goto(`${baseURL}/admin/login`)
    for (let i = 0; i < 6; i++) {
      await submitLogin(page, victim.email, 'mauvais-mot-de-passe')
      await page.waitForResponse((r) => r.url().includes('/api/users/login'))
    }
    await expect
      .poll(() => page.locator('body').innerText(), { timeout: 15_000 })
      .toMatch(/Trop de tentatives de connexion\. Réessayez dans 1[45] minutes ou réinitialisez votre mot de passe\./)
    await context.close()
  })

  it('a stranger cannot lock an editor out of the browser they logged in from', async () => {
    const victim = await createEditor()
    const known = await browser.newContext({ locale: 'fr-FR' })
    const page = await known.newPage()
    await page.goto(`${baseURL}/admin/login`)
    await submitLogin(page, victim.email, victim.password)
    await page.waitForURL(`${baseURL}/admin`)
    // The session ends; the known-device cookie stays.
    await known.clearCookies({ name: 'payload-token' })

    const stranger = `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push(await strangerLogin(victim.email, 'mauvais-mot-de-passe', stranger))
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])

    // Another browser waits, even with the right password…
    const other = await browser.newContext({ locale: 'fr-FR' })
    const otherPage = await other.newPage()
    await otherPage.goto(`${baseURL}/admin/login`)
    await submitLogin(otherPage, victim.email, victim.password)
    await expect.poll(() => otherPage.locator('body').innerText(), { timeout: 15_000 }).toContain('Trop de tentatives de connexion.')
    await other.close()

    // …the editor's own browser logs in.
    await page.goto(`${baseURL}/admin/login`)
    await submitLogin(page, victim.email, victim.password)
    await page.waitForURL(`${baseURL}/admin`)
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain('Médias')
    await known.close()
  })
})
