import fs from 'node:fs'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'
import { authHeaders, createUser } from '../helpers/users'

let ctx: TestContext
let headers: Record<string, string>

beforeAll(async () => {
  ctx = await bootPayload()
  headers = await authHeaders(ctx, await createUser(ctx.payload, 'editor'))
})
afterAll(async () => ctx?.close())

const upload = (file: Blob, filename: string, data: Record<string, unknown> = { alt: 'Une image' }, h = headers) => {
  const form = new FormData()
  form.append('_payload', JSON.stringify(data))
  form.append('file', file, filename)
  return ctx.api('/api/media', { method: 'POST', body: form, headers: h })
}

const png = async (width = 1800, height = 1000) =>
  new Blob([
    await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 90 } } }).png().toBuffer(),
  ], { type: 'image/png' })

const PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
  'xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n' +
  'trailer<</Size 3/Root 1 0 R>>\nstartxref\n95\n%%EOF\n'

const mediaFiles = () => fs.readdirSync(process.env.MEDIA_DIR!)
const errorMessage = async (res: Response) => ((await res.json()) as { errors: { message: string }[] }).errors[0].message

/** A rejected upload leaves no document and no file behind. */
const expectNothingStored = async (before: { docs: number; files: number }) => {
  expect((await ctx.payload.count({ collection: 'media' })).totalDocs).toBe(before.docs)
  expect(mediaFiles().length).toBe(before.files)
}
const snapshot = async () => ({ docs: (await ctx.payload.count({ collection: 'media' })).totalDocs, files: mediaFiles().length })

describe('media uploads', () => {
  it('stores an image with webp thumbnail, card and hero sizes', async () => {
    const res = await upload(await png(), 'affiche.png', { alt: 'Affiche des rencontres' })
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as { doc: { alt: string; mimeType: string; sizes: Record<string, { mimeType: string; width: number; filename: string }> } }
    expect(doc.alt).toBe('Affiche des rencontres')
    expect(doc.mimeType).toBe('image/png')
    expect(doc.sizes.thumbnail).toMatchObject({ mimeType: 'image/webp', width: 400 })
    expect(doc.sizes.card).toMatchObject({ mimeType: 'image/webp', width: 768 })
    expect(doc.sizes.hero).toMatchObject({ mimeType: 'image/webp', width: 1600 })
    expect(mediaFiles()).toContain(doc.sizes.hero.filename)
  })

  it('accepts a PDF', async () => {
    const res = await upload(new Blob([PDF], { type: 'application/pdf' }), 'rapport.pdf', { alt: 'Rapport annuel' })
    expect(res.status).toBe(201)
  })

  it('refuses a truncated PDF', async () => {
    const before = await snapshot()
    const res = await upload(new Blob([PDF.slice(0, 60)], { type: 'application/pdf' }), 'tronque.pdf')
    expect(res.status).toBe(400)
    expect(await errorMessage(res)).toBe('PDF invalide ou incomplet : « tronque.pdf » ne peut pas être lu.')
    await expectNothingStored(before)
  })

  it('requires the alternative text', async () => {
    const before = await snapshot()
    const res = await upload(await png(40, 40), 'sans-alt.png', {})
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { data?: { errors: { path: string; message: string }[] } }[] }
    expect(body.errors[0].data?.errors[0]).toMatchObject({ path: 'alt', message: 'Ce champ est requis.' })
    await expectNothingStored(before)
  })

  it('refuses an SVG carrying a script', async () => {
    const before = await snapshot()
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    const res = await upload(new Blob([svg], { type: 'image/svg+xml' }), 'logo.svg')
    expect(res.status).toBe(415)
    expect(await errorMessage(res)).toMatch(/Type de fichier refusé.*SVG/)
    await expectNothingStored(before)
  })

  it('refuses an HTML page renamed .png', async () => {
    const before = await snapshot()
    const html = '<!doctype html><html><body><script>alert(1)</script></body></html>'
    const res = await upload(new Blob([html], { type: 'image/png' }), 'photo.png')
    expect(res.status).toBe(415)
    expect(await errorMessage(res)).toContain('« photo.png » n’est ni une image')
    await expectNothingStored(before)
  })

  it('a JPEG uploaded as page.html is kept as page.jpg, an image/jpeg', async () => {
    const jpeg = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#336699' } }).jpeg().toBuffer()
    const res = await upload(new Blob([jpeg], { type: 'text/html' }), 'page.html', { alt: 'Une photo mal nommée' })
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as { doc: { filename: string; mimeType: string } }
    expect(doc).toMatchObject({ filename: 'page.jpg', mimeType: 'image/jpeg' })
    expect(mediaFiles()).toContain('page.jpg')
    expect(mediaFiles()).not.toContain('page.html')
  })

  it('refuses a 10,000 × 10,000 GIF of a few bytes before decoding it', async () => {
    const before = await snapshot()
    const u16 = (n: number) => [n & 0xff, n >> 8]
    // GIF89a, a 2-colour palette, one 10,000 × 10,000 frame of (nearly) no data.
    const gif = Buffer.from([
      ...Buffer.from('GIF89a'), ...u16(10_000), ...u16(10_000), 0x80, 0, 0, 0, 0, 0, 255, 255, 255,
      0x2c, ...u16(0), ...u16(0), ...u16(10_000), ...u16(10_000), 0, 2, 2, 0x4c, 0x01, 0, 0x3b,
    ])
    const res = await upload(new Blob([gif], { type: 'image/gif' }), 'bombe.gif')
    expect(res.status).toBe(413)
    expect(await errorMessage(res)).toBe(
      'Image trop grande (10000 × 10000 pixels, 100 millions de pixels) : 40 millions de pixels au plus. Réduisez-la avant de l’envoyer.',
    )
    await expectNothingStored(before)
  })

  it('refuses a 50 MB file', async () => {
    const before = await snapshot()
    const big = Buffer.alloc(50 * 1024 * 1024)
    Buffer.from('%PDF-1.4\n').copy(big)
    const res = await upload(new Blob([big], { type: 'application/pdf' }), 'enorme.pdf')
    expect(res.status).toBe(413)
    expect(await errorMessage(res)).toMatch(/Fichier trop volumineux.*20 Mo/)
    await expectNothingStored(before)
  })

  it('refuses uploads from anonymous visitors and moderators', async () => {
    const before = await snapshot()
    expect((await upload(await png(40, 40), 'a.png', { alt: 'a' }, {})).status).toBe(403)
    const moderator = await authHeaders(ctx, await createUser(ctx.payload, 'moderator'))
    expect((await upload(await png(40, 40), 'b.png', { alt: 'b' }, moderator)).status).toBe(403)
    await expectNothingStored(before)
  })
})
