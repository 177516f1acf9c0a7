import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { watchImages } from '../helpers/images'
import { adminHeaders, findOne, logInAdmin, screenshotPath } from '../helpers/site'

const baseURL = inject('baseURL')
let browser: Browser
let context: BrowserContext
let page: Page
let images: ReturnType<typeof watchImages>

const PROJECT = '/projets/le-labo-de-l-ess-des-lieux-pour-accueillir-l-ess'
const ARTICLE = '/articles/decideurs-en-region-labo-de-l-ess-rendre-accessibles-des-solutions-concretes-christelle-layre'

beforeAll(async () => {
  browser = await launchBrowser()
  context = await browser.newContext({ locale: 'fr-FR' })
  page = await context.newPage()
  images = watchImages(page)
})
afterAll(async () => browser?.close())

const text = async () => (await page.locator('main').innerText()).replace(/[\u00A0\u202F]/g, ' ')

/** axe-core, WCAG 2.1 A and AA: no violation; every image loads. */
async function expectAccessible(name: string) {
  await images.check(name)
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([])
  expect(await page.locator('h1').count(), `${name}: one h1`).toBe(1)
  await page.screenshot({ path: screenshotPath(name), fullPage: true })
}

describe('public pages render the seed content', () => {
  it('home', async () => {
    await page.goto(`${baseURL}/`)
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    const body = await text()
    expect(body).toContain('Axe 1 : Organiser')
    expect(body).toContain('Décideurs en région')
    await expectAccessible('accueil')
  })

  it('project card, complete', async () => {
    const res = await page.goto(`${baseURL}${PROJECT}`)
    expect(res?.status()).toBe(200)
    const body = await text()
    // The old site upper-cased the title with CSS; the title itself is in sentence case.
    expect(body.toUpperCase()).toContain('LE LABO DE L\'ESS - DES LIEUX POUR ACCUEILLIR L\'ESS')
    for (const expected of [
      'Mis à jour le 09/03/2023',
      '2020',
      'Partenaire national',
      'Éducation',
      'Culture',
      'Promotion ESS',
      'Faire (re)connaître l\'ESS',
      'Association',
      'septembre 2017',
      'juin 2018',
      'juin 2019',
      'juin 2020',
      '5 rue Las Cases',
      '75007 Paris',
      'contact@lelabo-ess.org',
      'Création de valeurs',
      'Le projet soutenu',
      'Le contexte',
      'La structure',
      'L’avis de la fondation',
      '2 ans',
      '« Culture & ESS »',
    ]) {
      expect(body, expected).toContain(expected)
    }
    await expectAccessible('projet')
  })

  it('axis with its themes in order, breadcrumbs from the page tree', async () => {
    const axis = await findOne<{ slug: string }>('axes', 'where[number][equals]=4')
    await page.goto(`${baseURL}/axes/${axis.slug}`)
    const body = await text()
    expect(body).toContain('Axe 4 : Développer')
    expect(body).toContain('Publié le 11 janvier 2012')
    expect(body).toContain('Prévention, Développement durable, Innovation')
    expect(body.indexOf('Thème 10 :')).toBeLessThan(body.indexOf('Thème 11 :'))
    expect(body.indexOf('Thème 11 :')).toBeLessThan(body.indexOf('Thème 12 :'))
    const crumbs = (await page.locator('nav.breadcrumbs').innerText()).replace(/\s+/g, ' ')
    expect(crumbs).toMatch(/Accueil.*Le Labo de l’ESS.*Présentation.*L’histoire du Labo de l’ESS.*Les Cahiers d’espérances.*Axe 4 : Développer/)
    await expectAccessible('axe')
  })

  it('theme with its axis and working group', async () => {
    const theme = await findOne<{ slug: string }>('themes', 'where[number][equals]=3')
    await page.goto(`${baseURL}/themes/${theme.slug}`)
    const body = await text()
    expect(body).toContain('Thème 3 :')
    expect(body).toContain('Axe 1 : Organiser')
    expect(body).toContain('Un groupe de pilotage travaille déjà sur ce thème')
    await expectAccessible('theme')
  })

  it('article with date and source', async () => {
    await page.goto(`${baseURL}${ARTICLE}`)
    const body = await text()
    expect(body).toContain('Publié le 8 février 2016')
    expect(body).toContain('Décideurs en région')
    expect(body).toContain('Christelle Layre')
    await expectAccessible('article')
  })

  it('nested page at its tree path', async () => {
    await page.goto(`${baseURL}/le-labo-de-l-ess/presentation`)
    expect(await page.locator('h1').innerText()).toBe('Présentation')
    await expectAccessible('page')
  })

  it('list pages', async () => {
    for (const [path, expected, name] of [
      ['/projets', 'Le Labo de l\'ESS - Des lieux pour accueillir l\'ESS', 'projets'],
      ['/articles', 'Décideurs en région', 'articles'],
      ['/axes', 'Axe 4 : Développer', 'axes'],
      ['/partenaires', 'Le Labo de l’ESS', 'partenaires'],
    ] as const) {
      const res = await page.goto(`${baseURL}${path}`)
      expect(res?.status(), path).toBe(200)
      expect(await text(), path).toContain(expected)
      await expectAccessible(name)
    }
  })

  it('a clear French 404', async () => {
    const res = await page.goto(`${baseURL}/projets/n-existe-pas`)
    expect(res?.status()).toBe(404)
    expect(await text()).toContain('Page introuvable')
    await expectAccessible('404')
  })

  it('French typography: no-break spaces before the colon in titles', async () => {
    await page.goto(`${baseURL}${PROJECT}`)
    const html = await page.content()
    expect(html).toMatch(/Axe|Forme d’organisation/)
    await page.goto(`${baseURL}/axes/${(await findOne<{ slug: string }>('axes', 'where[number][equals]=4')).slug}`)
    expect(await page.locator('h1').innerText()).toBe('Axe 4\u00A0: Développer')
  })

  it('print view: no navigation, links written out', async () => {
    await page.goto(`${baseURL}${PROJECT}`)
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.site-nav').isVisible()).toBe(false)
    expect(await page.locator('.breadcrumbs').isVisible()).toBe(false)
    const after = await page.locator('.prose a[href^="http"], .fact-sheet a[href^="http"]').first().evaluate((a) => getComputedStyle(a, '::after').content)
    expect(after).toContain('http')
    await page.screenshot({ path: screenshotPath('projet-impression'), fullPage: true })
    await page.emulateMedia({ media: 'screen' })
  })
})

describe('publication refreshes the cached pages', () => {
  it('shows a published change, hides an unpublished document', async () => {
    const headers = await adminHeaders()
    const article = await findOne<{ id: number; slug: string }>('articles', `where[slug][equals]=${ARTICLE.split('/').pop()}`)
    await page.goto(`${baseURL}${ARTICLE}`) // cached now

    const patch = await fetch(`${baseURL}/api/articles/${article.id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ title: 'Décideurs en région : un titre corrigé', _status: 'published' }),
    })
    expect(patch.status).toBe(200)
    await page.goto(`${baseURL}${ARTICLE}`)
    expect(await page.locator('h1').innerText()).toBe('Décideurs en région\u00A0: un titre corrigé')
    await page.goto(`${baseURL}/articles`)
    expect(await text()).toContain('un titre corrigé')

    const unpublish = await fetch(`${baseURL}/api/articles/${article.id}`, { method: 'PATCH', headers, body: JSON.stringify({ _status: 'draft' }) })
    expect(unpublish.status).toBe(200)
    const gone = await page.goto(`${baseURL}${ARTICLE}`)
    expect(gone?.status()).toBe(404)

    // Put it back for the other tests.
    await fetch(`${baseURL}/api/articles/${article.id}`, { method: 'PATCH', headers, body: JSON.stringify({ _status: 'published' }) })
  })

  /** Fetches until the server answers from its memory (other test files publish meanwhile). */
  const fromServerMemory = async (url: string): Promise<Response> => {
    for (let i = 0; i < 10; i++) {
      const res = await fetch(url)
      if (res.headers.get('x-page-cache') === 'HIT') return res
      await res.arrayBuffer()
      await new Promise((r) => setTimeout(r, 200))
    }
    throw new Error(`${url} is never served from the server's memory`)
  }

  it('serves filtered list pages from the cache and refreshes them on publish', async () => {
    const headers = await adminHeaders()
    const list = `${baseURL}/articles?rubrique=interviews&utm_source=lettre`
    const first = await fetch(list)
    expect(first.status).toBe(200)
    const again = await fetch(list)
    // Rendered once, then served as a static page: no query to Postgres.
    expect(again.headers.get('x-nextjs-cache')).toBe('HIT')
    expect(await again.text()).not.toContain('Un entretien tout neuf')
    // From then on, the production server answers from its own memory (src/lib/page-cache.ts).
    const third = await fromServerMemory(list)
    expect(third.headers.get('x-nextjs-cache')).toBe('HIT')

    const res = await fetch(`${baseURL}/api/articles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Un entretien tout neuf', rubrique: 'interviews', publishedAt: new Date().toISOString(), _status: 'published' }),
    })
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as { doc: { id: number } }
    await page.goto(list)
    expect(await text()).toContain('Un entretien tout neuf')
    // The server's copy of the page went with Next's.
    expect(await (await fetch(list)).text()).toContain('Un entretien tout neuf')
    // So did its copy of the anonymous API answers (the content generation changed).
    const api = `${baseURL}/api/articles?where[rubrique][equals]=interviews&depth=0&limit=50`
    const served = await fromServerMemory(api)
    expect(((await served.json()) as { docs: { title: string }[] }).docs.map((d) => d.title)).toContain('Un entretien tout neuf')
    // Another combination of the same list was refreshed too; a bad key is a 404, not a cache entry.
    await page.goto(`${baseURL}/articles?page=1`)
    expect(await text()).toContain('Un entretien tout neuf')
    expect((await fetch(`${baseURL}/articles/liste/page-1`)).status).toBe(404)

    await fetch(`${baseURL}/api/articles/${doc.id}`, { method: 'DELETE', headers })
    await page.goto(list)
    expect(await text()).not.toContain('Un entretien tout neuf')
    const after = await fetch(api)
    expect(after.headers.get('x-page-cache')).toBeNull()
    expect(await after.text()).not.toContain('Un entretien tout neuf')
  })

  it('shows a draft in preview only', async () => {
    const headers = await adminHeaders()
    const res = await fetch(`${baseURL}/api/projects?draft=true`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 'Projet en préparation', slug: 'projet-en-preparation', year: 2026, _status: 'draft' }),
    })
    expect(res.status).toBe(201)
    const anonymous = await fetch(`${baseURL}/projets/projet-en-preparation`)
    expect(anonymous.status).toBe(404)

    const editor = await browser.newContext({ locale: 'fr-FR' })
    const p = await editor.newPage()
    await logInAdmin(p)
    const preview = await p.goto(`${baseURL}/apercu?chemin=${encodeURIComponent('/projets/projet-en-preparation')}`)
    expect(preview?.status()).toBe(200)
    expect(await p.locator('h1').innerText()).toBe('Projet en préparation')
    expect(await p.locator('.preview-banner').innerText()).toContain('Aperçu')
    await editor.close()

    // Still invisible to the public, and preview needs a session.
    expect((await fetch(`${baseURL}/projets/projet-en-preparation`)).status).toBe(404)
    expect((await fetch(`${baseURL}/apercu?chemin=/projets/projet-en-preparation`, { redirect: 'manual' })).status).toBe(401)
  })
})
