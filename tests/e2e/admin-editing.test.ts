/**
 * The admin as an editor meets it: another address of the site, the Back button, a save that
 * never reaches the server. Real Chromium against the production server.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { logInAdmin, screenshotPath } from '../helpers/site'

const baseURL = inject('baseURL')
/** The same server at another address of this machine (SITE_URL says localhost). */
const otherOrigin = baseURL.replace('//localhost:', '//127.0.0.1:')

let browser: Browser

async function loggedIn(origin: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'fr-FR' })
  const page = await context.newPage()
  await logInAdmin(page, { origin })
  return { context, page }
}

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => browser?.close())

describe('the admin at another address of the site', () => {
  it('saves at 127.0.0.1 as at localhost', async () => {
    const { context, page } = await loggedIn(otherOrigin)
    await page.goto(`${otherOrigin}/admin/collections/tags/create`)
    await page.locator('input[name="name"]').fill('Étiquette enregistrée depuis 127.0.0.1')
    const saved = page.waitForResponse((r) => r.url().includes('/api/tags') && r.request().method() === 'POST')
    await page.keyboard.press('Control+s')
    expect((await saved).status()).toBe(201)
    await page.waitForURL(/\/admin\/collections\/tags\/\d+$/)
    await context.close()
  })

  it('a session sent from an address that is not the site’s is refused with the reason, in French', async () => {
    const login = await fetch(`${baseURL}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: baseURL },
      body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
    })
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const save = (origin: string) =>
      fetch(`${baseURL}/api/globals/navigation`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: origin }, body: '{}' })

    expect((await save(otherOrigin)).status).toBe(200)
    const refused = await save('http://192.0.2.10:3999')
    expect(refused.status).toBe(403)
    const { errors } = (await refused.json()) as { errors: { message: string; code: string }[] }
    expect(errors[0]).toEqual({
      code: 'untrusted_origin',
      message: `Votre session n’est pas reconnue à cette adresse (http://192.0.2.10:3999) : ouvrez l’administration à ${baseURL}/admin, ou faites ajouter cette adresse à SITE_ALIASES.`,
    })
  })
})

describe('navigation', () => {
  it('Back from a document shows the list again', async () => {
    const { context, page } = await loggedIn(baseURL)
    // A full load of the list: Payload rewrites its URL before Next.js watches the history.
    await page.goto(`${baseURL}/admin/collections/projects`)
    await page.locator('table tbody tr a').first().click()
    await page.waitForURL(/\/admin\/collections\/projects\/\d+$/)
    await page.locator('input[name="title"]').waitFor()
    const started = Date.now()
    await page.goBack()
    await page.locator('table tbody tr').first().waitFor({ timeout: 5000 })
    await expect.poll(() => page.locator('input[name="title"]').count(), { timeout: 5000 }).toBe(0)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(page.url()).toMatch(/\/admin\/collections\/projects(\?|$)/)
    await context.close()
  })
})

describe('a document just created', () => {
  it('Back leads to the list, not to an empty creation form', async () => {
    const { context, page } = await loggedIn(baseURL)
    await page.goto(`${baseURL}/admin/collections/tags`)
    await page.locator('table tbody tr').first().waitFor()
    await page.goto(`${baseURL}/admin/collections/tags/create`)
    await page.locator('input[name="name"]').fill('Étiquette créée puis quittée')
    await page.locator('#action-save').click()
    await page.waitForURL(/\/admin\/collections\/tags\/\d+$/)
    await page.goBack()
    await page.locator('table tbody tr').first().waitFor({ timeout: 5000 })
    expect(page.url()).toMatch(/\/admin\/collections\/tags(\?|$)/)
    await context.close()
  })
})

describe('fields that say what they do', () => {
  it('"Domaines" offers the domain tags only, in French alphabetical order', async () => {
    const { context, page } = await loggedIn(baseURL)
    await page.goto(`${baseURL}/admin/collections/projects/create`)
    await page.getByRole('tab', { name: 'Fiche projet' }).or(page.getByText('Fiche projet', { exact: true })).first().click()
    await page.locator('#field-domains .rs__control').click()
    const options = page.locator('.rs__option')
    await options.first().waitFor()
    const labels = await options.allInnerTexts()
    expect(labels).toContain('Éducation')
    expect(labels).not.toContain('Mutualiser')
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'fr')))
    await context.close()
  })

  it('"educ" in Domaines finds "Éducation"', async () => {
    const { context, page } = await loggedIn(baseURL)
    await page.goto(`${baseURL}/admin/collections/projects/create`)
    await page.getByText('Fiche projet', { exact: true }).first().click()
    await page.locator('#field-domains .rs__control').click()
    await page.keyboard.type('educ')
    await expect.poll(() => page.locator('.rs__option').allInnerTexts()).toEqual(['Éducation'])
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('#field-domains .rs__multi-value').allInnerTexts()).toEqual(['Éducation'])
    await page.keyboard.type('zz')
    await expect.poll(() => page.locator('#field-domains .rs__menu').innerText()).toContain('Aucune étiquette ne commence ainsi.')
    await context.close()
  })

  it('a month typed "06/2025" is June 2025, and what is not a month is said so', async () => {
    const { context, page } = await loggedIn(baseURL)
    await page.goto(`${baseURL}/admin/collections/projects/create`)
    await page.getByText('Fiche projet', { exact: true }).first().click()
    await page.locator('#field-conventionDates').getByRole('button', { name: /Ajouter/ }).first().click()
    const input = page.locator('#field-conventionDates .date-time-picker input').first()
    await input.fill('06/2025')
    await input.press('Tab')
    await expect.poll(() => input.inputValue()).toBe('juin 2025')
    await input.fill('13/2025')
    await input.press('Tab')
    const alert = page.locator('#field-conventionDates .month-field__unread[role="alert"]')
    await expect.poll(async () => (await alert.innerText()).replace(/\u00a0/g, ' ')).toBe('« 13/2025 » ne se lit pas comme un mois : écrivez par exemple « juin 2025 » ou « 06/2025 ».')
    expect(await input.inputValue()).toBe('juin 2025')
    await page.screenshot({ path: screenshotPath('admin-mois-illisible') })
    await input.fill('septembre 2017')
    await expect.poll(() => alert.count()).toBe(0)
    await input.press('Tab')
    await expect.poll(() => input.inputValue()).toBe('septembre 2017')
    await context.close()
  })

  it('the scheduling dialog names the document, the date and time, and Paris time by default', async () => {
    const { context, page } = await loggedIn(baseURL)
    await page.goto(`${baseURL}/admin/collections/projects`)
    await page.locator('table tbody tr a').first().click()
    const title = page.locator('input[name="title"]')
    await title.waitFor()
    await title.fill(`${await title.inputValue()} (programmé)`)
    await page.locator('.form-submit .popup-button').last().click()
    await page.getByText('Programmer la publication', { exact: true }).click()
    const dialog = page.locator('.drawer__content').last()
    await expect.poll(() => dialog.innerText()).toContain('Programmer la publication de « ')
    const text = await dialog.innerText()
    expect(text).toContain('(programmé) »')
    expect(text).toContain('Date et heure')
    expect(text).toContain('Paris (heure de la métropole)')
    expect(text).not.toMatch(/\{\{|Temps/)
    await page.screenshot({ path: screenshotPath('admin-programmer') })
    await context.close()
  })
})

describe('a nested page', () => {
  it('shows its full address on the site, with a link', async () => {
    const { context, page } = await loggedIn(baseURL)
    const res = await fetch(`${baseURL}/api/pages?where[slug][equals]=presentation&depth=0&limit=1`)
    const { docs } = (await res.json()) as { docs: { id: number }[] }
    await page.goto(`${baseURL}/admin/collections/pages/${docs[0]!.id}`)
    const link = page.locator('.page-address a')
    await link.waitFor()
    await expect.poll(() => link.innerText()).toBe(`${baseURL}/le-labo-de-l-ess/presentation`)
    expect(await link.getAttribute('href')).toBe('/le-labo-de-l-ess/presentation')
    await context.close()
  })
})

describe('a save that never reaches the server', () => {
  it('says the server is unreachable, keeps the form, and offers the typed text back after a reload', async () => {
    const { context, page } = await loggedIn(baseURL)
    await page.goto(`${baseURL}/admin/collections/projects/create`)
    await page.locator('input[name="title"]').fill('Projet saisi pendant une panne')
    await page.locator('textarea[name="summary"]').fill('Un résumé qui ne doit pas se perdre.')
    // The server goes away.
    await page.route('**/api/**', (route) => route.abort('connectionrefused'))
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
    const alert = page.locator('.labo-connection[role="alert"]')
    await expect.poll(() => alert.innerText(), { timeout: 10_000 }).toContain('Le serveur ne répond pas')
    expect(await page.locator('input[name="title"]').inputValue()).toBe('Projet saisi pendant une panne')
    // Payload's toast says it too, in French (not the browser's "Failed to fetch").
    await expect
      .poll(async () => (await page.locator('[data-sonner-toast]').allInnerTexts()).join('\n'))
      .toContain('Le serveur ne répond pas : rien n’a été enregistré.')
    await page.screenshot({ path: screenshotPath('admin-serveur-injoignable') })

    // It comes back: the banner says so.
    await page.unroute('**/api/**')
    await expect.poll(() => page.locator('.labo-connection').innerText(), { timeout: 10_000 }).toContain('Connexion rétablie')

    // The editor reloads (or the tab was closed): the creation form offers the text back.
    await page.goto(`${baseURL}/admin/collections/projects/create`)
    const banner = page.getByText('Une saisie non enregistrée du')
    await banner.waitFor()
    expect(await page.locator('input[name="title"]').inputValue()).toBe('')
    await page.screenshot({ path: screenshotPath('admin-saisie-retrouvee') })
    await page.getByRole('button', { name: 'Restaurer la saisie' }).click()
    await expect.poll(() => page.locator('input[name="title"]').inputValue()).toBe('Projet saisi pendant une panne')
    expect(await page.locator('textarea[name="summary"]').inputValue()).toBe('Un résumé qui ne doit pas se perdre.')

    // Saved this time: the copy is dropped once the new document is open.
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
    await page.waitForURL(/\/admin\/collections\/projects\/\d+$/)
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('labo:saisie-non-enregistree:'))))
      .toEqual([])
    await page.goto(`${baseURL}/admin/collections/projects/create`)
    await page.locator('input[name="title"]').waitFor()
    expect(await page.getByText('Une saisie non enregistrée du').count()).toBe(0)
    await context.close()
  })

  it('Escape on a drawer with typed text asks first', async () => {
    const { context, page } = await loggedIn(baseURL)
    await page.goto(`${baseURL}/admin/collections/projects/create`)
    // The cover field: a new image, in a drawer over the project.
    await page.getByRole('button', { name: /^Créer un/ }).first().click()
    const drawer = page.locator('.drawer.drawer--is-open')
    await drawer.locator('input[name="alt"]').fill('Une photo de l’atelier')
    const asked: string[] = []
    page.once('dialog', (dialog) => {
      asked.push(dialog.message())
      void dialog.dismiss()
    })
    await page.keyboard.press('Escape')
    await expect.poll(() => asked).toEqual(['Fermer ce panneau sans enregistrer ? Ce que vous y avez saisi sera perdu.'])
    await page.waitForTimeout(500)
    expect(await drawer.locator('input[name="alt"]').inputValue()).toBe('Une photo de l’atelier')

    page.once('dialog', (dialog) => void dialog.accept())
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.drawer.drawer--is-open').count()).toBe(0)
    await context.close()
  })

  it('a drawer closes once saved, its document chosen in the field', async () => {
    const { context, page } = await loggedIn(baseURL)
    await page.goto(`${baseURL}/admin/collections/projects/create`)
    await page.getByText('Fiche projet', { exact: true }).first().click()
    await page.locator('#field-partners .relationship-add-new__add-button').first().click()
    const drawer = page.locator('.drawer.drawer--is-open')
    await drawer.locator('input[name="name"]').fill('Coopérative créée depuis un projet')
    await drawer.locator('#action-save').click()
    await expect.poll(() => page.locator('.drawer.drawer--is-open').count(), { timeout: 15_000 }).toBe(0)
    await expect.poll(() => page.locator('#field-partners').innerText()).toContain('Coopérative créée depuis un projet')
    await context.close()
  })

  it('"Ignorer" forgets the copy', async () => {
    const { context, page } = await loggedIn(baseURL)
    await page.goto(`${baseURL}/admin/collections/partners/create`)
    await page.locator('input[name="name"]').fill('Partenaire jamais enregistré')
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('labo:saisie-non-enregistree:partners')))
      .toContain('Partenaire jamais enregistré')
    await page.reload()
    await page.getByRole('button', { name: 'Ignorer' }).click()
    expect(await page.evaluate(() => localStorage.getItem('labo:saisie-non-enregistree:partners'))).toBeNull()
    await page.reload()
    await page.locator('input[name="name"]').waitFor()
    expect(await page.getByText('Une saisie non enregistrée du').count()).toBe(0)
    await context.close()
  })
})
