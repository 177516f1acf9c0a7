/** The body limit on a real Node HTTP server: refused before reading, never held in memory. */
import http, { type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { BODY_LIMITS, bodyLimitFor, withBodyLimit } from '../../src/lib/http/body-limit'

const MiB = 1024 * 1024
let server: http.Server
let base: string
/** What the application behind the limit read, per request path. */
const read = new Map<string, number>()

beforeAll(async () => {
  server = http.createServer(
    withBodyLimit(async (req, res) => {
      let size = 0
      try {
        for await (const chunk of req) size += (chunk as Buffer).length
      } catch {
        // cut off
      }
      read.set(req.url ?? '', size)
      if (!res.headersSent) res.end(JSON.stringify({ size }))
    }),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Sends headers, then `bytes` in 64 KiB chunks (declaring `length` if given); the answer. */
function send(path: string, bytes: number, length?: number) {
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' }
    if (length !== undefined) headers['content-length'] = length
    const req = http.request(`${base}${path}`, { method: 'POST', headers })
    let sent = 0
    req.on('response', (res: IncomingMessage) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }))
    })
    req.on('error', reject)
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const pump = () => {
      while (sent < bytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent))
        sent += part.length
        if (!req.write(part)) return void req.once('drain', pump)
      }
      req.end()
    }
    pump()
  }).catch((err: NodeJS.ErrnoException) => ({ status: -1, body: String(err.code), sent: 0 }))
}

describe('the body limit', () => {
  it('a 100 MB POST is refused from its declared length, before its body is read', async () => {
    const res = await send('/api/comments?declared', 64 * 1024, 100 * MiB)
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toEqual({
      errors: [
        {
          message: 'Requête trop volumineuse : 4 Mo au plus (21 Mo pour un fichier envoyé à la médiathèque).',
          code: 'payload_too_large',
        },
      ],
    })
    expect(read.has('/api/comments?declared')).toBe(false)
  })

  it('a body sent without a length is cut off at the limit', async () => {
    const res = await send('/api/comments?chunked', 12 * MiB)
    // The answer arrives before the client is done (or the connection is cut under it).
    if (res.status !== -1) expect(res.status).toBe(413)
    await expect.poll(() => read.get('/api/comments?chunked')).toBeDefined()
    expect(read.get('/api/comments?chunked')).toBeLessThanOrEqual(BODY_LIMITS.other)
  })

  it('a body within the limit reaches the application whole, with or without a length', async () => {
    expect(await send('/api/articles?declared', 3 * MiB, 3 * MiB)).toMatchObject({ status: 200, body: JSON.stringify({ size: 3 * MiB }) })
    expect(await send('/api/articles?chunked', 3 * MiB)).toMatchObject({ status: 200, body: JSON.stringify({ size: 3 * MiB }) })
  })

  it('the media library takes files up to its own limit', async () => {
    expect(bodyLimitFor('/api/media')).toBe(BODY_LIMITS.upload)
    expect(bodyLimitFor('/api/media/12?depth=0')).toBe(BODY_LIMITS.upload)
    expect(bodyLimitFor('/api/mediatheque')).toBe(BODY_LIMITS.other)
    expect(bodyLimitFor('/api/comments')).toBe(BODY_LIMITS.other)
    expect(await send('/api/media', 10 * MiB, 10 * MiB)).toMatchObject({ status: 200 })
  })
})
