/**
 * Reader comments in a real browser, against the built app: posting through the form without
 * JavaScript (errors tied to their fields, then the confirmation and the pending comment), with
 * JavaScript (no reload), a moderator approving in the admin, and the comment on the page.
 * Replies: through the reply page without JavaScript, inline with it; and the weight of a page
 * with many comments (no form per comment).
 */
import { randomBytes } from 'node:crypto'

import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser, waitForHydration } from '../helpers/browser'
import { logInAdmin } from '../helpers/site'


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

async function login(account: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(account),
  })
  return ((await res.json()) as { token: string }).token
}

/** A comment posted by the moderator through REST: approved at once (staff). */
async function postAsModerator(token: string, data: { article: number; body: string; parent?: number; authorName?: string }): Promise<number> {
  const res = await fetch(`${baseURL}/api/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({ target: { relationTo: 'articles', value: data.article }, body: data.body, parent: data.parent, authorName: data.authorName }),
  })
  expect(res.status).toBe(201)
  const { doc } = (await res.json()) as { doc: { id: number } }
  return doc.id
}

async function articleBySlug(slug: string): Promise<{ id: number; slug: string }> {
  const res = await fetch(`${baseURL}/api/articles?where[slug][equals]=${encodeURIComponent(slug)}&limit=1&depth=0`)
  return ((await res.json()) as { docs: { id: number; slug: string }[] }).docs[0]
}

const axe = (page: Page, selector: string) => new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
const violationsOf = async (page: Page, selector: string) =>
  (await axe(page, selector)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)

/** Reloads `path` until its text contains `text` (approving refreshes the cached page). */
async function pollPage(page: Page, path: string, text: string) {
  await expect
    .poll(
      async () => {
        await page.goto(`${baseURL}${path}`)
        return bodyText(page)
      },
      { timeout: 20_000, interval: 1_000 },
    )
    .toContain(text)
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
  await logInAdmin(page, { email: moderator.email, password: moderator.password })
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
    expect(await readerPage.locator('.comments-list article strong', { hasText: 'beau' }).count()).toBe(1)
    expect(await bodyText(readerPage)).not.toContain('lectrice@exemple.test')
    await reader.close()
    await context.close()
  })

  it('with JavaScript: posts without reloading, focuses the outcome, and the section is accessible', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' })
    const page = await context.newPage()
    await page.goto(`${baseURL}${ARTICLE}`)
    await waitForHydration(page, FORM)
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

  it('replies without JavaScript: the reply page, its errors, then the reply pending for its author', async () => {
    const article = await articleBySlug(ARTICLE.split('/').pop()!)
    const token = await login(moderator)
    const parentBody = unique('Une question de la modération')
    const parentId = await postAsModerator(token, { article: article.id, body: parentBody, authorName: 'Camille de la modération' })

    const context = await browser.newContext({ locale: 'fr-FR', javaScriptEnabled: false })
    const page = await context.newPage()
    await pollPage(page, ARTICLE, parentBody)
    // The comment's link leads to its reply page.
    const link = page.locator(`#commentaire-${parentId} > article`).getByRole('link', { name: 'Répondre à Camille de la modération', exact: true })
    expect(await link.getAttribute('href')).toBe(`/commentaires/${parentId}/repondre`)
    await link.click()
    await page.waitForURL(`${baseURL}/commentaires/${parentId}/repondre`)
    expect(await page.locator('h1').innerText()).toBe('Répondre à Camille de la modération')
    expect(await bodyText(page)).toContain(parentBody)
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toContain('noindex')
    expect(await page.locator(`${FORM} input[name="parent"]`).getAttribute('value')).toBe(String(parentId))
    expect(await page.locator(FORM).getAttribute('aria-label')).toBe('Répondre à Camille de la modération')

    // An error comes back tied to its field.
    const reply = unique('Ma {{réponse}} sans JavaScript')
    await fillForm(page, { name: 'Lectrice qui répond', email: 'pas-une-adresse', body: reply })
    await page.locator(FORM).getByRole('button', { name: 'Envoyer' }).click()
    await page.waitForLoadState('load')
    expect(page.url()).toContain(`/commentaires/${parentId}/repondre`)
    expect(await page.locator(`${FORM} #comments-form-authorEmail`).getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#comments-form-authorEmail-erreur').innerText()).toMatch(/^Adresse e-mail invalide/)

    await fillForm(page, { email: 'lectrice.reponse@exemple.test' })
    await page.locator(FORM).getByRole('button', { name: 'Envoyer' }).click()
    await page.waitForLoadState('load')
    expect(await bodyText(page)).toContain('Merci ! Votre message a bien été reçu : il apparaîtra après validation par un modérateur.')
    expect(await page.locator('.comments-comment--pending', { hasText: 'réponse' }).innerText()).toContain('en attente de validation')
    await context.close()

    // Stored as a reply to that comment, pending.
    const res = await fetch(`${baseURL}/api/comments?where[parent][equals]=${parentId}&depth=0`, { headers: { Authorization: `JWT ${token}` } })
    const { docs } = (await res.json()) as { docs: { status: string; level: number; body: string }[] }
    expect(docs.map((d) => [d.status, d.level, d.body])).toEqual([['pending', 2, reply]])

    // The reply page of an unknown or unpublished comment does not exist.
    expect((await fetch(`${baseURL}/commentaires/999999999/repondre`)).status).toBe(404)
    const pending = (await (await fetch(`${baseURL}/api/comments?where[parent][equals]=${parentId}&depth=0`, { headers: { Authorization: `JWT ${token}` } })).json()) as {
      docs: { id: number }[]
    }
    expect((await fetch(`${baseURL}/commentaires/${pending.docs[0].id}/repondre`)).status).toBe(404)
    expect((await fetch(`${baseURL}/commentaires/abc/repondre`)).status).toBe(404)

    // The reply page is accessible.
    const withJs = await browser.newContext({ locale: 'fr-FR' })
    const replyPage = await withJs.newPage()
    await replyPage.goto(`${baseURL}/commentaires/${parentId}/repondre`)
    await replyPage.locator(FORM).getByRole('button', { name: 'Envoyer' }).click()
    await expect.poll(() => replyPage.locator('#comments-form-authorName-erreur').count()).toBe(1)
    expect(await violationsOf(replyPage, 'main')).toEqual([])
    await withJs.close()
  })

  it('replies with JavaScript: one form opens under the comment, focused, and the reply shows pending', async () => {
    const article = await articleBySlug(ARTICLE.split('/').pop()!)
    const token = await login(moderator)
    const parentBody = unique('Un avis à discuter')
    const parentId = await postAsModerator(token, { article: article.id, body: parentBody, authorName: 'Dominique' })

    const context = await browser.newContext({ locale: 'fr-FR' })
    const page = await context.newPage()
    await pollPage(page, ARTICLE, parentBody)
    await waitForHydration(page, `#commentaire-${parentId} > article`)
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true))
    const comment = page.locator(`#commentaire-${parentId} > article`)
    await comment.getByRole('link', { name: 'Répondre à Dominique', exact: true }).click()
    const form = comment.locator(`form#comments-reply-${parentId}`)
    await form.waitFor()
    expect(page.url()).toBe(`${baseURL}${ARTICLE}`)
    expect(await form.getAttribute('aria-label')).toBe('Répondre à Dominique')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('nom')
    // One reply form on the page at a time.
    expect(await page.locator('form[id^="comments-reply-"]').count()).toBe(1)

    await form.getByRole('button', { name: 'Envoyer' }).click()
    await expect.poll(() => form.locator(`#comments-reply-${parentId}-authorName-erreur`).count()).toBe(1)
    expect(await violationsOf(page, '#commentaires')).toEqual([])

    // Cancel gives the focus back to the link; opening again works.
    await page.getByRole('button', { name: 'Annuler la réponse' }).click()
    expect(await page.locator('form[id^="comments-reply-"]').count()).toBe(0)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Répondre à Dominique')
    await comment.getByRole('link', { name: 'Répondre à Dominique', exact: true }).click()
    await form.waitFor()

    const reply = unique('Réponse envoyée avec JavaScript')
    await form.getByLabel('Votre nom', { exact: true }).fill('Lecteur qui répond')
    await form.getByLabel('Votre adresse e-mail', { exact: true }).fill('lecteur.reponse@exemple.test')
    await form.getByLabel('Votre message', { exact: true }).fill(reply)
    await form.getByRole('button', { name: 'Envoyer' }).click()
    await expect.poll(() => comment.innerText(), { timeout: 15_000 }).toContain('Merci ! Votre message a bien été reçu')
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)
    expect(await comment.locator('.comments-comment--pending').innerText()).toContain(reply)
    expect(await comment.locator('.comments-comment--pending').innerText()).toContain('en attente de validation')
    expect(await violationsOf(page, '#commentaires')).toEqual([])

    const res = await fetch(`${baseURL}/api/comments?where[parent][equals]=${parentId}&depth=0`, { headers: { Authorization: `JWT ${token}` } })
    const { docs } = (await res.json()) as { docs: { status: string; body: string }[] }
    expect(docs.map((d) => [d.status, d.body])).toEqual([['pending', reply]])
    await context.close()
  })

  it('a page with many comments stays light: no form per comment, a bounded size per comment', async () => {
    // Another article, without comments yet.
    const res = await fetch(`${baseURL}/api/articles?where[slug][not_equals]=${encodeURIComponent(ARTICLE.split('/').pop()!)}&limit=1&depth=0&sort=-publishedAt`)
    const article = ((await res.json()) as { docs: { id: number; slug: string }[] }).docs[0]
    const path = `/articles/${article.slug}`
    const size = async () => {
      const page = await fetch(`${baseURL}${path}`)
      expect(page.status).toBe(200)
      return Buffer.byteLength(await page.text())
    }
    const empty = await size()

    // 60 approved comments: 20 threads of three levels.
    const token = await login(moderator)
    const N = 20
    for (let i = 1; i <= N; i++) {
      const root = await postAsModerator(token, { article: article.id, authorName: `Lectrice ${i}`, body: `Premier avis numéro ${i} sur cet article, avec une {{idée}}.` })
      const reply = await postAsModerator(token, { article: article.id, parent: root, authorName: `Lecteur ${i}`, body: `Une réponse au premier avis numéro ${i}.` })
      await postAsModerator(token, { article: article.id, parent: reply, authorName: `Autrice ${i}`, body: `Et une réponse à la réponse numéro ${i}.` })
    }
    const count = 3 * N
    await expect
      .poll(async () => (await (await fetch(`${baseURL}${path}`)).text()).includes(`${count} commentaires`), { timeout: 20_000, interval: 1_000 })
      .toBe(true)
    const html = await (await fetch(`${baseURL}${path}`)).text()
    // One comment form (the new comment's); a reply link on the first two levels only.
    expect(html.match(/<form[^>]*class="comments-form"/g)?.length).toBe(1)
    expect(html.match(/class="comments-reply-link"/g)?.length).toBe(2 * N)
    const perComment = (Buffer.byteLength(html) - empty) / count
    console.log(`comments page: ${empty} B empty, ${Buffer.byteLength(html)} B with ${count} comments, ${Math.round(perComment)} B per comment`)
    // Markup and React payload of one short comment (it was ~5 KB with a form per comment).
    expect(perComment).toBeLessThan(1000)
  })
})
