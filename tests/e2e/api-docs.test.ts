/**
 * The integrators' side on the built app (next build + next start, through the Next.js REST
 * route): /api/docs renders the reference in Chromium with files served by the app itself,
 * and the REST route applies the HTTP policy (ETag/304, CORS from the settings, French errors).
 */
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

describe('/api/docs', () => {
  it('renders every documented operation with Swagger UI, loading nothing from elsewhere', async () => {
    const requested: string[] = []
    page.on('request', (req) => requested.push(req.url()))
    const res = await page.goto(`${baseURL}/api/docs`)
    expect(res?.status()).toBe(200)
    expect(await page.title()).toBe('Référence de l’API du Labo de l’ESS')
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 })
    const spec = (await (await fetch(`${baseURL}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> }
    const operations = Object.values(spec.paths).reduce((n, item) => n + Object.keys(item).length, 0)
    expect(await page.locator('.opblock').count()).toBe(operations)
    expect(await page.locator('.info .title').innerText()).toContain('API du Labo de l’ESS')
    await expect.poll(() => page.locator('.opblock-summary-path').allInnerTexts()).toEqual(expect.arrayContaining(['/api/articles', '/api/search']))
    expect(requested.filter((url) => !url.startsWith(baseURL) && !url.startsWith('data:'))).toEqual([])
    await page.screenshot({ path: screenshotPath('api-docs'), fullPage: false })
  })
})

describe('the REST route of the built app', () => {
  it('answers public reads with an ETag and 304 on If-None-Match', async () => {
    const first = await fetch(`${baseURL}/api/articles?limit=1&depth=0`)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=60/)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"/)
    const again = await fetch(`${baseURL}/api/articles?limit=1&depth=0`, { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
  })

  it('allows the origins of the site settings only', async () => {
    const headers = await adminHeaders()
    const set = await fetch(`${baseURL}/api/globals/site-settings`, { method: 'POST', headers, body: JSON.stringify({ corsOrigins: 'https://partenaire.example.org' }) })
    expect(set.status).toBe(200)
    const listed = await fetch(`${baseURL}/api/projects?limit=1`, { headers: { Origin: 'https://partenaire.example.org' } })
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://partenaire.example.org')
    const unlisted = await fetch(`${baseURL}/api/projects?limit=1`, { headers: { Origin: 'https://inconnu.example.net' } })
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await fetch(`${baseURL}/api/comments`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://partenaire.example.org', 'Access-Control-Request-Method': 'POST' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
  })

  it('answers errors as French JSON with a code', async () => {
    const res = await fetch(`${baseURL}/api/projects/987654`)
    expect(res.status).toBe(404)
    const body = (await res.json()) as { errors: { code: string; message: string }[] }
    expect(body.errors[0]).toMatchObject({ code: 'not_found' })
    expect(body.errors[0]!.message).toMatch(/trouv|introuvable/i)
  })
})
