/**
 * The production server refuses bodies over the limit before reading them (src/lib/http/body-limit.ts,
 * tested in depth in tests/unit/body-limit.test.ts): here, that it is in front of every route.
 */
import http from 'node:http'

import { describe, expect, inject, it } from 'vitest'

const baseURL = inject('baseURL')

/** Declares a `declared`-byte body, sends 64 KiB of it, and returns the answer. */
const post = (path: string, declared: number) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(`${baseURL}${path}`, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': declared },
    })
    req.on('response', (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.write(Buffer.alloc(64 * 1024, ' '))
  })

describe('a 100 MB POST', () => {
  it.each(['/api/comments', '/api/users/login', '/api/graphql', '/recherche', '/api/media'])('is refused before it is read: %s', async (path) => {
    const res = await post(path, 100 * 1024 * 1024)
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body).errors[0].message).toMatch(/^Requête trop volumineuse : \d+ Mo au plus/)
  })

  it('leaves the server answering', async () => {
    expect((await fetch(`${baseURL}/api/articles?limit=1&depth=0`)).status).toBe(200)
  })
})
