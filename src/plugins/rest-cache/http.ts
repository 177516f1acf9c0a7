/**
 * The read side of the REST cache: wraps one of Payload's REST handlers (see ./index.ts).
 * `X-Cache: HIT` or `MISS` tells a cacheable request's fate.
 */
import type { Payload } from 'payload'

import { etagOf, isPersonalPath } from '../../lib/http/cache'
import { ResponseCache } from '../../lib/http/response-cache'
import { registerRestGeneration } from '../../lib/page-cache'
import { readGeneration } from './generation'

const caches = new WeakMap<Payload, ResponseCache>()

/** This server's store of answers for one Payload instance. */
export function restCacheOf(payload: Payload): ResponseCache {
  let cache = caches.get(payload)
  if (!cache) {
    cache = new ResponseCache()
    caches.set(payload, cache)
  }
  return cache
}

/** A request whose answer is the same for every anonymous caller. */
function isShared(request: Request, payload: Payload): boolean {
  if (request.method !== 'GET') return false
  if (request.headers.has('authorization') || request.headers.has('cookie')) return false
  const { pathname } = new URL(request.url)
  const config = payload.config
  return !isPersonalPath(pathname, config.routes.api, config.collections.filter((c) => c.auth).map((c) => c.slug))
}

const storable = (response: Response) =>
  response.status === 200 && !/no-store|private/.test(response.headers.get('cache-control') ?? '') && !response.headers.has('set-cookie')

export function withRestCache<Args extends unknown[]>(
  payloadOf: () => Promise<Payload>,
  handler: (request: Request, ...args: Args) => Promise<Response> | Response,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    if (request.method !== 'GET') return handler(request, ...args)
    const payload = await payloadOf()
    // The production server keeps its own copy of these answers, valid at the same generation.
    registerRestGeneration(() => readGeneration(payload))
    if (!isShared(request, payload)) return handler(request, ...args)
    // Read before computing: an answer is never newer-labelled than what it saw.
    const generation = await readGeneration(payload)
    if (generation === null) return handler(request, ...args)
    const cache = restCacheOf(payload)
    const url = new URL(request.url)
    const key = url.pathname + url.search
    const fresh = /no-cache/.test(request.headers.get('cache-control') ?? '') || /no-cache/.test(request.headers.get('pragma') ?? '')
    const hit = fresh ? undefined : cache.get(key, generation)
    if (hit) {
      const headers = new Headers(hit.headers)
      headers.set('X-Cache', 'HIT')
      return new Response(hit.body, { status: hit.status, headers })
    }
    const response = await handler(request, ...args)
    if (!storable(response)) return response
    const body = new Uint8Array(await response.arrayBuffer())
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    const etag = headers.get('etag') ?? etagOf(body)
    headers.set('ETag', etag)
    cache.set(key, generation, { status: response.status, headers: [...headers.entries()], body, etag })
    headers.set('X-Cache', 'MISS')
    return new Response(body, { status: response.status, statusText: response.statusText, headers })
  }
}
