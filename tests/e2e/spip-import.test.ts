/**
 * A SPIP site imported with `npm run import:spip` (the labo fixture) reads on the built site:
 * an article with its images (served, with their alt text), lists, notes and a table. The import
 * runs as a person would run it, against the server's database and media folder, and refreshes
 * the pages once at the end. (Redirects answered over HTTP: tests/e2e of the redirects.)
 */
import { execFile } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { screenshotPath } from '../helpers/site'

const baseURL = inject('baseURL')
let browser: Browser
let page: Page

beforeAll(async () => {
  const fixture = path.resolve('tests/fixtures/spip/labo')
  await promisify(execFile)(
    process.execPath,
    ['scripts/launch.mjs', 'scripts/import-spip.ts', path.join(fixture, 'spip_labo.sql'), '--media', path.join(fixture, 'IMG'), '--report', path.join(os.tmpdir(), `spip-e2e-${process.pid}.json`)],
    { env: { ...process.env, DATABASE_URI: inject('databaseUri'), MEDIA_DIR: inject('mediaDir'), PAYLOAD_SECRET: 'e2e-secret' }, timeout: 240_000 },
  )
  browser = await launchBrowser()
  page = await (await browser.newContext({ locale: 'fr-FR' })).newPage()
}, 300_000)
afterAll(async () => browser?.close())

describe('an imported SPIP article on the site', () => {
  it('shows its images (served, with alt text) and its list', async () => {
    await page.goto(`${baseURL}/articles/retour-sur-la-rencontre-annuelle-2019`)
    await expect.poll(() => page.locator('h1').innerText()).toBe('Retour sur la rencontre annuelle 2019')
    const img = page.locator('main img[alt="Salle de la rencontre annuelle"]').first()
    await expect.poll(() => img.count()).toBeGreaterThan(0)
    // Loaded lazily: once scrolled to, the file is served and decoded.
    await img.scrollIntoViewIfNeeded()
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 15_000 }).toBe(true)
    expect(await page.locator('main ul li').count()).toBeGreaterThan(1)
    await page.screenshot({ path: screenshotPath('spip-import-article-25'), fullPage: true })
  })

  it('shows its footnotes and numbered list', async () => {
    await page.goto(`${baseURL}/articles/synthese-des-cahiers-d-esperances`)
    expect(await page.locator('main ol li').count()).toBeGreaterThan(1)
    expect(await page.locator('main section.notes li').count()).toBeGreaterThan(0)
  })

  it('shows its table with a header row', async () => {
    await page.goto(`${baseURL}/articles/l-ess-en-chiffres`)
    expect(await page.locator('main table th').count()).toBeGreaterThan(0)
    expect(await page.locator('main table td').count()).toBeGreaterThan(3)
  })
})
