/**
 * The SPIP importer on the « labo » fixture (tests/fixtures/spip/labo, see its MANIFEST.md): a
 * dry run writes nothing and reports what the import then does; counts per type, statuses,
 * project 27 as the seed's project card, forum threads and statuses, media files with their
 * variants, internal links, glossary terms, accounts without password; a second run creates no
 * duplicate and updates a changed title; a dump that is not SPIP or truncated stops before
 * writing anything (through the command, exit code 1).
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { sql } from '@payloadcms/db-postgres'
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { executorFor } from '../../src/plugins/shared/sql'
import { importSpip } from '../../src/spip-import/import'
import { resolveMapping } from '../../src/spip-import/mapping'
import { readSpipDump, type SpipDump } from '../../src/spip-import/read'
import type { ImportReport } from '../../src/spip-import/report'
import { bootPayload, type TestContext } from '../helpers/payload'

const FIXTURE = path.resolve('tests/fixtures/spip/labo')
const DUMP = path.join(FIXTURE, 'spip_labo.sql')
const IMG = path.join(FIXTURE, 'IMG')
const COLLECTIONS = ['users', 'tags', 'glossary-terms', 'media', 'pages', 'articles', 'projects', 'partners', 'comments'] as const

let ctx: TestContext
let dump: SpipDump
let dry: ImportReport
let first: ImportReport

const run = (d: SpipDump, dryRun = false) =>
  importSpip(ctx.payload, d, { file: DUMP, mapping: resolveMapping(d, { mots: { 20: 'programme' } }), mediaDir: IMG, dryRun })

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const c of COLLECTIONS) out[c] = (await ctx.payload.count({ collection: c as CollectionSlug, overrideAccess: true })).totalDocs
  return out
}

const byKey = async <T = Record<string, unknown>>(collection: string, key: string): Promise<T> => {
  const { docs } = await ctx.payload.find({ collection: collection as CollectionSlug, where: { spipKey: { equals: key } }, depth: 0, overrideAccess: true, draft: true, limit: 2 })
  expect(docs, `${collection} ${key}`).toHaveLength(1)
  return docs[0] as T
}

const created = (r: ImportReport) => Object.fromEntries(Object.entries(r.counts).map(([k, c]) => [k, c.created]))

beforeAll(async () => {
  ctx = await bootPayload()
  dump = await readSpipDump(DUMP, { mediaDir: IMG })
  const before = await rowCounts()
  dry = await run(dump, true)
  expect(await rowCounts(), 'a dry run writes nothing').toEqual(before)
  first = await run(dump)
}, 240_000)

afterAll(async () => {
  await ctx?.close()
})

describe('import of the labo fixture', () => {
  it('the dry run reported exactly what the import did', () => {
    expect(created(dry)).toEqual(created(first))
    expect(dry.skipped).toEqual(first.skipped)
    expect(dry.source.dryRun).toBe(true)
  })

  it('counts per type match the MANIFEST; refused and trashed articles are listed, not imported', async () => {
    expect(first.failed).toEqual([])
    expect(created(first)).toMatchObject({
      users: 4,
      'glossary-terms': 6,
      tags: 12,
      media: 3,
      pages: 9,
      articles: 25,
      projects: 3,
      partners: 1,
      comments: 14,
    })
    const skipped = first.skipped.map((s) => s.key)
    expect(skipped).toEqual(expect.arrayContaining(['article:14', 'article:28', 'auteur:4', 'auteur:6', 'forum:15', 'forum:16']))
    expect(first.skipped.find((s) => s.key === 'article:28')?.reason).toBe('refusé')
    expect(first.skipped.find((s) => s.key === 'article:14')?.reason).toBe('à la poubelle')
    const counts = await rowCounts()
    expect(counts).toMatchObject({ articles: 25, projects: 3, pages: 9, 'glossary-terms': 6, tags: 12, media: 3, comments: 14, users: 4 })
  })

  it('maps statuses: publie → published, prop/prepa → draft', async () => {
    expect((await byKey('articles', 'article:18'))._status).toBe('published')
    expect((await byKey('articles', 'article:29'))._status).toBe('draft')
    expect((await byKey('articles', 'article:30'))._status).toBe('draft')
  })

  it('article 18: press section, publication date, authors, keywords as tags, comment mode', async () => {
    const a = await byKey<{ rubrique: string; publishedAt: string; authors: { name: string }[]; tags: number[]; commentMode: string; source: { url: string } }>('articles', 'article:18')
    expect(a.rubrique).toBe('on-parle-de-nous')
    expect(a.publishedAt).toBe('2016-02-08T09:30:00.000Z')
    expect(a.authors.map((x) => x.name)).toEqual(['Sophie Marchand'])
    expect(a.commentMode).toBe('a-priori')
    expect(a.source.url).toMatch(/^https?:\/\//)
    // Keywords 13 (Thématiques) is a tag; 1, 2, 4, 5 are glossary terms, not tags.
    const tag = await byKey<{ id: number; name: string }>('tags', 'mot:13')
    expect(a.tags).toEqual([tag.id])
  })

  it('article 27 is a project with the fields of the seed card', async () => {
    const p = await byKey<Record<string, unknown>>('projects', 'article:27')
    expect(p.title).toBe("Le Labo de l'ESS - Des lieux pour accueillir l'ESS")
    expect(p.year).toBe(2020)
    expect(p.scope).toBe('national')
    expect(p.duration).toBe('2 ans')
    expect(p.lever).toBe("Faire (re)connaître l'ESS")
    expect(p.programme).toBe('Création de valeurs')
    expect(p.summary).toBe("Soutien à la stratégie de développement des lieux physiques et virtuels au service de l'ESS")
    expect(p.contentUpdatedAt).toBe('2023-03-09T12:00:00.000Z')
    expect((p.conventionDates as { date: string }[]).map((d) => d.date.slice(0, 7))).toEqual(['2017-09', '2018-06', '2019-06', '2020-06'])
    const domains = await Promise.all([15, 16, 17].map((id) => byKey<{ id: number }>('tags', `mot:${id}`)))
    expect(p.domains).toEqual(domains.map((d) => d.id))
    const related = await Promise.all([23, 26].map((id) => byKey<{ id: number }>('projects', `article:${id}`)))
    expect(p.relatedProjects).toEqual(related.map((d) => d.id))
    const logo = await byKey<{ id: number }>('media', 'document:3')
    expect(p.cover).toBe(logo.id)
    const text = JSON.stringify(p.context)
    expect(text).toContain('Convaincu que l')
    expect(JSON.stringify(p.structure)).toContain('Association créée en 2010')
    expect(JSON.stringify(p.foundationOpinion)).toContain('théorie du changement')
    const partner = await ctx.payload.findByID({ collection: 'partners', id: p.carryingStructure as number, depth: 0, overrideAccess: true })
    expect(partner).toMatchObject({ name: "Le Labo de l'ESS", legalForm: 'association', email: 'contact@lelabo-ess.org', website: 'https://www.lelabo-ess.org' })
    expect(partner.address).toMatchObject({ street: '5 rue Las Cases', postalCode: '75007', city: 'Paris', country: 'France' })
    expect(partner.socialLinks?.map((s) => s.network)).toEqual(['youtube', 'twitter', 'facebook', 'linkedin'])
  })

  it('rubriques are the page tree; articles of sections are not pages', async () => {
    const page = await byKey<{ breadcrumbs: { url: string }[]; parent: number }>('pages', 'rubrique:4')
    expect(page.breadcrumbs.at(-1)?.url).toBe('/le-labo-de-l-ess/presentation/l-histoire-du-labo-de-l-ess/les-cahiers-d-esperances')
  })

  it('forum → comments: threads, statuses, dates, author, no IP', async () => {
    const [c1, c2, c3, c4] = await Promise.all([1, 2, 3, 4].map((id) => byKey<Record<string, unknown>>('comments', `forum:${id}`)))
    const art18 = await byKey<{ id: number }>('articles', 'article:18')
    expect(c1).toMatchObject({ parent: null, level: 1, status: 'approved', authorName: 'Marc Olivier', authorEmail: 'marc.olivier@example.com', targetKey: `articles:${art18.id}` })
    expect(c1.createdAt).toBe('2016-02-09T08:14:02.000Z')
    expect(c2).toMatchObject({ parent: c1.id, level: 2, status: 'approved', byStaff: true })
    expect(c1.byStaff).toBe(false)
    expect(c3).toMatchObject({ parent: c2.id, level: 3 })
    expect(c4).toMatchObject({ parent: c1.id, status: 'pending' })
    expect(c1.ipHash ?? null).toBeNull()
    const statuses = Object.fromEntries(
      await Promise.all([5, 6, 7, 11, 12, 13].map(async (id) => [id, (await byKey<{ status: string }>('comments', `forum:${id}`)).status])),
    )
    expect(statuses).toEqual({ 5: 'rejected', 6: 'spam', 7: 'pending', 11: 'spam', 12: 'rejected', 13: 'pending' })
    // The public reads the approved ones through the API.
    const res = await ctx.api(`/api/comments?where[targetKey][equals]=articles:${art18.id}&depth=0`)
    expect(((await res.json()) as { totalDocs: number }).totalDocs).toBe(3)
  })

  it('documents → media: files copied with their variants, alt text', async () => {
    const img = await byKey<{ filename: string; alt: string; sizes: Record<string, { filename: string | null }> }>('media', 'document:2')
    expect(img.alt).toBe('Salle de la rencontre annuelle')
    expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, img.filename))).toBe(true)
    expect(img.sizes.thumbnail.filename).toBeTruthy()
    expect(fs.existsSync(path.join(process.env.MEDIA_DIR!, img.sizes.thumbnail.filename!))).toBe(true)
    const pdf = await byKey<{ alt: string; mimeType: string }>('media', 'document:1')
    expect(pdf).toMatchObject({ alt: "Synthèse des Cahiers d'espérances (janvier 2012)", mimeType: 'application/pdf' })
  })

  it('internal links and embedded images point at the imported documents', async () => {
    const guide = JSON.stringify((await byKey<{ body: unknown }>('articles', 'article:6')).body)
    const art1 = await byKey<{ id: number }>('articles', 'article:1')
    const rub6 = await byKey<{ id: number }>('pages', 'rubrique:6')
    const term = await byKey<{ id: number }>('glossary-terms', 'mot:2')
    expect(guide).toContain(`"doc":{"value":${art1.id},"relationTo":"articles"}`)
    expect(guide).toContain(`"doc":{"value":${rub6.id},"relationTo":"pages"}`)
    expect(guide).toContain(`"doc":{"value":${term.id},"relationTo":"glossary-terms"}`)
    // `[->art1]` shows the article's title, as SPIP does.
    expect(guide).toContain('"text":"Axe 1 : Organiser"')
    const img = await byKey<{ id: number }>('media', 'document:2')
    const art25 = JSON.stringify((await byKey<{ body: unknown }>('articles', 'article:25')).body)
    expect(art25).toContain(`"type":"upload","value":${img.id}`)
    expect(first.brokenLinks.every((b) => b.ref.startsWith('auteur'))).toBe(true)
  })

  it('glossary group → glossary terms with their definitions', async () => {
    const ess = await byKey<{ term: string; shortDefinition: string; _status: string }>('glossary-terms', 'mot:1')
    expect(ess.term).toBe('ESS')
    expect(ess.shortDefinition.length).toBeGreaterThan(10)
    expect(ess._status).toBe('published')
  })

  it('authors → editor accounts without password', async () => {
    const user = await byKey<{ id: number; roles: string[]; email: string }>('users', 'auteur:1')
    expect(user.roles).toEqual(['editor'])
    const db = await executorFor(ctx.payload)
    const { rows } = await db.execute(sql`SELECT count(*)::int AS n FROM users WHERE spip_key IS NOT NULL AND (hash IS NOT NULL OR salt IS NOT NULL)`)
    expect(rows[0].n).toBe(0)
    await expect(ctx.payload.login({ collection: 'users', data: { email: user.email, password: '' } })).rejects.toThrow()
  })

  it('a second run creates no duplicate and updates a changed title', async () => {
    const before = await rowCounts()
    const changed: SpipDump = { ...dump, articles: dump.articles.map((a) => (a.id_article === 3 ? { ...a, titre: 'Lancement des Cahiers (titre corrigé)' } : a)) }
    const again = await run(changed)
    expect(await rowCounts()).toEqual(before)
    expect(again.counts.articles).toMatchObject({ created: 0, updated: 1, unchanged: 24 })
    expect(again.counts.comments).toMatchObject({ created: 0, unchanged: 14 })
    expect((await byKey<{ title: string }>('articles', 'article:3')).title).toBe('Lancement des Cahiers (titre corrigé)')
  })
})

describe('a file that is not a whole SPIP dump', () => {
  const exec = promisify(execFile)
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spip-bad-'))
  const command = (file: string) =>
    exec(process.execPath, ['scripts/launch.mjs', 'scripts/import-spip.ts', file], { env: { ...process.env }, timeout: 60_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
    )

  it('stops before writing, with a French message and exit code 1', async () => {
    const before = await rowCounts()
    const notSpip = path.join(tmp, 'notes.sql')
    fs.writeFileSync(notSpip, 'Bonjour, ceci est un fichier texte.\n')
    const truncated = path.join(tmp, 'tronque.sql')
    const full = fs.readFileSync(DUMP, 'utf8')
    fs.writeFileSync(truncated, full.slice(0, full.indexOf('INSERT INTO `spip_articles`') + 2000))
    const a = await command(notSpip)
    expect(a.code).toBe(1)
    expect(a.stderr).toContain('n\'est pas un export SQL')
    const b = await command(truncated)
    expect(b.code).toBe(1)
    expect(b.stderr).toContain('tronqué')
    expect(await rowCounts()).toEqual(before)
  }, 120_000)
})

describe('old SPIP addresses', () => {
  const redirect = async (from: string) => {
    const { docs } = await ctx.payload.find({ collection: 'redirects' as CollectionSlug, where: { from: { equals: from } }, depth: 0, overrideAccess: true })
    expect(docs, from).toHaveLength(1)
    return docs[0] as unknown as { to: { type: string; url?: string | null; reference?: { relationTo: string; value: number } | null }; type: string }
  }

  it('become 301 redirects to the imported documents', async () => {
    const art12 = await byKey<{ id: number }>('articles', 'article:12')
    for (const from of ['/spip.php?article12', '/article12.html', '/spip.php?page=article&id_article=12', '/Boite-a-outils-integrer-le-fil-RSS-du-Labo']) {
      const r = await redirect(from)
      expect(r.type).toBe('301')
      expect(r.to).toMatchObject({ type: 'reference', reference: { relationTo: 'articles', value: art12.id } })
    }
    const project = await byKey<{ id: number }>('projects', 'article:27')
    expect((await redirect('/Le-Labo-de-l-ESS-Des-lieux-pour-accueillir-l-ESS')).to.reference).toEqual({ relationTo: 'projects', value: project.id })
    const rub4 = await byKey<{ id: number }>('pages', 'rubrique:4')
    expect((await redirect('/-Les-Cahiers-d-esperances-')).to.reference).toEqual({ relationTo: 'pages', value: rub4.id })
    expect((await redirect('/spip.php?rubrique5')).to).toMatchObject({ type: 'custom', url: '/articles?rubrique=on-parle-de-nous' })
    const ess = await byKey<{ id: number }>('glossary-terms', 'mot:1')
    expect((await redirect('/+-ESS-+')).to.reference).toEqual({ relationTo: 'glossary-terms', value: ess.id })
    const img = await byKey<{ filename: string }>('media', 'document:2')
    expect((await redirect('/IMG/jpg/rencontre-annuelle-2019.jpg')).to).toMatchObject({ type: 'custom', url: `/api/media/file/${img.filename}` })
    expect((await redirect('/spip.php?page=backend')).to).toMatchObject({ type: 'custom', url: '/rss.xml' })
    // Refused and trashed articles have no page: no redirect.
    const { totalDocs } = await ctx.payload.count({ collection: 'redirects' as CollectionSlug, where: { from: { equals: '/spip.php?article28' } }, overrideAccess: true })
    expect(totalDocs).toBe(0)
  })
})
