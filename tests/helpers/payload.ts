/**
 * Boots Payload for one test file on a database of its own, and serves its REST and GraphQL
 * API over real HTTP (the same handlers the Next.js routes call).
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { getPayload, handleEndpoints, type Payload } from 'payload'

import { withGraphqlPolicy, withRestPolicy } from '../../src/lib/http/api-routes'
import { createTestDatabase } from './db'

export type TestContext = {
  payload: Payload
  /** Base URL of the HTTP server, e.g. http://127.0.0.1:43123 */
  url: string
  /** fetch() relative to the server: api('/api/users/me', { headers }) */
  api: (pathname: string, init?: RequestInit) => Promise<Response>
  close: () => Promise<void>
}

const toWebRequest = async (req: http.IncomingMessage, base: string): Promise<Request> => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = chunks.length ? Buffer.concat(chunks) : undefined
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(key, v))
    else if (value !== undefined) headers.set(key, value)
  }
  return new Request(new URL(req.url ?? '/', base), {
    method: req.method,
    headers,
    body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
  })
}

export async function bootPayload(): Promise<TestContext> {
  process.env.DATABASE_URI = await createTestDatabase()
  process.env.PAYLOAD_SECRET = 'test-secret'
  process.env.MEDIA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'labo-media-'))
  const { default: configPromise } = await import('@payload-config')
  const config = await configPromise
  const payload = await getPayload({ config })
  const { GRAPHQL_POST } = await import('@payloadcms/next/routes')
  // As src/app/(payload)/api/graphql/route.ts: screened, in French.
  const graphql = withGraphqlPolicy(config, GRAPHQL_POST(config))
  // The same HTTP policy (CORS, ETag, French JSON errors) as src/app/(payload)/api/[...slug]/route.ts.
  const rest = withRestPolicy(config, (request: Request) => handleEndpoints({ config, request }))

  let base = ''
  const server = http.createServer(async (req, res) => {
    try {
      const request = await toWebRequest(req, base)
      const response =
        new URL(request.url).pathname === '/api/graphql' && request.method === 'POST'
          ? await graphql(request)
          : await rest(request)
      res.statusCode = response.status
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie') res.setHeader(key, value)
      })
      // Each cookie its own header (forEach would keep only the last one here).
      const cookies = response.headers.getSetCookie()
      if (cookies.length) res.setHeader('set-cookie', cookies)
      res.end(Buffer.from(await response.arrayBuffer()))
    } catch (err) {
      res.statusCode = 500
      res.end(String(err))
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    payload,
    url: base,
    api: (pathname, init) => fetch(base + pathname, init),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await payload.destroy()
      fs.rmSync(process.env.MEDIA_DIR!, { recursive: true, force: true })
    },
  }
}
