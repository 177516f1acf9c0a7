import { randomBytes } from 'node:crypto'

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
})
