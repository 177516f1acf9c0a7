/**
 * Attack: a visitor evades the comments' flood limit by sending a fresh X-Forwarded-For (and
 * X-Real-IP) with each post. Against the production server (`npm start`: scripts/server.ts), over
 * plain HTTP from loopback addresses of our choosing, so that the socket's address is known: the
 * server believes forwarded headers only from TRUSTED_PROXIES (127.0.0.9 here).
 */
import { randomBytes, randomInt } from 'node:crypto'
import http from 'node:http'

import { beforeAll, describe, expect, inject, it } from 'vitest'

import { adminHeaders } from '../helpers/site'

const baseURL = inject('baseURL')
const port = Number(new URL(baseURL).port)
let admin: Record<string, string>
let articleId: number
let floodLimit: number

type Answer = { status: number; body: { doc?: { id: number }; errors?: { message: string }[] } }

/** POST /api/comments from the loopback address `from` (the socket's peer the server sees). */
function post(from: string, headers: Record<string, string> = {}): Promise<Answer> {
  const payload = JSON.stringify({
    target: { relationTo: 'articles', value: articleId },
    authorName: 'Robot Inondeur',
    authorEmail: 'robot@exemple.test',
    body: `Encore un message ${randomBytes(6).toString('hex')}.`,
  })
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        family: 4,
        localAddress: from,
        method: 'POST',
        path: '/api/comments',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }))
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

const ipHashOf = async (id: number): Promise<string> => {
  const res = await fetch(`${baseURL}/api/comments/${id}?depth=0`, { headers: admin })
  return ((await res.json()) as { ipHash: string }).ipHash
}

/** A loopback address no other test connects from. */
const freshLoopback = () => `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(1, 255)}`
const fresh = () => `203.0.113.${randomInt(1, 255)}`

beforeAll(async () => {
  admin = await adminHeaders()
  const article = await fetch(`${baseURL}/api/articles`, {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ title: 'Article anti-flood', slug: `article-anti-flood-${randomBytes(3).toString('hex')}`, commentMode: 'a-priori', _status: 'published' }),
  })
  expect(article.status, await article.clone().text()).toBe(201)
  articleId = ((await article.json()) as { doc: { id: number } }).doc.id
  const settings = await fetch(`${baseURL}/api/globals/site-settings?depth=0`, { headers: admin })
  floodLimit = ((await settings.json()) as { commentPolicy?: { floodLimit?: number } }).commentPolicy?.floodLimit ?? 5
})

describe('the comments’ flood limit against forged forwarding headers', () => {
  it('posts with a fresh X-Forwarded-For each time still hit the flood limit', async () => {
    const from = freshLoopback()
    const ids: number[] = []
    for (let i = 0; i < floodLimit; i++) {
      const headers: Record<string, string> = i === 0 ? {} : { 'X-Forwarded-For': `${fresh()}, ${fresh()}`, 'X-Real-IP': fresh() }
      const res = await post(from, headers)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      ids.push(res.body.doc!.id)
    }
    const refused = await post(from, { 'X-Forwarded-For': fresh(), 'X-Real-IP': fresh() })
    expect(refused.status).toBe(429)
    expect(refused.body.errors?.[0]?.message).toMatch(/^Trop de messages envoyés depuis votre connexion/)
    // All counted for the socket's address, the same as the post without headers.
    const hashes = new Set(await Promise.all(ids.map(ipHashOf)))
    expect(hashes.size).toBe(1)
    // Another address is not held back by it.
    expect((await post(freshLoopback())).status).toBe(201)
  })

  it('through a trusted proxy, each visitor it forwards counts apart, whatever they forged to the left', async () => {
    const proxy = inject('trustedProxy')
    const visitors = Array.from({ length: floodLimit + 1 }, (_, i) => `198.51.100.${i + 1}`)
    const ids: number[] = []
    for (const visitor of visitors) {
      const res = await post(proxy, { 'X-Forwarded-For': `${fresh()}, ${visitor}` })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      ids.push(res.body.doc!.id)
    }
    expect(new Set(await Promise.all(ids.map(ipHashOf))).size).toBe(visitors.length)
    // The same visitor, with another forged hop: the same address.
    const again = await post(proxy, { 'X-Forwarded-For': `${fresh()}, ${visitors[0]}` })
    expect(again.status).toBe(201)
    expect(await ipHashOf(again.body.doc!.id)).toBe(await ipHashOf(ids[0]))
  })
})
