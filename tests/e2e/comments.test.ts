/**
 * Reader comments in a real browser, against the built app: posting through the form without
 * JavaScript (errors tied to their fields, then the confirmation and the pending comment), with
 * JavaScript (no reload), a moderator approving in the admin, and the comment on the page.
 *
 */
import { randomBytes } from 'node:crypto'

import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'


const baseURL = inject('baseURL')
const ARTICLE = '/articles/decideurs-en-region-labo-de-l-ess-rendre-accessibles-des-solutions-concretes-christelle-layre'
const FORM = '#comments-form'

let browser: Browser
let moderator: { email: string; password: string }
const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`
const bodyText = async (page: Page) => (await page.locator('body').innerText()).replace(/[\u00A0\u202F]/g, ' ')

async function adminToken(): Promise<string> {
  const res = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  })
  return ((await res.json()) as { token: string }).token
}

async function createModerator() {
  const account = { email: `moderation-${randomBytes(3).toString('hex')}@exemple.test`, password: `Mod-${randomBytes(8).toString('hex')}` }
  const res = await fetch(`${baseURL}/api/users`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${await adminToken()}` },
    body: JSON.stringify({ ...account, name: 'Modératrice', roles: ['moderator'] }),
  })
  expect(res.status).toBe(201)
  return account
}

async function fillForm(page: Page, values: { name?: string; email?: string; body?: string }) {
  const form = page.locator(FORM)
  if (values.name !== undefined) await form.getByLabel('Votre nom', { exact: true }).fill(values.name)
  if (values.email !== undefined) await form.getByLabel('Votre adresse e-mail', { exact: true }).fill(values.email)
  if (values.body !== undefined) await form.getByLabel('Votre message', { exact: true }).fill(values.body)
}

/** The moderator approves, in the admin, the pending comment that contains `text`. */
async function approveInAdmin(context: BrowserContext, text: string) {
  const page = await context.newPage()
  await page.goto(`${baseURL}/admin/login`)
  await page.locator('input[name="email"]').fill(moderator.email)
  await page.locator('input[name="password"]').fill(moderator.password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(`${baseURL}/admin`)
  // The dashboard counts what waits.
  await expect.poll(() => bodyText(page), { timeout: 20_000 }).toMatch(/\d+ commentaires? en attente de modération/)
  // The list opens on the pending queue.
  await page.goto(`${baseURL}/admin/collections/comments`)
  await page.waitForURL(/where%5Bstatus%5D%5Bequals%5D=pending|where\[status\]\[equals\]=pending/)
  const row = page.locator('tr', { hasText: text.slice(0, 40) })
  await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1)
  await row.locator('input[type="checkbox"]').check()
  const approve = page.getByRole('button', { name: 'Approuver', exact: true })
  await approve.waitFor()
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/comments') && r.request().method() === 'PATCH'),
    approve.click(),
  ])
  expect(response.status()).toBe(200)
  // Approved: it leaves the pending queue.
  await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0)
  await page.close()
}

describe('comments on an article page', () => {
  beforeAll(async () => {
    browser = await launchBrowser()
    moderator = await createModerator()
  })
  afterAll(async () => browser?.close())

  it('without JavaScript: errors tied to their fields, then the confirmation; a moderator approves; the comment appears', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false })
    const page = await context.newPage()
    const res = await page.goto(`${baseURL}${ARTICLE}`)
    expect(res?.status()).toBe(200)
    const text = await bodyText(page)
    expect(text).toContain('Ce forum est modéré a priori : votre contribution n’apparaîtra qu’après avoir été validée par un administrateur du site.')
    expect(text).toContain('Qui êtes-vous ?')
    expect(text).toContain('Ce formulaire accepte les raccourcis SPIP')

    // Missing name, invalid e-mail: the page comes back with the errors, what was typed is kept.
    const message = unique('Un {{beau}} message envoyé sans JavaScript')
    await fillForm(page, { name: '', email: 'pas-une-adresse', body: message })
    await page.locator(FORM).getByRole('button', { name: 'Envoyer' }).click()
    await page.waitForLoadState('load')
    const name = page.locator(`${FORM} #comments-form-authorName`)
    expect(await name.getAttribute('aria-invalid')).toBe('true')
    expect(await name.getAttribute('aria-describedby')).toContain('comments-form-authorName-erreur')
    expect(await page.locator('#comments-form-authorName-erreur').innerText()).toBe('Indiquez votre nom.')
    expect(await page.locator('#comments-form-authorEmail-erreur').innerText()).toMatch(/^Adresse e-mail invalide/)
    expect(await page.locator(`${FORM} #comments-form-body`).inputValue()).toBe(message)
    expect(await page.locator(`${FORM} .comments-error-summary a[href="#comments-form-authorName"]`).count()).toBe(1)

    // Corrected: confirmation, and the author sees their comment marked pending.
    await fillForm(page, { name: 'Lectrice sans JS', email: 'lectrice@exemple.test' })
    await page.locator(FORM).getByRole('button', { name: 'Envoyer' }).click()
    await page.waitForLoadState('load')
    const after = await bodyText(page)
    expect(after).toContain('Merci ! Votre message a bien été reçu : il apparaîtra après validation par un modérateur.')
    expect(after).toContain('en attente de validation')
    expect(await page.locator('.comments-comment--pending strong', { hasText: 'beau' }).count()).toBe(1)

    // Nobody else sees it.
    const other = await browser.newContext({ javaScriptEnabled: false })
    const otherPage = await other.newPage()
    await otherPage.goto(`${baseURL}${ARTICLE}`)
    expect(await bodyText(otherPage)).not.toContain(message.replace('{{beau}}', 'beau'))
    await other.close()

    // A moderator approves it in the admin; it appears on the page.
    const admin = await browser.newContext({ locale: 'fr-FR' })
    await approveInAdmin(admin, message.replace('{{beau}}', 'beau'))
    await admin.close()
    const reader = await browser.newContext({ javaScriptEnabled: false })
    const readerPage = await reader.newPage()
    await expect
      .poll(
        async () => {
          await readerPage.goto(`${baseURL}${ARTICLE}`)
          return bodyText(readerPage)
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toContain(message.replace('{{beau}}', 'beau'))
    expect(await readerPage.locator('.comments-comment strong', { hasText: 'beau' }).count()).toBe(1)
    expect(await bodyText(readerPage)).not.toContain('lectrice@exemple.test')
    await reader.close()
    await context.close()
  })

  it('with JavaScript: posts without reloading, focuses the outcome, and the section is accessible', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' })
    const page = await context.newPage()
    await page.goto(`${baseURL}${ARTICLE}`)
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true))

    await page.locator(FORM).getByRole('button', { name: 'Envoyer' }).click()
    await expect.poll(() => page.locator('#comments-form-authorName-erreur').count()).toBe(1)
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('comments-error-summary')
    const { violations: withErrors } = await new AxeBuilder({ page }).include('#commentaires').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(withErrors.map((v) => v.id)).toEqual([])

    const message = unique('Message envoyé avec JavaScript')
    await fillForm(page, { name: 'Lecteur avec JS', email: 'lecteur@exemple.test', body: message })
    await page.locator(FORM).getByRole('button', { name: 'Envoyer' }).click()
    await expect.poll(() => bodyText(page), { timeout: 15_000 }).toContain('Merci ! Votre message a bien été reçu')
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)
    expect(await page.locator(`${FORM} #comments-form-body`).inputValue()).toBe('')
    expect(await bodyText(page)).toContain(message)

    // A later visit (same browser) still shows it, marked pending.
    await page.reload()
    await expect.poll(() => bodyText(page), { timeout: 10_000 }).toContain(message)
    expect(await page.locator('.comments-own').innerText()).toContain('en attente de validation')

    const { violations } = await new AxeBuilder({ page }).include('#commentaires').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await context.close()
  })
})
