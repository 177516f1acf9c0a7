/**
 * Security headers on the production server (scripts/server.ts, src/lib/http/security-headers.ts):
 * the policy of each area on its answers, pages from the page cache included; HSTS over HTTPS only;
 * and real Chromium using the site, the admin and /api/docs without a single CSP violation.
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { mediaOriginOf, securityHeaders, type Area } from '../../src/lib/http/security-headers'
import { launchBrowser } from '../helpers/browser'
import { logInAdmin } from '../helpers/site'

const baseURL = inject('baseURL')
const port = Number(new URL(baseURL).port)
const ARTICLE = '/articles/decideurs-en-region-labo-de-l-ess-rendre-accessibles-des-solutions-concretes-christelle-layre'
const FORM = '#comments-form'

const expected = (area: Area, https = false) =>
  Object.fromEntries(securityHeaders(area, { https, mediaOrigin: mediaOriginOf() }).map(([name, value]) => [name.toLowerCase(), value]))

const expectHeaders = (headers: Headers, area: Area, label: string) => {
  for (const [name, value] of Object.entries(expected(area))) expect(headers.get(name), `${label}: ${name}`).toBe(value)
  expect(headers.get('strict-transport-security'), `${label}: no HSTS over http`).toBeNull()
}

/** GET `path` from the loopback address `from` (127.0.0.9 is the trusted proxy). */
function get(from: string, path: string, headers: Record<string, string> = {}): Promise<http.IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, family: 4, localAddress: from, path, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.headers))
    })
    req.on('error', reject)
    req.end()
  })
}

/** GET `url` until a server process answers from its page cache (two processes, a cache each). */
async function fromPageCache(url: string): Promise<Response> {
  for (let i = 0; i < 10; i++) {
    const res = await fetch(url)
    await res.arrayBuffer()
    if (res.headers.get('x-page-cache') === 'HIT') return res
  }
  throw new Error(`${url}: never answered from the page cache`)
}

describe('headers', () => {
  it('a public page has the site policy, from Next and from the page cache', async () => {
    const path = `/?csp=${randomBytes(4).toString('hex')}`
    const first = await fetch(`${baseURL}${path}`)
    expect(first.headers.get('x-page-cache')).toBeNull()
    expectHeaders(first.headers, 'site', 'uncached')
    const second = await fromPageCache(`${baseURL}${path}`)
    expectHeaders(second.headers, 'site', 'cached')
    const csp = second.headers.get('content-security-policy')!
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'", "connect-src 'self'"]) {
      expect(csp).toContain(directive)
    }
    expect(csp).not.toContain('unsafe-eval')
    expectHeaders((await fetch(`${baseURL}/recherche?q=ess`)).headers, 'site', 'search')
  })

  it('the admin, /api/docs and the API have theirs', async () => {
    expectHeaders((await fetch(`${baseURL}/admin/login`)).headers, 'admin', 'admin')
    const docs = await fetch(`${baseURL}/api/docs`)
    expectHeaders(docs.headers, 'docs', 'docs')
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self';")
    const api = await fetch(`${baseURL}/api/articles?limit=1`)
    expectHeaders(api.headers, 'api', 'api')
    expect(api.headers.get('content-security-policy')).toBeNull()
  })

  it('HSTS only when the trusted proxy says the visitor came over HTTPS, never replayed from the cache', async () => {
    const path = `/articles?csp=${randomBytes(4).toString('hex')}`
    // Through the proxy until every process has stored the page, each copy from an HTTPS request.
    const proxied: http.IncomingHttpHeaders[] = []
    for (let i = 0; i < 8; i++) proxied.push(await get(inject('trustedProxy'), path, { 'X-Forwarded-Proto': 'https' }))
    for (const headers of proxied) {
      expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
      expect(headers['content-security-policy']).toContain('upgrade-insecure-requests')
    }
    expect(proxied.some((headers) => headers['x-page-cache'] === 'HIT')).toBe(true)
    // The same page, from those copies, asked over http: no HSTS.
    const direct: http.IncomingHttpHeaders[] = []
    for (let i = 0; i < 6; i++) direct.push(await get('127.0.0.1', path))
    expect(direct.some((headers) => headers['x-page-cache'] === 'HIT')).toBe(true)
    for (const headers of direct) {
      expect(headers['strict-transport-security']).toBeUndefined()
      expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests')
    }
    // A visitor saying so himself is not believed.
    expect((await get('127.0.0.1', path, { 'X-Forwarded-Proto': 'https' }))['strict-transport-security']).toBeUndefined()
  })
})

describe('in Chromium, no CSP violation', () => {
  let browser: Browser
  let context: BrowserContext
  let page: Page
  const violations: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    context = await browser.newContext({ locale: 'fr-FR' })
    // Every frame (the live preview's too) reports its violations to the console.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)
      })
    })
    page = await context.newPage()
    page.on('console', (message) => {
      const text = message.text()
      if (/CSP violation|Content Security Policy|Refused to/i.test(text)) violations.push(`${page.url()}: ${text}`)
    })
  })
  afterAll(async () => browser?.close())

  const expectNoViolation = () => {
    expect(violations).toEqual([])
    violations.length = 0
  }

  it('home, search and the glossary popover', async () => {
    await page.goto(`${baseURL}/`)
    expect(await page.locator('h1').count()).toBe(1)
    await page.goto(`${baseURL}/recherche?q=ess`)
    expect(await page.locator('main ol.search-results > li').count()).toBeGreaterThan(0)
    await page.goto(`${baseURL}${ARTICLE}`)
    const link = page.locator('main .glossary-term a[href="/glossaire/ess"]')
    const popover = page.locator(`#${await link.getAttribute('aria-describedby')}`)
    await link.hover()
    expect(await popover.isVisible()).toBe(true)
    expectNoViolation()
  })

  it('the comment form posts without reloading (hydrated, its server action allowed)', async () => {
    await page.goto(`${baseURL}${ARTICLE}`)
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true))
    const form = page.locator(FORM)
    await form.getByLabel('Votre nom', { exact: true }).fill('Lectrice CSP')
    await form.getByLabel('Votre adresse e-mail', { exact: true }).fill('csp@exemple.test')
    await form.getByLabel('Votre message', { exact: true }).fill(`Un message sous CSP ${randomBytes(4).toString('hex')}.`)
    await form.getByRole('button', { name: 'Envoyer' }).click()
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain('Votre message a bien été reçu')
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)
    expectNoViolation()
  })

  it('/api/docs renders Swagger UI', async () => {
    await page.goto(`${baseURL}/api/docs`)
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 })
    expectNoViolation()
  })

  it('(control) a violation is seen: an inline script on /api/docs is refused', async () => {
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__ran = true'
      document.body.append(script)
    })
    await expect.poll(() => violations.length).toBeGreaterThan(0)
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined()
    violations.length = 0
  })

  it('the admin: log in, open an article, type in its rich text, open the live preview', async () => {
    await logInAdmin(page)
    await page.goto(`${baseURL}/admin/collections/articles`)
    await page.locator('table tbody tr a').first().click()
    await page.locator('input[name="title"]').waitFor()
    const editor = page.locator('[data-lexical-editor="true"]').first()
    await editor.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' Texte ajouté sous CSP.')
    await expect.poll(() => editor.innerText()).toContain('Texte ajouté sous CSP.')
    await page.locator('#live-preview-toggler').click()
    const preview = page.frameLocator('.live-preview-window iframe')
    // The draft's public page, hydrated (its live-preview listener runs in the frame).
    const words = (text: string) => text.replace(/\s+/g, ' ').trim()
    const title = words(await page.locator('input[name="title"]').inputValue())
    await expect.poll(async () => words(await preview.locator('h1').first().innerText()), { timeout: 30_000 }).toBe(title)
    expectNoViolation()
  })
})
