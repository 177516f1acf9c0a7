/**
 * Glossary on the built site: first occurrences annotated on the server, an accessible popover
 * (tooltip described by the link, shown on keyboard focus, a note in print), /glossaire and the
 * term pages.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { findOne, screenshotPath } from '../helpers/site'

const baseURL = inject('baseURL')
let browser: Browser
let context: BrowserContext
let page: Page

const ARTICLE = '/articles/decideurs-en-region-labo-de-l-ess-rendre-accessibles-des-solutions-concretes-christelle-layre'
const ESS = 'main .glossary-term a[href="/glossaire/ess"]'

beforeAll(async () => {
  browser = await launchBrowser()
  context = await browser.newContext({ locale: 'fr-FR' })
  page = await context.newPage()
})
afterAll(async () => browser?.close())

async function expectAccessible(name: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([])
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1)
  await page.screenshot({ path: screenshotPath(name), fullPage: true })
}

/** Every annotation: one per term, never inside links, headings, code or quotes. */
async function expectWellFormedAnnotations() {
  const slugs = await page.locator('main .glossary-term > a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
  expect(new Set(slugs).size, JSON.stringify(slugs)).toBe(slugs.length)
  expect(await page.locator('main :is(a, h1, h2, h3, h4, h5, h6, code, pre, blockquote) .glossary-term').count()).toBe(0)
}

describe('annotations in the rich text', () => {
  it('the article shows ESS once as a <dfn>, with a described tooltip', async () => {
    await page.goto(`${baseURL}${ARTICLE}`)
    await expect.poll(() => page.locator(ESS).count()).toBe(1)
    const link = page.locator(ESS)
    expect(await link.locator('dfn').innerText()).toBe('ESS')
    const id = await link.getAttribute('aria-describedby')
    expect(id).toMatch(/^def-ess-\d+$/)
    const popover = page.locator(`#${id}`)
    expect(await popover.getAttribute('role')).toBe('tooltip')
    expect((await popover.textContent())?.length).toBeGreaterThan(10)
    await expectWellFormedAnnotations()
  })

  it('the tooltip opens on keyboard focus and on hover, and is a note in print', async () => {
    await page.goto(`${baseURL}${ARTICLE}`)
    const link = page.locator(ESS)
    const popover = page.locator(`#${await link.getAttribute('aria-describedby')}`)
    await page.mouse.move(0, 0)
    expect(await popover.isVisible()).toBe(false)
    await link.focus()
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true)
    expect(await popover.isVisible()).toBe(true)
    await link.blur()
    expect(await popover.isVisible()).toBe(false)
    await link.hover()
    expect(await popover.isVisible()).toBe(true)
    await page.mouse.move(0, 0)
    await page.emulateMedia({ media: 'print' })
    expect(await popover.isVisible()).toBe(true)
    await page.emulateMedia({ media: 'screen' })
  })

  it('the axis page annotates ESS once, and stays accessible', async () => {
    const axis = await findOne<{ slug: string }>('axes', 'where[number][equals]=4')
    await page.goto(`${baseURL}/axes/${axis.slug}`)
    expect(await page.locator('main .glossary-term').count()).toBeGreaterThan(0)
    expect(await page.locator(ESS).count()).toBeLessThanOrEqual(1)
    await expectWellFormedAnnotations()
    await expectAccessible('glossaire-axe')
  })
})

describe('glossary pages', () => {
  it('/glossaire lists the six terms A–Z with letter navigation', async () => {
    const res = await page.goto(`${baseURL}/glossaire`)
    expect(res?.status()).toBe(200)
    expect(await page.locator('h1').innerText()).toBe('Glossaire')
    const terms = await page.locator('main .glossary-list dt').allInnerTexts()
    expect(terms).toHaveLength(6)
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })))
    for (const term of ['ESS', 'PTCE', 'AMAP', 'Circuits courts', 'Outils financiers solidaires', 'Coopération']) expect(terms).toContain(term)
    await page.locator('nav[aria-label="Lettres du glossaire"] a', { hasText: 'P' }).click()
    expect(page.url()).toContain('#lettre-p')
    await expectAccessible('glossaire')
  })

  it('/glossaire/ess: the term, never annotated with itself, and the documents using it', async () => {
    const res = await page.goto(`${baseURL}/glossaire/ess`)
    expect(res?.status()).toBe(200)
    expect(await page.locator('h1').innerText()).toBe('ESS')
    expect(await page.locator(ESS).count()).toBe(0)
    const used = page.locator('section[aria-labelledby="utilise-dans"] a')
    expect(await used.count()).toBeGreaterThan(0)
    expect(await used.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toContain(ARTICLE)
    await expectAccessible('glossaire-ess')
  })

  it('an unknown term is a 404', async () => {
    const res = await page.goto(`${baseURL}/glossaire/n-existe-pas`)
    expect(res?.status()).toBe(404)
  })
})
