/**
 * Webhooks end to end, over real HTTP both ways: an admin registers a local receiver through
 * REST; editors publish, unpublish and delete through REST; the jobs queue POSTs signed JSON to
 * the receiver, retries with exponential backoff (the base delay is shortened to 200 ms here) and
 * logs every try in `webhook-deliveries`. Drafts and autosaves never send anything.
 */
import { createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { _internal_jobSystemGlobals } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'
import { authHeaders, createUser, json } from '../helpers/users'

const RETRY_DELAY_MS = 200
process.env.WEBHOOKS_RETRY_DELAY_MS = String(RETRY_DELAY_MS)

type Headers = Record<string, string>
type Received = { headers: http.IncomingHttpHeaders; raw: string; body: Record<string, unknown>; at: number }
type Receiver = { url: string; received: Received[]; close: () => Promise<void> }
type Delivery = { attempt: number; status: string; responseCode: number | null; durationMs: number; error: string | null; event: string; documentId: string; sentAt: string }

let ctx: TestContext
let admin: Headers
let editor: Headers
const receivers: Receiver[] = []

const siteURL = (process.env.SITE_URL || 'http://localhost:3000').replace(/\/+$/, '')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A local endpoint that answers the given statuses in turn (then 200) and records every request. */
async function startReceiver(statuses: number[] = []): Promise<Receiver> {
  const received: Received[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) as Record<string, unknown>, at: Date.now() })
      res.statusCode = statuses[received.length - 1] ?? 200
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const receiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  receivers.push(receiver)
  return receiver
}

const call = async (method: string, path: string, headers: Headers = {}, body?: unknown) => {
  const res = await ctx.api(path, body === undefined ? { method, headers } : { method, ...json(body, headers) })
  const text = await res.text()
  return { status: res.status, text, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> }
}

async function registerWebhook(url: string, data: Record<string, unknown> = {}) {
  const res = await call('POST', '/api/webhooks', admin, {
    name: 'Site partenaire',
    url,
    events: ['publish', 'unpublish', 'delete'],
    collections: ['articles'],
    ...data,
  })
  expect(res.status, res.text).toBe(201)
  return res.body.doc as { id: number; secret: string }
}

const publishArticle = async (title: string) => {
  const res = await call('POST', '/api/articles', editor, { title, _status: 'published' })
  expect(res.status, res.text).toBe(201)
  return res.body.doc as { id: number; slug: string }
}

const pendingJobs = async () =>
  (await ctx.payload.count({ collection: 'payload-jobs', where: { and: [{ queue: { equals: 'webhooks' } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }] } })).totalDocs

/** Runs the webhooks queue until nothing is left to run (waiting out backoffs), or the timeout. */
async function drain(timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    await ctx.payload.jobs.run({ queue: 'webhooks' })
    if ((await pendingJobs()) === 0) return
    await sleep(50)
  }
  throw new Error('the webhooks queue did not drain')
}

const deliveriesOf = async (webhookId: number): Promise<Delivery[]> => {
  const res = await call('GET', `/api/webhook-deliveries?where[webhook][equals]=${webhookId}&sort=sentAt&limit=100`, admin)
  expect(res.status, res.text).toBe(200)
  return res.body.docs as Delivery[]
}

const signatureOf = (secret: string, raw: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`

beforeAll(async () => {
  ctx = await bootPayload()
  // The tests run the queue themselves; the server's cron (started by the first REST request)
  // waits until the last test, which checks that it delivers on its own.
  _internal_jobSystemGlobals.shouldAutoRun = false
  admin = await authHeaders(ctx, await createUser(ctx.payload, 'admin'))
  editor = await authHeaders(ctx, await createUser(ctx.payload, 'editor'))
})
afterAll(async () => {
  _internal_jobSystemGlobals.shouldAutoRun = true
  await Promise.all(receivers.map((r) => r.close()))
  await ctx?.close()
})

describe('webhooks', () => {
  it('are for admins only; the secret is generated; the URL must be http(s)', async () => {
    const hook = await registerWebhook('https://partenaire.exemple.test/labo')
    expect(hook.secret).toMatch(/^[0-9a-f]{64}$/)
    const bad = await call('POST', '/api/webhooks', admin, { name: 'x', url: 'javascript:alert(1)', events: ['publish'], collections: ['articles'] })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('seules les adresses http:// ou https:// sont acceptées')
    for (const headers of [{}, editor]) {
      expect((await call('GET', '/api/webhooks', headers)).status).toBe(403)
      expect((await call('GET', `/api/webhooks/${hook.id}`, headers)).status).toBe(403)
      expect((await call('GET', '/api/webhook-deliveries', headers)).status).toBe(403)
      expect((await call('POST', '/api/webhooks', headers, { name: 'x', url: 'https://x.test', events: ['publish'], collections: ['articles'] })).status).toBe(403)
    }
    // The delivery log is read-only, admins included.
    expect((await call('POST', '/api/webhook-deliveries', admin, { event: 'publish', collection: 'articles', documentId: '1', attempt: 1, status: 'success', sentAt: new Date().toISOString() })).status).toBe(403)
    expect((await call('PATCH', `/api/webhooks/${hook.id}`, admin, { active: false })).status).toBe(200)
  })

  it('signs the payload, retries with exponential backoff after two failures, and logs each try', async () => {
    const receiver = await startReceiver([500, 500])
    const hook = await registerWebhook(receiver.url)
    const article = await publishArticle('Un article pour les partenaires')
    // Queued with the save, sent by the queue.
    expect(receiver.received).toHaveLength(0)
    await drain()

    expect(receiver.received).toHaveLength(3)
    const [first, second, third] = receiver.received
    for (const request of receiver.received) {
      expect(request.headers['content-type']).toBe('application/json')
      expect(request.headers['x-labo-event']).toBe('publish')
      expect(request.headers['x-labo-signature']).toBe(signatureOf(hook.secret, request.raw))
      expect(Number(request.headers['x-labo-timestamp'])).toBeGreaterThan(Date.now() / 1000 - 60)
      // The same delivery id and the same body on every try: receivers deduplicate on it.
      expect(request.headers['x-labo-delivery']).toBe(first.headers['x-labo-delivery'])
      expect(request.raw).toBe(first.raw)
    }
    expect(first.body).toEqual({
      event: 'publish',
      collection: 'articles',
      id: article.id,
      slug: article.slug,
      url: `${siteURL}/articles/${article.slug}`,
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
    // A wrong secret does not verify.
    expect(first.headers['x-labo-signature']).not.toBe(signatureOf('autre-secret', first.raw))
    // Exponential backoff: 200 ms, then 400 ms.
    expect(second.at - first.at).toBeGreaterThanOrEqual(RETRY_DELAY_MS)
    expect(third.at - second.at).toBeGreaterThanOrEqual(2 * RETRY_DELAY_MS)

    const deliveries = await deliveriesOf(hook.id)
    expect(deliveries.map((d) => [d.attempt, d.status, d.responseCode])).toEqual([
      [1, 'retrying', 500],
      [2, 'retrying', 500],
      [3, 'success', 200],
    ])
    for (const d of deliveries) {
      expect(d.event).toBe('publish')
      expect(d.documentId).toBe(String(article.id))
      expect(d.durationMs).toBeGreaterThanOrEqual(0)
    }
    expect(deliveries[0].error).toContain('500')
    expect(deliveries[2].error ?? null).toBeNull()
    // The admin sees them on the webhook too (join field).
    const withJoin = await call('GET', `/api/webhooks/${hook.id}`, admin)
    expect(((withJoin.body.deliveries as { docs: unknown[] }).docs ?? []).length).toBe(3)
    await call('PATCH', `/api/webhooks/${hook.id}`, admin, { active: false })
  })

  it('gives up after 5 tries', async () => {
    const receiver = await startReceiver([503, 503, 503, 503, 503, 503, 503])
    const hook = await registerWebhook(receiver.url)
    await publishArticle('Un article que personne ne reçoit')
    await drain(20_000)
    await sleep(5 * RETRY_DELAY_MS)
    await ctx.payload.jobs.run({ queue: 'webhooks' })
    expect(receiver.received).toHaveLength(5)
    const deliveries = await deliveriesOf(hook.id)
    expect(deliveries.map((d) => d.status)).toEqual(['retrying', 'retrying', 'retrying', 'retrying', 'failed'])
    expect(deliveries.map((d) => d.responseCode)).toEqual([503, 503, 503, 503, 503])
    const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i].at)
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(RETRY_DELAY_MS * 2 ** i))
    await call('PATCH', `/api/webhooks/${hook.id}`, admin, { active: false })
  })

  it('never fires for drafts and autosaves, including a draft saved over a published document', async () => {
    const receiver = await startReceiver()
    const hook = await registerWebhook(receiver.url)
    const published = await publishArticle('Publié puis retravaillé')
    await drain()
    expect(receiver.received).toHaveLength(1)

    const draft = await call('POST', '/api/articles?draft=true', editor, { title: 'Brouillon', _status: 'draft' })
    expect(draft.status, draft.text).toBe(201)
    const draftId = (draft.body.doc as { id: number }).id
    for (const [path, title] of [
      [`/api/articles/${draftId}?draft=true&autosave=true`, 'Brouillon (autosave)'],
      [`/api/articles/${draftId}?draft=true`, 'Brouillon enregistré'],
      [`/api/articles/${published.id}?draft=true&autosave=true`, 'Nouvelle version (autosave)'],
      [`/api/articles/${published.id}?draft=true`, 'Nouvelle version en brouillon'],
    ] as const) {
      const res = await call('PATCH', path, editor, { title, _status: 'draft' })
      expect(res.status, res.text).toBe(200)
    }
    expect(await pendingJobs()).toBe(0)
    await drain()
    expect(receiver.received).toHaveLength(1)
    expect(await deliveriesOf(hook.id)).toHaveLength(1)
    // The published version is untouched.
    expect((await call('GET', `/api/articles/${published.id}`)).body.title).toBe('Publié puis retravaillé')
    await call('PATCH', `/api/webhooks/${hook.id}`, admin, { active: false })
  })

  it('sends unpublish, republish and delete; only to the webhooks that listen to them', async () => {
    const receiver = await startReceiver()
    const other = await startReceiver()
    const hook = await registerWebhook(receiver.url)
    // Listens to projects only / is switched off: gets nothing of articles.
    await registerWebhook(other.url, { collections: ['projects'] })
    await registerWebhook(other.url, { active: false })

    const article = await publishArticle('Un article qui va et vient')
    const unpublish = await call('PATCH', `/api/articles/${article.id}`, editor, { _status: 'draft' })
    expect(unpublish.status, unpublish.text).toBe(200)
    expect((await call('GET', `/api/articles/${article.id}`)).status).toBe(404)
    const republish = await call('PATCH', `/api/articles/${article.id}`, editor, { title: 'Un article revenu', _status: 'published' })
    expect(republish.status, republish.text).toBe(200)
    const removed = await call('DELETE', `/api/articles/${article.id}`, editor)
    expect(removed.status, removed.text).toBe(200)
    // Deleting a document that was never published concerns nobody.
    const draft = await call('POST', '/api/articles?draft=true', editor, { title: 'Jamais publié', _status: 'draft' })
    expect((await call('DELETE', `/api/articles/${(draft.body.doc as { id: number }).id}`, editor)).status).toBe(200)
    await drain()

    // The queue runs jobs in parallel: receivers order events by `time`, not by arrival.
    const byTime = [...receiver.received].sort((a, b) => String(a.body.time).localeCompare(String(b.body.time)))
    expect(byTime.map((r) => r.body.event)).toEqual(['publish', 'unpublish', 'publish', 'delete'])
    for (const r of byTime) {
      expect(r.body.id).toBe(article.id)
      expect(r.body.collection).toBe('articles')
      expect(r.headers['x-labo-signature']).toBe(signatureOf(hook.secret, r.raw))
    }
    expect(byTime[3].body.slug).toBe(article.slug)
    expect(other.received).toHaveLength(0)
    const deliveries = await deliveriesOf(hook.id)
    expect(deliveries.map((d) => d.event).sort()).toEqual(['delete', 'publish', 'publish', 'unpublish'])
    expect(deliveries.every((d) => d.status === 'success' && d.attempt === 1)).toBe(true)
    await call('PATCH', `/api/webhooks/${hook.id}`, admin, { active: false })
  })

  it('is delivered by the server’s own cron, without anyone running the queue', async () => {
    const receiver = await startReceiver()
    await registerWebhook(receiver.url)
    _internal_jobSystemGlobals.shouldAutoRun = true
    const article = await publishArticle('Livré par le serveur')
    const end = Date.now() + 15_000
    while (receiver.received.length === 0 && Date.now() < end) await sleep(200)
    expect(receiver.received.map((r) => r.body.id)).toEqual([article.id])
  })
})
