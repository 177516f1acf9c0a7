/**
 * The /recherche page in Chromium, on the built app seeded with the demo content: the header's
 * search box, French stemming and accents, highlighted excerpts, the type filter, pages, French
 * messages for empty and bad queries, drafts never shown; and GET /api/search on the same server.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { adminHeaders, screenshotPath } from '../helpers/site'

const baseURL = inject('baseURL')
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
  page = await (await browser.newContext({ locale: 'fr-FR' })).newPage()
})
afterAll(async () => browser?.close())

const main = async () => (await page.locator('main').innerText()).replace(/[\u00A0\u202F]/g, ' ')
const results = () => page.locator('main ol.search-results > li')
const count = async () => (await page.locator('.search-count').innerText()).replace(/[\u00A0\u202F]/g, ' ')
const open = async (query: string) => {
  const res = await page.goto(`${baseURL}/recherche${query}`)
  expect(res?.status(), query).toBe(200)
}

async function expectAccessible(name: string) {
  // After a client-side navigation Next sets the document's title once the new page's metadata
  // has streamed in: check the page, not that moment.
  await page.waitForFunction(() => document.title !== '', undefined, { timeout: 5_000 })
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([])
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1)
  await page.screenshot({ path: screenshotPath(name), fullPage: true })
}

describe('/recherche', () => {
  it('without a query: the form and its help, no results, not indexed by search engines', async () => {
    await open('')
    expect(await page.locator('h1').innerText()).toBe('Rechercher')
    expect(await page.getByLabel('Mots à rechercher').inputValue()).toBe('')
    expect(await page.getByLabel('Type de contenu').inputValue()).toBe('')
    expect(await main()).toContain('pour une expression exacte')
    expect(await page.locator('.search-results').count()).toBe(0)
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/)
    await expectAccessible('recherche-vide')
  })

  it('the header search box leads here, with the query in the field and highlighted results', async () => {
    await page.goto(`${baseURL}/`)
    await page.locator('header').getByLabel('Rechercher sur le site').fill('coopératives')
    await page.locator('header').getByRole('button', { name: 'Rechercher' }).click()
    await page.waitForURL(/\/recherche\?q=coop%C3%A9ratives/)
    expect(await page.getByLabel('Mots à rechercher').inputValue()).toBe('coopératives')
    expect(await count()).toMatch(/^\d+ résultats? pour « coopératives »\.?/)
    expect(await results().count()).toBeGreaterThan(0)
    // Stemming: the singular is found and highlighted.
    const marks = (await page.locator('.search-excerpt mark').allInnerTexts()).map((m) => m.toLowerCase())
    expect(marks).toContain('coopérative')
    await expectAccessible('recherche-resultats')
  })

  it('accents are ignored: "economie" finds « économie »', async () => {
    await open('?q=economie')
    expect(await count()).toMatch(/^\d+ résultats pour « economie »/)
    expect((await page.locator('.search-excerpt mark').allInnerTexts()).map((m) => m.toLowerCase())).toContain('économie')
  })

  it('"circuits courts" finds "circuit court"; the glossary term comes first and its link works', async () => {
    await open(`?q=${encodeURIComponent('circuits courts')}`)
    const first = results().first()
    expect(await first.locator('h3').innerText()).toBe('Circuits courts')
    expect(await first.locator('.search-type').innerText()).toMatch(/glossaire/i)
    expect(await page.locator('.search-excerpt', { hasText: 'circuit court' }).count()).toBeGreaterThan(0)
    expect(await first.locator('h3 a').getAttribute('href')).toBe('/glossaire/circuits-courts')
  })

  it('filters by type and keeps the filter across pages', async () => {
    await open('?q=ess')
    const all = Number((await count()).match(/^\d+/)![0])
    expect(all).toBeGreaterThan(10)
    await page.getByLabel('Type de contenu').selectOption('projects')
    await page.locator('main').getByRole('button', { name: 'Rechercher' }).click()
    await page.waitForURL(/type=projects/)
    expect(await count()).toMatch(/résultats? pour « ess » dans les projets\./)
    const types = await page.locator('.search-type').allInnerTexts()
    expect(types.length).toBeGreaterThan(0)
    expect(new Set(types.map((t) => t.toLowerCase()))).toEqual(new Set(['projet']))
  })

  it('paginates with French links, numbering the results on', async () => {
    await open('?q=ess')
    expect(await results().count()).toBe(10)
    const firstPage = await page.locator('.search-result h3').allInnerTexts()
    const pager = page.getByRole('navigation', { name: 'Pages de résultats' })
    expect(await pager.innerText()).toMatch(/Page 1 sur \d+/)
    await pager.getByRole('link', { name: 'Résultats suivants' }).click()
    await page.waitForURL(/page=2/)
    expect(await page.locator('ol.search-results').getAttribute('start')).toBe('11')
    const secondPage = await page.locator('.search-result h3').allInnerTexts()
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([])
    expect(await page.getByLabel('Mots à rechercher').inputValue()).toBe('ess')
    await page.getByRole('navigation', { name: 'Pages de résultats' }).getByRole('link', { name: 'Résultats précédents' }).click()
    await page.waitForURL((url) => !url.searchParams.has('page'))
    expect(await page.locator('.search-result h3').allInnerTexts()).toEqual(firstPage)
    await expectAccessible('recherche-pagination')
  })

  it('no result: a French sentence and suggestions', async () => {
    await open(`?q=${encodeURIComponent('anticonstitutionnellement')}`)
    expect(await count()).toBe('Aucun résultat pour « anticonstitutionnellement ».')
    expect(await main()).toContain('vérifiez l’orthographe')
    await expectAccessible('recherche-aucun-resultat')
  })

  it('empty, too long and punctuation-only queries: a clear French message, the page still works', async () => {
    for (const [query, message] of [
      ['?q=', 'Saisissez un ou plusieurs mots à rechercher.'],
      [`?q=${'solidaire '.repeat(25)}`, 'Votre recherche est trop longue'],
      [`?q=${encodeURIComponent('!!! ?')}`, 'Votre recherche ne contient aucun mot'],
      [`?q=${encodeURIComponent('de la et')}`, 'que des mots trop courants'],
      [`?q=${encodeURIComponent('-culture')}`, 'ajoutez au moins un mot à rechercher'],
    ] as const) {
      await open(query)
      const alert = page.locator('main').getByRole('alert')
      expect((await alert.innerText()).replace(/[\u00A0\u202F]/g, ' '), query).toContain(message)
      expect(await page.getByLabel('Mots à rechercher').getAttribute('aria-invalid'), query).toBe('true')
      expect(await page.locator('.search-results').count(), query).toBe(0)
    }
    await expectAccessible('recherche-erreur')
  })

  it('never shows a draft, shows it once published', async () => {
    const headers = await adminHeaders()
    const create = await fetch(`${baseURL}/api/articles?draft=true`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Article sur les hippocampes', excerpt: 'Un brouillon.', _status: 'draft' }),
    })
    expect(create.status).toBe(201)
    const { doc } = (await create.json()) as { doc: { id: number } }
    await open('?q=hippocampes')
    expect(await count()).toContain('Aucun résultat')

    const publish = await fetch(`${baseURL}/api/articles/${doc.id}`, { method: 'PATCH', headers, body: JSON.stringify({ _status: 'published' }) })
    expect(publish.status).toBe(200)
    await open('?q=hippocampe')
    expect(await results().count()).toBe(1)
    expect(await results().first().locator('h3').innerText()).toBe('Article sur les hippocampes')

    await fetch(`${baseURL}/api/articles/${doc.id}`, { method: 'DELETE', headers })
    await open('?q=hippocampe')
    expect(await count()).toContain('Aucun résultat')
  })
})

describe('GET /api/search on the built server', () => {
  it('answers typed results, and a 400 with a code for a bad query', async () => {
    const res = await fetch(`${baseURL}/api/search?q=${encodeURIComponent('coopératives')}&type=glossary-terms`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { docs: { type: string; url: string; absoluteUrl: string; excerpt: string }[] }
    expect(new Set(body.docs.map((d) => d.type))).toEqual(new Set(['glossary-terms']))
    const ess = body.docs.find((d) => d.url === '/glossaire/ess')
    expect(ess).toMatchObject({ absoluteUrl: `${baseURL}/glossaire/ess` })
    expect(ess!.excerpt).toContain('<mark>coopérative</mark>')

    const bad = await fetch(`${baseURL}/api/search?q=${encodeURIComponent('...')}`)
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ errors: [{ code: 'QUERY_NO_WORDS', field: 'q', message: expect.stringContaining('aucun mot') }] })
  })
})
