/**
 * Glossary on the built site: first occurrences annotated on the server, an accessible popover
 * (tooltip described by the link, shown on keyboard focus, a note in print), /glossaire and the
 * term pages; the per-document switch and the site setting; after a change, exactly the pages
 * concerned are refreshed (observed with Next's `x-nextjs-cache` header and the pages' content).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { adminHeaders, findOne, screenshotPath } from '../helpers/site'

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

/** Fetches a page until Next serves it from its cache, then returns its HTML. */
async function cached(path: string): Promise<string> {
  for (let i = 0; i < 10; i++) {
    const res = await fetch(`${baseURL}${path}`)
    const html = await res.text()
    if (res.headers.get('x-nextjs-cache') === 'HIT') return html
    await new Promise((r) => setTimeout(r, 300))
  }
  throw new Error(`${path} is never served from the cache`)
}

async function rest(method: 'PATCH' | 'POST' | 'DELETE', path: string, data?: unknown) {
  const res = await fetch(`${baseURL}/api${path}`, { method, headers: await adminHeaders(), body: data === undefined ? undefined : JSON.stringify(data) })
  expect(res.status, await res.clone().text()).toBeLessThan(300)
  return (await res.json()) as { doc: { id: number; slug: string } }
}

/** The HTML of a page once `check` holds (a refreshed page is rendered again on the next visit). */
async function eventually(path: string, check: (html: string) => boolean): Promise<string> {
  let html = ''
  await expect
    .poll(async () => {
      html = await (await fetch(`${baseURL}${path}`)).text()
      return check(html)
    }, { timeout: 20_000, interval: 500 })
    .toBe(true)
  return html
}

const paragraph = (text: string) => ({
  root: {
    type: 'root', version: 1, direction: null, format: '', indent: 0,
    children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '',
      children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] }],
  },
})

describe('switches and settings', () => {
  it('an editor switches the glossary off for one article: no annotation on its page once published', async () => {
    const article = await findOne<{ id: number }>('articles', `where[slug][equals]=${ARTICLE.split('/').pop()}`)
    await page.goto(`${baseURL}${ARTICLE}`)
    expect(await page.locator('main .glossary-term').count()).toBeGreaterThan(0)
    await rest('PATCH', `/articles/${article.id}`, { glossaryDisabled: true, _status: 'published' })
    await expect.poll(async () => (await page.goto(`${baseURL}${ARTICLE}`), page.locator('main .glossary-term').count()), { timeout: 20_000 }).toBe(0)
    // The text is still there, links to the glossary are gone.
    expect(await page.locator('main').innerText()).toContain('ESS')
    expect(await page.locator('main a[href^="/glossaire/"]').count()).toBe(0)
    await rest('PATCH', `/articles/${article.id}`, { glossaryDisabled: false, _status: 'published' })
    await expect.poll(async () => (await page.goto(`${baseURL}${ARTICLE}`), page.locator(ESS).count()), { timeout: 20_000 }).toBe(1)
  })

  it('"Annoter toutes les occurrences" annotates every ESS of the article', async () => {
    await rest('POST', '/globals/site-settings', { glossaryAllOccurrences: true })
    try {
      await expect.poll(async () => (await page.goto(`${baseURL}${ARTICLE}`), page.locator(ESS).count()), { timeout: 20_000 }).toBeGreaterThan(1)
      const ids = await page.locator(ESS).evaluateAll((links) => links.map((a) => a.getAttribute('aria-describedby')))
      expect(new Set(ids).size).toBe(ids.length)
      expect(await page.locator('main :is(a, h1, h2, h3, h4, h5, h6, code, pre, blockquote) .glossary-term').count()).toBe(0)
    } finally {
      await rest('POST', '/globals/site-settings', { glossaryAllOccurrences: false })
    }
    await expect.poll(async () => (await page.goto(`${baseURL}${ARTICLE}`), page.locator(ESS).count()), { timeout: 20_000 }).toBe(1)
  })
})

describe('refreshing exactly the pages a change concerns', () => {
  it('a renamed term refreshes the pages that contain it, not an unrelated cached page', async () => {
    // AMAP occurs in theme 11, shown on its own page and on the page of axis 4; not in ARTICLE.
    const theme = await findOne<{ slug: string }>('themes', 'where[number][equals]=11')
    const axis = await findOne<{ slug: string }>('axes', 'where[number][equals]=4')
    const term = await findOne<{ id: number; term: string; variants: { variant: string }[] }>('glossary-terms', 'where[slug][equals]=amap')
    const AMAP = 'href="/glossaire/amap"'
    const unrelated = await cached(ARTICLE)
    expect(unrelated).not.toContain(AMAP)
    expect(await cached(`/themes/${theme.slug}`)).toContain(AMAP)
    expect(await cached(`/axes/${axis.slug}`)).toContain(AMAP)
    expect(await cached('/glossaire/amap')).toContain('<dfn>AMAP</dfn>')

    await rest('PATCH', `/glossary-terms/${term.id}`, { term: 'Paniers paysans', variants: [], _status: 'published' })
    try {
      // The old spelling no longer matches: both pages showing theme 11 are rendered again.
      await eventually(`/themes/${theme.slug}`, (html) => !html.includes(AMAP))
      await eventually(`/axes/${axis.slug}`, (html) => !html.includes(AMAP))
      await eventually('/glossaire/amap', (html) => html.includes('<dfn>Paniers paysans</dfn>'))
      await eventually('/glossaire', (html) => html.includes('Paniers paysans'))
      // The unrelated page was not revalidated: still the cached copy.
      const res = await fetch(`${baseURL}${ARTICLE}`)
      expect(res.headers.get('x-nextjs-cache')).toBe('HIT')
      expect(await res.text()).toBe(unrelated)
    } finally {
      await rest('PATCH', `/glossary-terms/${term.id}`, { term: term.term, variants: term.variants.map(({ variant }) => ({ variant })), _status: 'published' })
    }
    // Renamed back: the pages with the old spelling are refreshed again.
    await eventually(`/themes/${theme.slug}`, (html) => html.includes(AMAP))
  })

  it('a term page lists a newly published document that uses the term, and drops it when unpublished', async () => {
    const before = await cached('/glossaire/ptce')
    const title = 'Les PTCE vus du terrain'
    expect(before).not.toContain(title)
    const { doc } = await rest('POST', '/articles', {
      title,
      rubrique: 'actualites',
      body: paragraph('Un PTCE réunit des entreprises de l’économie sociale et solidaire sur un territoire.'),
      _status: 'published',
    })
    try {
      await page.goto(`${baseURL}/glossaire/ptce`)
      await expect
        .poll(async () => (await page.goto(`${baseURL}/glossaire/ptce`), page.locator('section[aria-labelledby="utilise-dans"] a', { hasText: title }).count()), { timeout: 20_000 })
        .toBe(1)
      expect(await page.locator('section[aria-labelledby="utilise-dans"] a', { hasText: title }).getAttribute('href')).toBe(`/articles/${doc.slug}`)
      // Unpublished: gone from the list.
      await rest('PATCH', `/articles/${doc.id}`, { _status: 'draft' })
      await eventually('/glossaire/ptce', (html) => !html.includes(title))
    } finally {
      await rest('DELETE', `/articles/${doc.id}`)
    }
  })
})
