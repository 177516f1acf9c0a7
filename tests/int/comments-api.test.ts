/**
 * Comments through the REST API (and GraphQL), on a real Postgres: what a visitor may send, what
 * the server decides (status, anti-spam, modes, duplicates, flood), what the public and API keys
 * may read, and who moderates.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { flushCommentNotifications, revalidateCommentTarget } from '../../src/plugins/comments'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
type Headers = Record<string, string>
type Doc = Record<string, unknown> & { id: number }

const articles: Record<'priori' | 'posteriori' | 'closed' | 'default' | 'draft' | 'other', number> = {
  priori: 0,
  posteriori: 0,
  closed: 0,
  default: 0,
  draft: 0,
  other: 0,
}
let projectId: number
let ipCounter = 0
/** A fresh address for each call unless given: flood counters never mix between tests. */
const nextIp = () => `198.51.100.${++ipCounter % 250}, 10.0.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`

const call = async (method: string, path: string, headers: Headers = {}, body?: unknown) => {
  const res = await ctx.api(path, body === undefined ? { method, headers } : { method, ...json(body, headers) })
  const text = await res.text()
  return { status: res.status, text, headers: res.headers, body: (text ? JSON.parse(text) : null) as Record<string, any> }
}

let bodyCounter = 0
const visitorComment = (target: number, extra: Record<string, unknown> = {}) => ({
  target: { relationTo: 'articles', value: target },
  authorName: 'Marie Curie',
  authorEmail: 'marie@exemple.test',
  body: `Un commentaire de lecteur n° ${++bodyCounter}.`,
  ...extra,
})

const post = (data: unknown, headers: Headers = {}) =>
  call('POST', '/api/comments', { 'X-Forwarded-For': nextIp(), 'User-Agent': 'TestBrowser/1.0', ...headers }, data)

/** The stored row, as the server sees it. */
const stored = async (id: number) => (await ctx.payload.findByID({ collection: 'comments', id, overrideAccess: true, depth: 0 })) as unknown as Doc

const setPolicy = async (data: Record<string, unknown>) =>
  ctx.payload.updateGlobal({ slug: 'site-settings', data: data as never, overrideAccess: true })

const HIDDEN = ['authorEmail', 'ipHash', 'userAgent', 'status', 'holdReason', 'moderatedBy', 'moderatedAt', 'moderatorNote', 'fingerprint', 'targetPublished']

function expectPublicShape(doc: Record<string, unknown>, who: string) {
  for (const field of HIDDEN) expect(doc, `${who}: ${field}`).not.toHaveProperty(field)
  expect(doc).toHaveProperty('authorName')
  expect(doc).toHaveProperty('bodyHtml')
}

const createArticle = async (title: string, commentMode: string, status: 'published' | 'draft' = 'published') => {
  const doc = await ctx.payload.create({
    collection: 'articles',
    data: { title, slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'), commentMode, _status: status } as never,
    draft: status === 'draft',
  })
  return doc.id
}

beforeAll(async () => {
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  users = await createRoleUsers(ctx)
  articles.priori = await createArticle('Article a priori', 'a-priori')
  articles.posteriori = await createArticle('Article a posteriori', 'a-posteriori')
  articles.closed = await createArticle('Article ferme', 'closed')
  articles.default = await createArticle('Article reglage du site', 'default')
  articles.draft = await createArticle('Article brouillon', 'a-priori', 'draft')
  articles.other = await createArticle('Autre article', 'a-priori')
  const project = await ctx.payload.create({ collection: 'projects', data: { title: 'Projet test', slug: 'projet-test', _status: 'published' } as never })
  projectId = project.id
})
afterAll(async () => {
  await flushCommentNotifications()
  await ctx?.close()
})
beforeEach(async () => {
  await setPolicy({ defaultCommentMode: 'a-priori', commentPolicy: { maxLinks: 2, floodLimit: 5, floodWindowMinutes: 10, moderationWords: '', disallowedWords: '' } })
})

describe('a visitor posts a comment', () => {
  it('is answered with its page as sent (not populated) unless ?depth= asks for it', async () => {
    const plain = await post(visitorComment(articles.priori))
    expect(plain.status, plain.text).toBe(201)
    expect(plain.body.doc.target).toEqual({ relationTo: 'articles', value: articles.priori })
    const populated = await call(
      'POST',
      '/api/comments?depth=1',
      { 'X-Forwarded-For': nextIp(), 'User-Agent': 'TestBrowser/1.0' },
      visitorComment(articles.priori),
    )
    expect(populated.status, populated.text).toBe(201)
    expect(populated.body.doc.target).toMatchObject({ relationTo: 'articles', value: { id: articles.priori, title: 'Article a priori' } })
  })

  it('gets pending whatever status and moderation fields they send; no raw address is stored', async () => {
    const res = await post(
      visitorComment(articles.priori, {
        status: 'approved',
        byStaff: true,
        holdReason: 'aucune',
        ipHash: 'forged',
        userAgent: 'forged',
        moderatedBy: users.admin.user.id,
        moderatedAt: '2020-01-01T00:00:00.000Z',
        moderatorNote: 'note forgée',
        targetPublished: true,
        targetKey: 'articles:999',
        level: 3,
      }),
      { 'X-Forwarded-For': '203.0.113.77' },
    )
    expect(res.status, res.text).toBe(201)
    expectPublicShape(res.body.doc, 'create response')
    const doc = await stored(res.body.doc.id)
    expect(doc.status).toBe('pending')
    expect(doc.byStaff).toBe(false)
    expect(doc.holdReason).toBe('Modération a priori')
    expect(doc.moderatedBy ?? null).toBeNull()
    expect(doc.moderatedAt ?? null).toBeNull()
    expect(doc.moderatorNote ?? null).toBeNull()
    expect(doc.targetKey).toBe(`articles:${articles.priori}`)
    expect(doc.level).toBe(1)
    expect(doc.userAgent).toBe('TestBrowser/1.0')
    expect(doc.ipHash).toMatch(/^[0-9a-f]{64}$/)
    // The address itself is nowhere in the row.
    const { rows } = await (ctx.payload.db as any).pool.query('SELECT row_to_json(c)::text AS row FROM comments c WHERE id = $1', [doc.id])
    expect(rows[0].row).not.toContain('203.0.113.77')

    // Not public until approved.
    const list = await call('GET', `/api/comments?where[targetKey][equals]=articles:${articles.priori}`)
    expect(list.body.docs.map((d: Doc) => d.id)).not.toContain(doc.id)
    expect((await call('GET', `/api/comments/${doc.id}`)).status).toBe(404)
    expect((await call('GET', `/api/comments/${doc.id}`, users.integration.headers)).status).toBe(404)
  })

  it('gets the same address hash for the same address, a different one for another', async () => {
    const a = await post(visitorComment(articles.priori), { 'X-Forwarded-For': '192.0.2.10' })
    const b = await post(visitorComment(articles.priori), { 'X-Forwarded-For': '192.0.2.10' })
    const c = await post(visitorComment(articles.priori), { 'X-Forwarded-For': '192.0.2.11' })
    expect((await stored(a.body.doc.id)).ipHash).toBe((await stored(b.body.doc.id)).ipHash)
    expect((await stored(a.body.doc.id)).ipHash).not.toBe((await stored(c.body.doc.id)).ipHash)
  })

  it('appears publicly once a moderator approves it, who and when being recorded', async () => {
    const res = await post(visitorComment(articles.priori, { body: 'À approuver {{vite}} <script>alert(1)</script>' }))
    const id = res.body.doc.id
    const approve = await call('PATCH', `/api/comments/${id}`, users.moderator.headers, { status: 'approved' })
    expect(approve.status, approve.text).toBe(200)
    const doc = await stored(id)
    expect(doc.status).toBe('approved')
    expect(doc.moderatedBy).toBe(users.moderator.user.id)
    expect(Date.now() - new Date(String(doc.moderatedAt)).getTime()).toBeLessThan(60_000)

    for (const headers of [{}, users.integration.headers, users.editor.headers]) {
      const one = await call('GET', `/api/comments/${id}`, headers)
      expect(one.status).toBe(200)
      expectPublicShape(one.body, 'by id')
      expect(one.body.bodyHtml).toBe('<p>À approuver <strong>vite</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>')
      expect(one.text).not.toContain('marie@exemple.test')
    }
  })

  it('refuses invalid fields with French, field-level messages', async () => {
    const res = await post({
      target: { relationTo: 'articles', value: articles.priori },
      authorName: 'x'.repeat(101),
      authorEmail: 'pas-une-adresse',
      authorWebsite: 'javascript:alert(1)',
      body: 'y'.repeat(5001),
    })
    expect(res.status).toBe(400)
    const errors = res.body.errors[0].data.errors as { path: string; message: string }[]
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]))
    expect(byPath.authorName).toBe('Votre nom ne peut dépasser 100 caractères.')
    expect(byPath.authorEmail).toMatch(/^Adresse e-mail invalide/)
    expect(byPath.authorWebsite).toMatch(/^Adresse de site invalide/)
    expect(byPath.body).toBe('Votre message ne peut dépasser 5\u00a0000 caractères (il en compte 5\u00a0001).')

    const empty = await post({ target: { relationTo: 'articles', value: articles.priori } })
    const paths = (empty.body.errors[0].data.errors as { path: string }[]).map((e) => e.path)
    expect(paths).toEqual(['authorName', 'authorEmail', 'body'])
    expect(empty.text).toContain('Indiquez votre nom.')
    expect(empty.text).toContain('Votre message est vide.')
  })

  it('accepts exactly 100 characters of name and 5,000 of body', async () => {
    const res = await post(visitorComment(articles.priori, { authorName: 'n'.repeat(100), body: 'b'.repeat(4999) + '!' }))
    expect(res.status, res.text).toBe(201)
  })
})

describe('modes', () => {
  it('a posteriori: visible at once', async () => {
    const res = await post(visitorComment(articles.posteriori))
    expect(res.status).toBe(201)
    expect((await stored(res.body.doc.id)).status).toBe('approved')
    expect((await call('GET', `/api/comments/${res.body.doc.id}`)).status).toBe(200)
  })

  it('fermé: 403 with a French message, nothing stored', async () => {
    const before = await ctx.payload.count({ collection: 'comments', overrideAccess: true })
    const res = await post(visitorComment(articles.closed))
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toBe('Les commentaires sont fermés pour cette page.')
    expect((await ctx.payload.count({ collection: 'comments', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
  })

  it('"default" follows the site settings', async () => {
    const held = await post(visitorComment(articles.default))
    expect((await stored(held.body.doc.id)).status).toBe('pending')
    await setPolicy({ defaultCommentMode: 'a-posteriori' })
    const shown = await post(visitorComment(articles.default))
    expect((await stored(shown.body.doc.id)).status).toBe('approved')
    await setPolicy({ defaultCommentMode: 'closed' })
    expect((await post(visitorComment(articles.default))).status).toBe(403)
  })

  it('settings saved by another server apply to the very next comment', async () => {
    expect((await stored((await post(visitorComment(articles.default))).body.doc.id)).status).toBe('pending')
    // Another instance saves the settings: the database changes, not this process.
    const db = ctx.payload.db as unknown as { pool: { query: (text: string) => Promise<unknown> } }
    await db.pool.query(`UPDATE site_settings SET default_comment_mode = 'a-posteriori', updated_at = now() + interval '1 second'`)
    expect((await stored((await post(visitorComment(articles.default))).body.doc.id)).status).toBe('approved')
  })

  it('projects, axes and themes are closed until an editor opens them', async () => {
    const target = { relationTo: 'projects', value: projectId }
    const closed = await post(visitorComment(0, { target }))
    expect(closed.status).toBe(403)
    await ctx.payload.update({ collection: 'projects', id: projectId, data: { commentMode: 'a-priori' } as never })
    const open = await post(visitorComment(0, { target }))
    expect(open.status, open.text).toBe(201)
    expect((await stored(open.body.doc.id)).targetKey).toBe(`projects:${projectId}`)
  })

  it('an unpublished, missing or unknown target: 400 on the target field', async () => {
    for (const target of [
      { relationTo: 'articles', value: articles.draft },
      { relationTo: 'articles', value: 999999 },
      { relationTo: 'users', value: users.admin.user.id },
      { relationTo: 'articles', value: 'abc' },
    ]) {
      const res = await post(visitorComment(0, { target }))
      expect(res.status, JSON.stringify(target)).toBe(400)
      expect(res.body.errors[0].data.errors[0].path).toBe('target')
    }
    const res = await post(visitorComment(0, { target: { relationTo: 'articles', value: articles.draft } }))
    expect(res.body.errors[0].data.errors[0].message).toBe('Cette page n’existe pas ou n’est pas publiée : impossible de la commenter.')
  })

  it('comments follow their page: hidden when it is unpublished, back when republished', async () => {
    const id = await createArticle('Article retire puis republie', 'a-posteriori')
    const res = await post(visitorComment(id))
    const commentId = res.body.doc.id
    expect((await call('GET', `/api/comments/${commentId}`)).status).toBe(200)
    await ctx.payload.update({ collection: 'articles', id, data: { _status: 'draft' } as never })
    // A draft saved over a published page does not unpublish it: use the unpublish path.
    const stillPublished = await ctx.payload.findByID({ collection: 'articles', id, draft: false })
    if (stillPublished._status === 'published') {
      await ctx.payload.update({ collection: 'articles', id, data: { _status: 'draft' } as never, draft: false })
    }
    expect((await ctx.payload.findByID({ collection: 'articles', id, draft: false }))._status).toBe('draft')
    expect((await call('GET', `/api/comments/${commentId}`)).status).toBe(404)
    expect((await call('GET', `/api/comments/${commentId}`, users.moderator.headers)).status).toBe(200)
    await ctx.payload.update({ collection: 'articles', id, data: { _status: 'published' } as never })
    expect((await call('GET', `/api/comments/${commentId}`)).status).toBe(200)
  })
})

describe('anti-spam', () => {
  it('honeypot filled: spam (the visitor is not told)', async () => {
    const res = await post(visitorComment(articles.posteriori, { honeypot: 'http://robot.example' }))
    expect(res.status).toBe(201)
    expect(res.text).not.toContain('spam')
    const doc = await stored(res.body.doc.id)
    expect(doc.status).toBe('spam')
    expect(doc.holdReason).toBe('Champ piège rempli (robot probable)')
    expect((await call('GET', `/api/comments/${doc.id}`)).status).toBe(404)
  })

  it('more links than allowed: held with its reason, even a posteriori', async () => {
    const body = 'Voir [a->https://a.example], [b->https://b.example] et https://c.example'
    const res = await post(visitorComment(articles.posteriori, { body }))
    const doc = await stored(res.body.doc.id)
    expect(doc.status).toBe('pending')
    expect(doc.holdReason).toBe('3 liens (2 au plus)')
    const two = await post(visitorComment(articles.posteriori, { body: '[a->https://a.example] [b->https://b.example]' }))
    expect((await stored(two.body.doc.id)).status).toBe('approved')
  })

  it('the link limit comes from the settings', async () => {
    await setPolicy({ commentPolicy: { maxLinks: 0 } })
    const res = await post(visitorComment(articles.posteriori, { body: 'Un seul lien : https://a.example' }))
    expect((await stored(res.body.doc.id)).holdReason).toBe('1 lien (0 au plus)')
  })

  it('a disallowed word: spam; a moderation word: held — whole words, without case or accents', async () => {
    await setPolicy({ commentPolicy: { disallowedWords: 'viagra\ncasino en ligne', moderationWords: 'crédit\n# une note\nspam.example' } })
    const spam = await post(visitorComment(articles.posteriori, { body: 'Le meilleur CASINO  en LIGNE !' }))
    expect((await stored(spam.body.doc.id)).status).toBe('spam')
    expect((await stored(spam.body.doc.id)).holdReason).toBe('Mot interdit : « casino en ligne »')
    const inName = await post(visitorComment(articles.posteriori, { authorName: 'Viagra Vendeur' }))
    expect((await stored(inName.body.doc.id)).status).toBe('spam')
    const held = await post(visitorComment(articles.posteriori, { body: 'Une question de CREDIT coopératif.' }))
    expect((await stored(held.body.doc.id)).status).toBe('pending')
    expect((await stored(held.body.doc.id)).holdReason).toBe('Mot à modérer : « crédit »')
    const site = await post(visitorComment(articles.posteriori, { authorWebsite: 'https://spam.example/page' }))
    expect((await stored(site.body.doc.id)).status).toBe('pending')
    const innocent = await post(visitorComment(articles.posteriori, { body: 'Accréditation et casinos : rien à voir.' }))
    expect((await stored(innocent.body.doc.id)).status).toBe('approved')
  })

  it('the same body from the same author on the same page twice: 409', async () => {
    const data = visitorComment(articles.priori, { body: 'Exactement le même message.' })
    expect((await post(data)).status).toBe(201)
    const again = await post({ ...data, authorEmail: 'MARIE@exemple.test', body: 'Exactement  le même message. ' })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toBe('Vous avez déjà envoyé ce message : il n’a pas été enregistré une seconde fois.')
    // Another page, or another author: fine.
    expect((await post({ ...data, target: { relationTo: 'articles', value: articles.other } })).status).toBe(201)
    expect((await post({ ...data, authorEmail: 'pierre@exemple.test' })).status).toBe(201)
  })

  it('flood: more than K per address and window → 429 with Retry-After and a French message', async () => {
    await setPolicy({ commentPolicy: { floodLimit: 3, floodWindowMinutes: 10 } })
    const ip = { 'X-Forwarded-For': '198.18.0.1' }
    for (let i = 0; i < 3; i++) expect((await post(visitorComment(articles.priori), ip)).status).toBe(201)
    const refused = await post(visitorComment(articles.priori), ip)
    expect(refused.status).toBe(429)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(500)
    expect(retryAfter).toBeLessThanOrEqual(600)
    expect(refused.body.errors[0].message).toBe(
      'Trop de messages envoyés depuis votre connexion : merci de patienter 10 minutes avant d’en envoyer un nouveau.',
    )
    // Another address is not affected; the counters are rows in Postgres.
    expect((await post(visitorComment(articles.priori), { 'X-Forwarded-For': '198.18.0.2' })).status).toBe(201)
    const { rows } = await (ctx.payload.db as any).pool.query('SELECT count(*)::int AS n FROM comments_flood')
    expect(rows[0].n).toBeGreaterThan(1)
  })

  it('flood: refused posts are not counted; a limit saved by another server applies to the next post', async () => {
    await setPolicy({ commentPolicy: { floodLimit: 2, floodWindowMinutes: 10 } })
    const ip = { 'X-Forwarded-For': '198.18.2.1' }
    // Closed page, then a duplicate: refused, so not counted.
    for (let i = 0; i < 2; i++) expect((await post(visitorComment(articles.closed), ip)).status).toBe(403)
    const first = visitorComment(articles.priori)
    expect((await post(first, ip)).status).toBe(201)
    expect((await post(first, ip)).status).toBe(409)
    expect((await post(visitorComment(articles.priori), ip)).status).toBe(201)
    expect((await post(visitorComment(articles.priori), ip)).status).toBe(429)
    // Another instance raises the limit: the database changes, not this process.
    const db = ctx.payload.db as unknown as { pool: { query: (text: string) => Promise<unknown> } }
    await db.pool.query(`UPDATE site_settings SET comment_policy_flood_limit = 3, updated_at = now() + interval '2 seconds'`)
    expect((await post(visitorComment(articles.priori), ip)).status).toBe(201)
    expect((await post(visitorComment(articles.priori), ip)).status).toBe(429)
  })

  it('flood: concurrent posts from one address are counted exactly', async () => {
    await setPolicy({ commentPolicy: { floodLimit: 4, floodWindowMinutes: 10 } })
    const ip = { 'X-Forwarded-For': '198.18.1.1' }
    const results = await Promise.all(Array.from({ length: 10 }, () => post(visitorComment(articles.priori), ip)))
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(4)
    expect(statuses.filter((s) => s === 429)).toHaveLength(6)
  })
})

describe('threads', () => {
  it('replies nest three levels deep at most, under a public comment of the same page', async () => {
    const root = await post(visitorComment(articles.posteriori))
    const r1 = await post(visitorComment(articles.posteriori, { parent: root.body.doc.id }))
    expect(r1.status, r1.text).toBe(201)
    expect((await stored(r1.body.doc.id)).level).toBe(2)
    const r2 = await post(visitorComment(articles.posteriori, { parent: r1.body.doc.id }))
    expect((await stored(r2.body.doc.id)).level).toBe(3)
    const r3 = await post(visitorComment(articles.posteriori, { parent: r2.body.doc.id }))
    expect(r3.status).toBe(400)
    expect(r3.body.errors[0].data.errors[0]).toMatchObject({
      path: 'parent',
      message: 'Impossible de répondre à ce commentaire : les réponses s’arrêtent au troisième niveau.',
    })
    const other = await post(visitorComment(articles.other, { parent: root.body.doc.id }))
    expect(other.status).toBe(400)
    const pending = await post(visitorComment(articles.priori))
    const toPending = await post(visitorComment(articles.priori, { parent: pending.body.doc.id }))
    expect(toPending.status).toBe(400)
    expect(toPending.body.errors[0].data.errors[0].path).toBe('parent')
  })

  it('a moderator replies as the Labo: approved at once, marked as staff', async () => {
    const root = await post(visitorComment(articles.priori))
    await call('PATCH', `/api/comments/${root.body.doc.id}`, users.moderator.headers, { status: 'approved' })
    const reply = await call('POST', '/api/comments', users.moderator.headers, {
      target: { relationTo: 'articles', value: articles.priori },
      parent: root.body.doc.id,
      body: 'Merci pour votre message !',
    })
    expect(reply.status, reply.text).toBe(201)
    const doc = await stored(reply.body.doc.id)
    expect(doc).toMatchObject({ status: 'approved', byStaff: true, moderatedBy: users.moderator.user.id, level: 2, authorName: 'Test moderator' })
    const pub = await call('GET', `/api/comments/${doc.id}`)
    expect(pub.body.byStaff).toBe(true)
  })
})

describe('reading: hidden fields never reach the public or API keys', () => {
  let approvedId: number
  const email = 'secret.lecteur@exemple.test'

  beforeAll(async () => {
    const res = await post(visitorComment(articles.posteriori, { authorEmail: email, body: 'Commentaire public.' }), {
      'X-Forwarded-For': '203.0.113.200',
    })
    approvedId = res.body.doc.id
    await ctx.payload.update({ collection: 'comments', id: approvedId, data: { moderatorNote: 'note privée' } as never, overrideAccess: true })
  })

  const readers = () => [
    ['anonymous', {}] as const,
    ['integration key', users.integration.headers] as const,
    ['editor', users.editor.headers] as const,
  ]

  it('list, by id, depth population, find by slug of the target', async () => {
    for (const [who, headers] of readers()) {
      for (const path of [
        `/api/comments?limit=100`,
        `/api/comments?limit=100&depth=2`,
        `/api/comments/${approvedId}?depth=2`,
        `/api/articles/${articles.posteriori}?depth=3`,
        `/api/articles?depth=3&limit=50`,
        `/api/comments?limit=100&select[authorEmail]=true&select[ipHash]=true&select[status]=true`,
        `/api/comments?limit=100&trash=true`,
      ]) {
        const res = await call('GET', path, headers)
        expect(res.status, `${who} ${path}`).toBe(200)
        expect(res.text, `${who} ${path}`).not.toContain(email)
        expect(res.text, `${who} ${path}`).not.toContain('note privée')
        expect(res.text, `${who} ${path}`).not.toContain('TestBrowser')
        expect(res.text, `${who} ${path}`).not.toMatch(/"(ipHash|status|holdReason|fingerprint|moderatorNote)"/)
      }
      const list = await call('GET', '/api/comments?limit=100', headers)
      for (const doc of list.body.docs) expectPublicShape(doc, who)
      // Only approved comments.
      const ids = list.body.docs.map((d: Doc) => d.id)
      const { docs: notApproved } = await ctx.payload.find({ collection: 'comments', where: { status: { not_equals: 'approved' } }, limit: 1000, overrideAccess: true })
      for (const doc of notApproved) expect(ids, who).not.toContain(doc.id)
    }
  })

  it('`where` and `sort` on hidden fields are refused, never an oracle', async () => {
    for (const [who, headers] of readers()) {
      for (const query of [
        'where[authorEmail][like]=secret',
        'where[authorEmail][equals]=secret.lecteur@exemple.test',
        'where[ipHash][exists]=true',
        'where[status][equals]=pending',
        'where[or][0][authorEmail][contains]=s',
        'where[moderatorNote][like]=note',
        'where[fingerprint][exists]=true',
        'sort=authorEmail',
        'sort=-ipHash',
      ]) {
        const res = await call('GET', `/api/comments?${query}`, headers)
        expect([400, 403], `${who} ${query}: ${res.status}`).toContain(res.status)
        expect(res.text).not.toContain(email)
      }
      // Through the count endpoint too.
      const count = await call('GET', '/api/comments/count?where[authorEmail][like]=secret', headers)
      expect([400, 403]).toContain(count.status)
    }
  })

  it('GraphQL: hidden fields are null or refused, `where` on them refused', async () => {
    for (const [who, headers] of readers()) {
      const q = await call('POST', '/api/graphql', headers, {
        query: `{ Comments(limit: 500) { docs { id authorName authorEmail ipHash userAgent status holdReason moderatorNote bodyHtml } } }`,
      })
      expect(q.text, who).not.toContain(email)
      expect(q.text, who).not.toContain('note privée')
      expect(q.text, who).not.toContain('TestBrowser')
      const docs = q.body.data?.Comments?.docs ?? []
      for (const doc of docs) {
        expect(doc.authorEmail ?? null, who).toBeNull()
        expect(doc.ipHash ?? null, who).toBeNull()
        expect(doc.status ?? null, who).toBeNull()
      }
      const w = await call('POST', '/api/graphql', headers, {
        query: `{ Comments(where: { authorEmail: { like: "secret" } }) { totalDocs docs { id } } }`,
      })
      expect(w.body.data?.Comments ?? null, who).toBeNull()
      expect(w.body.errors?.length, who).toBeGreaterThan(0)
    }
  })

  it('moderators see everything', async () => {
    const res = await call('GET', `/api/comments/${approvedId}`, users.moderator.headers)
    expect(res.body.authorEmail).toBe(email)
    expect(res.body.status).toBe('approved')
    expect(res.body.moderatorNote).toBe('note privée')
    const pending = await call('GET', '/api/comments?where[status][equals]=pending&limit=1', users.moderator.headers)
    expect(pending.status).toBe(200)
    expect(pending.body.totalDocs).toBeGreaterThan(0)
  })

  it('counts of approved comments per target', async () => {
    const res = await call('GET', `/api/comments/counts?targets=articles:${articles.posteriori},articles:${articles.closed}`)
    expect(res.status).toBe(200)
    const { totalDocs } = await ctx.payload.count({
      collection: 'comments',
      where: { targetKey: { equals: `articles:${articles.posteriori}` }, status: { equals: 'approved' } },
      overrideAccess: true,
    })
    expect(res.body.counts[`articles:${articles.posteriori}`]).toBe(totalDocs)
    expect(res.body.counts[`articles:${articles.closed}`]).toBe(0)
    const all = await call('GET', '/api/comments/counts?collection=articles')
    expect(all.body.counts[`articles:${articles.posteriori}`]).toBe(totalDocs)
    expect((await call('GET', '/api/comments/counts')).status).toBe(400)
  })
})

describe('moderation: who may', () => {
  let id: number
  beforeEach(async () => {
    id = (await post(visitorComment(articles.priori))).body.doc.id
  })

  it('editors and integration keys cannot moderate, edit or delete comments', async () => {
    for (const who of ['editor', 'integration'] as const) {
      const headers = users[who].headers
      expect((await call('PATCH', `/api/comments/${id}`, headers, { status: 'approved' })).status, who).toBe(403)
      expect((await call('PATCH', `/api/comments?where[id][equals]=${id}`, headers, { status: 'approved' })).body.docs ?? [], who).toHaveLength(0)
      expect((await call('DELETE', `/api/comments/${id}`, headers)).status, who).toBe(403)
      expect((await stored(id)).status).toBe('pending')
    }
    expect((await call('PATCH', `/api/comments/${id}`, {}, { status: 'approved' })).status).toBe(403)
  })

  it('integration keys cannot post; editors post like visitors', async () => {
    const byKey = await post(visitorComment(articles.priori), users.integration.headers)
    expect(byKey.status).toBe(403)
    const byEditor = await post(visitorComment(articles.priori), users.editor.headers)
    expect(byEditor.status).toBe(201)
    expect((await stored(byEditor.body.doc.id))).toMatchObject({ status: 'pending', byStaff: false })
  })

  it('moderators moderate comments but cannot edit content', async () => {
    expect((await call('PATCH', `/api/comments/${id}`, users.moderator.headers, { status: 'rejected' })).status).toBe(200)
    expect((await stored(id)).status).toBe('rejected')
    expect((await call('PATCH', `/api/articles/${articles.priori}`, users.moderator.headers, { title: 'Piraté' })).status).toBe(403)
    expect((await call('POST', '/api/articles', users.moderator.headers, { title: 'Nouveau' })).status).toBe(403)
  })

  it('a moderator bulk-approves a selection and the comments appear publicly', async () => {
    const ids = [id]
    for (let i = 0; i < 3; i++) ids.push((await post(visitorComment(articles.priori))).body.doc.id)
    const where = ids.map((x, i) => `where[id][in][${i}]=${x}`).join('&')
    const res = await call('PATCH', `/api/comments?${where}`, users.moderator.headers, { status: 'approved' })
    expect(res.status, res.text).toBe(200)
    expect(res.body.docs).toHaveLength(4)
    const list = await call('GET', `/api/comments?${where}`)
    expect(list.body.docs.map((d: Doc) => d.id).sort()).toEqual([...ids].sort())
    for (const x of ids) expect((await stored(x)).moderatedBy).toBe(users.moderator.user.id)
    // Bulk reject, bulk spam.
    expect((await call('PATCH', `/api/comments?${where}`, users.admin.headers, { status: 'spam' })).body.docs).toHaveLength(4)
    expect((await call('GET', `/api/comments?${where}`)).body.docs).toHaveLength(0)
    expect((await stored(ids[0])).moderatedBy).toBe(users.admin.user.id)
  })

  it('deleting goes to the trash (restorable) before it is gone', async () => {
    await call('PATCH', `/api/comments/${id}`, users.moderator.headers, { status: 'approved' })
    // A live comment cannot be deleted for good.
    await call('DELETE', `/api/comments/${id}`, users.moderator.headers)
    expect(await stored(id)).toBeTruthy()
    const trash = await call('PATCH', `/api/comments/${id}`, users.moderator.headers, { deletedAt: new Date().toISOString() })
    expect(trash.status, trash.text).toBe(200)
    expect((await call('GET', `/api/comments/${id}`)).status).toBe(404)
    expect((await call('GET', `/api/comments?trash=true&where[id][equals]=${id}`)).body.docs ?? []).toHaveLength(0)
    expect((await call('GET', `/api/comments/${id}?trash=true`)).status).toBe(404)
    expect((await call('GET', `/api/comments/${id}?trash=true`, users.moderator.headers)).status).toBe(200)
    // Restore.
    expect((await call('PATCH', `/api/comments/${id}?trash=true`, users.moderator.headers, { deletedAt: null })).status).toBe(200)
    expect((await call('GET', `/api/comments/${id}`)).status).toBe(200)
    // Trash again, then delete for good.
    await call('PATCH', `/api/comments/${id}`, users.moderator.headers, { deletedAt: new Date().toISOString() })
    const gone = await call('DELETE', `/api/comments/${id}?trash=true`, users.moderator.headers)
    expect(gone.status, gone.text).toBe(200)
    expect(await ctx.payload.findByID({ collection: 'comments', id, overrideAccess: true, trash: true, disableErrors: true })).toBeNull()
  })
})

describe('the author sees their own pending comment (signed cookie)', () => {
  it('REST posting sets the cookie; /mine lists only that browser’s pending comments', async () => {
    const res = await post(visitorComment(articles.priori, { body: 'Mon message en attente.' }))
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^labo_comments=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/)
    const cookie = setCookie.split(';')[0]
    const mine = await call('GET', `/api/comments/mine?target=articles:${articles.priori}`, { Cookie: cookie })
    expect(mine.body.docs.map((d: Doc) => d.id)).toEqual([res.body.doc.id])
    expect(mine.body.docs[0]).toMatchObject({ body: 'Mon message en attente.', status: 'pending' })
    expect(mine.text).not.toContain('marie@exemple.test')
    expect(mine.headers.get('cache-control')).toContain('no-store')
    // Nobody else.
    expect((await call('GET', `/api/comments/mine?target=articles:${articles.priori}`)).body.docs).toEqual([])
    const forged = cookie.replace(/=(\d+)/, `=${res.body.doc.id - 1}`)
    expect((await call('GET', `/api/comments/mine?target=articles:${articles.priori}`, { Cookie: forged })).body.docs).toEqual([])
    // A second comment adds to the same cookie.
    const second = await post(visitorComment(articles.priori), { Cookie: cookie })
    const both = (second.headers.get('set-cookie') ?? '').split(';')[0]
    const list = await call('GET', `/api/comments/mine?target=articles:${articles.priori}`, { Cookie: both })
    expect(list.body.docs.map((d: Doc) => d.id)).toEqual([res.body.doc.id, second.body.doc.id])
  })
})

describe('side effects', () => {
  it('e-mails moderators a held comment with its link in the admin, and the next ones within a minute in one digest', async () => {
    // What earlier tests held leaves first.
    await flushCommentNotifications()
    const spy = vi.spyOn(ctx.payload, 'sendEmail')
    try {
      const res = await post(visitorComment(articles.priori, { body: 'À valider, s’il vous plaît.' }))
      await flushCommentNotifications()
      expect(spy).toHaveBeenCalledTimes(1)
      const message = spy.mock.calls[0][0] as { to: string; subject: string; text: string }
      expect(message.to).toContain(users.moderator.user.email)
      expect(message.to).toContain(users.admin.user.email)
      expect(message.to).not.toContain(users.editor.user.email)
      expect(message.subject).toBe('Commentaire à modérer : Article a priori')
      expect(message.text).toContain(`/admin/collections/comments/${res.body.doc.id}`)
      expect(message.text).toContain('À valider, s’il vous plaît.')
      spy.mockClear()
      // Within the minute that follows a message, held comments wait for one digest.
      const wave = [await post(visitorComment(articles.priori)), await post(visitorComment(articles.priori)), await post(visitorComment(articles.priori))]
      expect(spy).not.toHaveBeenCalled()
      await flushCommentNotifications()
      expect(spy).toHaveBeenCalledTimes(1)
      const digest = spy.mock.calls[0][0] as { to: string; subject: string; text: string }
      expect(digest.subject).toBe('3 commentaires à modérer : Article a priori')
      for (const res of wave) expect(digest.text).toContain(`/admin/collections/comments/${res.body.doc.id}\n`)
      expect(digest.text).toMatch(/Tous les commentaires à modérer : \S+\/admin\/collections\/comments$/)
      spy.mockClear()
      await post(visitorComment(articles.posteriori))
      await post(visitorComment(articles.posteriori, { honeypot: 'x' }))
      await flushCommentNotifications()
      expect(spy).not.toHaveBeenCalled()
    } finally {
      spy.mockRestore()
    }
  })

  it('the revalidation helper is harmless outside a Next request', async () => {
    await expect(revalidateCommentTarget(ctx.payload, { relationTo: 'articles', value: articles.priori })).resolves.toBe(false)
  })
})
