/**
 * Uploaded images on the public site: files of every size and kind, in every place the site
 * shows images, seen by a real Chromium from every address of the site.
 */
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { launchBrowser } from '../helpers/browser'
import { watchImages } from '../helpers/images'
import { adminHeaders, findOne, logInAdmin, screenshotPath } from '../helpers/site'

const baseURL = inject('baseURL')
/** The same server at another address of this machine (SITE_URL says localhost). */
const otherOrigin = baseURL.replace('//localhost:', '//127.0.0.1:')

type MediaDoc = {
  id: number
  url: string
  width: number
  height: number
  thumbnailURL?: string | null
  sizes: Record<string, { url: string | null; width: number | null }>
}
type Doc = { id: number; slug: string; [field: string]: unknown }
type Lexical = { root: { children: Record<string, unknown>[]; [key: string]: unknown } }

let browser: Browser
let page: Page
let headers: Record<string, string>
const media: Record<string, MediaDoc> = {}

/** Images below, between and above Payload's variants (thumbnail 400, card 768, hero 1600 wide). */
const FILES = {
  small: { name: 'petite.jpg', width: 300, height: 200, type: 'image/jpeg' },
  photo: { name: 'photo-500.jpg', width: 500, height: 333, type: 'image/jpeg' },
  transparent: { name: 'logo-transparent.png', width: 1000, height: 700, type: 'image/png' },
  large: { name: 'grande.webp', width: 2400, height: 1600, type: 'image/webp' },
} as const

async function imageFile(spec: (typeof FILES)[keyof typeof FILES]): Promise<Buffer> {
  const base = sharp({
    create: {
      width: spec.width,
      height: spec.height,
      channels: 4,
      background: spec.type === 'image/png' ? { r: 20, g: 120, b: 90, alpha: 0.4 } : { r: 200, g: 80, b: 40, alpha: 1 },
    },
  })
  if (spec.type === 'image/png') return base.png().toBuffer()
  if (spec.type === 'image/webp') return base.webp().toBuffer()
  return base.flatten().jpeg().toBuffer()
}

async function upload(key: keyof typeof FILES): Promise<MediaDoc> {
  const spec = FILES[key]
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await imageFile(spec))], { type: spec.type }), spec.name)
  form.append('_payload', JSON.stringify({ alt: `Image de test ${key}`, caption: `Légende ${key}` }))
  const res = await fetch(`${baseURL}/api/media`, { method: 'POST', headers: { Authorization: headers.Authorization! }, body: form })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { doc: MediaDoc }).doc
}

const uploadNode = (doc: MediaDoc) => ({ type: 'upload', version: 3, format: '', relationTo: 'media', value: doc.id, fields: null })

async function patch(collection: string, id: number, data: Record<string, unknown>) {
  const res = await fetch(`${baseURL}/api/${collection}/${id}`, { method: 'PATCH', headers, body: JSON.stringify(data) })
  expect(res.status, await res.clone().text()).toBe(200)
}

/** Appends images to a rich-text field of a published document, published again. */
async function addToRichText(collection: string, doc: Doc, field: string, images: MediaDoc[]) {
  const empty: Lexical = { root: { type: 'root', children: [], direction: 'ltr', format: '', indent: 0, version: 1 } }
  const value = (doc[field] as Lexical | null) ?? empty
  value.root.children.push(...images.map(uploadNode))
  await patch(collection, doc.id, { [field]: value, _status: 'published' })
}

/** Opens a page and checks its images; returns the files shown (their `src`). */
async function visit(url: string, name: string): Promise<string[]> {
  const watch = watchImages(page)
  const res = await page.goto(url)
  expect(res?.status(), name).toBe(200)
  const shown = await watch.check(name)
  watch.stop()
  await page.screenshot({ path: screenshotPath(`images-${name.replace(/[^a-z0-9]+/gi, '-')}`), fullPage: true })
  return shown.map((img) => img.src)
}

beforeAll(async () => {
  headers = await adminHeaders()
  for (const key of Object.keys(FILES) as (keyof typeof FILES)[]) media[key] = await upload(key)
  browser = await launchBrowser()
  page = await browser.newPage()
})
afterAll(async () => browser?.close())

describe('media URLs', () => {
  it('are site-relative, valid at every address of the site', () => {
    for (const doc of Object.values(media)) {
      expect(doc.url).toMatch(/^\/api\/media\/file\//)
      for (const size of Object.values(doc.sizes)) if (size.url) expect(size.url).toMatch(/^\/api\/media\/file\//)
    }
  })

  it('variants exist only where the original is larger (no enlargement)', () => {
    expect(media.small!.sizes.thumbnail!.url).toBeNull()
    expect(media.photo!.sizes.thumbnail!.url).toMatch(/\.webp$/)
    expect(media.photo!.sizes.card!.url).toBeNull()
    expect(media.transparent!.sizes.card!.url).toMatch(/\.webp$/)
    expect(media.transparent!.sizes.hero!.url).toBeNull()
    expect(media.large!.sizes.hero!.width).toBe(1600)
  })
})

describe('every page type shows its images', () => {
  it('project cover (the hero variant, or the original when smaller), at localhost and 127.0.0.1', async () => {
    const project = await findOne<Doc>('projects', 'where[_status][equals]=published')
    await patch('projects', project.id, { cover: media.large!.id, meta: { image: media.large!.id }, _status: 'published' })
    for (const origin of [baseURL, otherOrigin]) {
      const shown = await visit(`${origin}/projets/${project.slug}`, `projet (${origin})`)
      expect(shown).toContain(media.large!.sizes.hero!.url)
    }
    // The right-sized set: never above the file, the file itself last, WebP from Next below it.
    const srcset = await page.locator('main img').first().getAttribute('srcset')
    expect(srcset).toContain(`${media.large!.sizes.hero!.url} 1600w`)
    expect(srcset).not.toMatch(/\b(1920|2048|3840)w/)

    // Smaller than the hero variant: the original as it is (a 500 px photo, never offered at 3840w).
    await patch('projects', project.id, { cover: media.photo!.id, _status: 'published' })
    const shown = await visit(`${baseURL}/projets/${project.slug}`, 'projet, petite couverture')
    expect(shown).toContain(media.photo!.url)
    expect(await page.locator('main img').first().getAttribute('srcset')).toBe(`${media.photo!.url} 500w`)
  })

  it('partner logos, transparent PNG and small JPEG', async () => {
    const partner = await findOne<Doc>('partners', 'where[name][exists]=true')
    await patch('partners', partner.id, { logo: media.transparent!.id })
    const created = await fetch(`${baseURL}/api/partners`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Coopérative au petit logo', logo: media.small!.id }),
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const shown = await visit(`${baseURL}/partenaires`, 'partenaires')
    expect(shown).toEqual(expect.arrayContaining([media.transparent!.sizes.thumbnail!.url, media.small!.url]))
  })

  it('images inside the rich text of articles, pages, axes, themes and glossary terms', async () => {
    const places: [string, string, string][] = [
      ['articles', 'body', '/articles/'],
      ['pages', 'body', ''],
      ['axes', 'introduction', '/axes/'],
      ['themes', 'body', '/themes/'],
      ['glossary-terms', 'definition', '/glossaire/'],
    ]
    for (const [collection, field, prefix] of places) {
      const doc = await findOne<Doc & { breadcrumbs?: { url: string }[] }>(collection, 'where[_status][equals]=published')
      await addToRichText(collection, doc, field, [media.photo!, media.transparent!, media.large!])
      const path = collection === 'pages' ? (doc.breadcrumbs?.at(-1)?.url ?? `/${doc.slug}`) : `${prefix}${doc.slug}`
      const shown = await visit(`${baseURL}${path}`, collection)
      // In the text an image keeps its proportions: the original, resized by next/image below it.
      expect(shown, collection).toEqual(expect.arrayContaining([media.photo!.url, media.transparent!.url, media.large!.url]))
      expect(await page.locator('figure.rich-media figcaption').first().innerText(), collection).toContain('Légende')
    }
  })

  it('the Open Graph image is an absolute URL that answers with the image', async () => {
    const project = await findOne<Doc>('projects', 'where[_status][equals]=published')
    await page.goto(`${baseURL}/projets/${project.slug}`)
    const og = await page.locator('meta[property="og:image"]').getAttribute('content')
    expect(og).toBe(`${baseURL}${media.large!.sizes.hero!.url}`)
    const res = await fetch(og!)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/webp')
  })

  it('the home page, lists and the glossary show no broken image', async () => {
    for (const path of ['/', '/projets', '/articles', '/axes', '/glossaire', '/recherche?q=labo']) {
      await visit(`${baseURL}${path}`, path)
    }
  })
})

describe('preview', () => {
  it('a draft’s images load in the editor’s preview, at the other address too', async () => {
    const project = await findOne<Doc>('projects', 'where[_status][equals]=published')
    // A draft over the published version, with another cover.
    await patch('projects', project.id, { cover: media.transparent!.id, _status: 'draft' })
    const context = await browser.newContext()
    const p = await context.newPage()
    await logInAdmin(p, { origin: otherOrigin })
    const watch = watchImages(p)
    const res = await p.goto(`${otherOrigin}/apercu?chemin=${encodeURIComponent(`/projets/${project.slug}`)}`)
    expect(res?.status()).toBe(200)
    const shown = await watch.check('aperçu')
    expect(shown.map((img) => img.src)).toContain(media.transparent!.sizes.hero!.url ?? media.transparent!.url)
    await context.close()
    await patch('projects', project.id, { _status: 'published' })
  })

  it('the admin shows the uploaded files’ thumbnails', async () => {
    const context = await browser.newContext()
    const p = await context.newPage()
    await logInAdmin(p)
    const watch = watchImages(p)
    await p.goto(`${baseURL}/admin/collections/media`)
    // The list's rows render progressively on a busy machine: wait for every thumbnail.
    await expect.poll(() => p.locator('img[src*="/api/media/file/"]').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(4)
    const shown = await watch.check('médias (administration)')
    expect(shown.filter((img) => img.src.includes('/api/media/file/')).length).toBeGreaterThanOrEqual(4)
    await context.close()
  })
})
