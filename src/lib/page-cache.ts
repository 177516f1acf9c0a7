/**
 * An in-memory cache in front of Next.js, used by the production server (scripts/server.ts): the
 * same bytes and headers Next sent, without going through Next's router for each request (about
 * 1 ms of CPU for a page, several for an API read, against 0.1 ms from memory).
 *
 * - Pages Next serves from its full-route cache (`x-nextjs-cache: HIT`). Purged whenever the site
 *   refreshes a page (revalidatePath), through a process-wide registry, since the app's code is
 *   bundled apart from the server's. A purge bumps a generation: an answer that started before it
 *   is never stored. A purge asked during a request (a publication through the API) is done again
 *   when that request ends, after Next has applied its own revalidation.
 * - Anonymous REST answers the app's REST cache marked as shared (`X-Cache`, src/plugins/rest-cache),
 *   kept under the content generation read from Postgres before the request (the app registers
 *   how to read it): valid exactly as long as the app's own copy.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

import { ifNoneMatch } from './http/cache'
import { ResponseCache } from './http/response-cache'

type RequestState = { purged: boolean; ended: boolean }
type Registry = {
  generation: number
  /** Reads wait for this refresh (announced by another process) before being served. */
  hold?: Promise<void>
  cache: ResponseCache
  requests: AsyncLocalStorage<RequestState>
  /** The REST cache's content generation (set by the app on its first API request), null if unknown. */
  restGeneration?: () => Promise<string | null>
}

const KEY = Symbol.for('labo.pageCache')

/** The registry of this process, if the production server has set one up. */
const registryOf = (): Registry | undefined => (globalThis as Record<symbol, Registry | undefined>)[KEY]

export function installPageCache(options?: ConstructorParameters<typeof ResponseCache>[0]): Registry {
  const registry: Registry = { generation: 0, cache: new ResponseCache(options), requests: new AsyncLocalStorage() }
  ;(globalThis as Record<symbol, Registry | undefined>)[KEY] = registry
  return registry
}

/** Lets the server check the REST cache's generation (src/plugins/rest-cache). */
export function registerRestGeneration(read: () => Promise<string | null>): void {
  const registry = registryOf()
  if (registry && !registry.restGeneration) registry.restGeneration = read
}

/** Drops every stored page (called with every revalidatePath). Without the server, nothing. */
export function purgePageCache(): void {
  const registry = registryOf()
  if (!registry) return
  registry.generation++
  registry.cache.clear()
  const state = registry.requests.getStore()
  if (state) state.purged = true
}

/**
 * Whether this code runs for a request the server is still answering. Timers started during a
 * request (Payload's cron, created by the first request that loaded Payload) keep its context
 * after it ended: Next's revalidatePath then finds a finished request and its refresh is lost.
 */
export function inLiveRequest(): boolean {
  const state = registryOf()?.requests.getStore()
  return Boolean(state && !state.ended)
}

/** Reads wait at most this long for a refresh (one that hangs must not stop the site). */
export const HOLD_MAX_MS = 2_000

/**
 * Drops every stored page and makes reads (pages and API, not the admin nor writes) wait until
 * `refresh` settles (a refresh announced by another process, being applied here): no page is
 * served from a copy it replaces, no API answer from settings it changes (the CORS origins).
 */
export function holdPages(refresh: Promise<unknown>, maxMs = HOLD_MAX_MS): void {
  const registry = registryOf()
  if (!registry) return
  registry.generation++
  registry.cache.clear()
  let timer: NodeJS.Timeout | undefined
  const hold: Promise<void> = Promise.race([
    refresh.then(
      () => undefined,
      () => undefined,
    ),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs))),
  ]).finally(() => clearTimeout(timer))
  registry.hold = hold
  void hold.then(() => {
    if (registry.hold === hold) registry.hold = undefined
  })
}

/** Request headers an answer varies with (Next's Vary, compression, CORS). */
const VARY = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'accept-encoding', 'origin']
/** Cookies and headers under which Next renders instead of serving its cache (draft mode, revalidation). */
const BYPASS_COOKIES = /(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length'])
/** Set by the server on each answer, HTTPS or not (src/lib/http/security-headers.ts): never replayed. */
const PER_REQUEST = new Set(['strict-transport-security', 'content-security-policy'])

const header = (headers: IncomingHttpHeaders, name: string): string => {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : (value ?? '')
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/')
const isAdmin = (path: string) => path === '/admin' || path.startsWith('/admin/')
/** Requests that never wait for a refresh (the refresh itself is a POST). */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The cache key of a request, or null when its answer must not come from the cache. */
export function pageCacheKey(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): string | null {
  if (method !== 'GET' || !url) return null
  const path = url.split('?')[0]!
  if (isAdmin(path)) return null
  // An API answer depends on who asks: only anonymous ones, without any cookie, are shared.
  if (isApi(path) && (headers.authorization || headers.cookie)) return null
  if (BYPASS_COOKIES.test(header(headers, 'cookie')) || headers['x-prerender-revalidate']) return null
  return [url, ...VARY.map((name) => header(headers, name).trim())].join('\n')
}

/** Whether the app's REST cache marked this answer as the same for every anonymous caller. */
export function isStorableApiAnswer(status: number, headers: OutgoingHttpHeaders): boolean {
  const text = (name: string) => String(headers[name] ?? '')
  return status === 200 && /^(HIT|MISS)$/.test(text('x-cache')) && !headers['set-cookie'] && /public/.test(text('cache-control'))
}

/** Whether Next's answer is a page from its full-route cache that anyone may be given. */
export function isStorablePage(status: number, headers: OutgoingHttpHeaders): boolean {
  const text = (name: string) => String(headers[name] ?? '')
  return (
    status === 200 &&
    text('x-nextjs-cache') === 'HIT' &&
    !headers['set-cookie'] &&
    !/private|no-store/.test(text('cache-control'))
  )
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void

const toBuffer = (chunk: unknown, encoding?: unknown): Buffer =>
  Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk), (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding)

/** Wraps Next's request handler with the cache (the registry from installPageCache). */
export function withPageCache(registry: Registry, handler: Handler): Handler {
  return (req, res) => {
    const state: RequestState = { purged: false, ended: false }
    // Done again once the request that asked for it is over (Next revalidates at its end).
    res.on('finish', () => {
      if (state.purged) {
        registry.generation++
        registry.cache.clear()
      }
    })
    res.on('close', () => {
      state.ended = true
    })
    return registry.requests.run(state, async () => {
      const path = (req.url ?? '/').split('?')[0]!
      const api = isApi(path)
      if (registry.hold && !isAdmin(path) && !WRITES.has(req.method ?? '')) await registry.hold
      const key = pageCacheKey(req.method, req.url, req.headers)
      if (!key) return handler(req, res)
      // Pages: this server's purges; API: the content generation in Postgres, read before computing.
      const rest = api ? await registry.restGeneration?.() : undefined
      if (api && !rest) return handler(req, res)
      const generation = api ? `api:${rest}` : String(registry.generation)
      const fresh = api && /no-cache/.test(header(req.headers, 'cache-control'))
      const hit = fresh ? undefined : registry.cache.get(key, generation)
      if (hit) {
        const headers: OutgoingHttpHeaders = Object.fromEntries(hit.headers)
        headers['x-page-cache'] = 'HIT'
        if (api) headers['x-cache'] = 'HIT'
        if (hit.etag && ifNoneMatch(header(req.headers, 'if-none-match') || null, hit.etag)) {
          for (const name of Object.keys(headers)) if (name.startsWith('content-')) delete headers[name]
          res.writeHead(304, headers)
          res.end()
          return
        }
        headers['content-length'] = String(hit.body.byteLength)
        res.writeHead(hit.status, headers)
        res.end(hit.body)
        return
      }
      // Record what Next writes; store it if it is a cached page and nothing was purged meanwhile.
      const chunks: Buffer[] = []
      // Headers given to writeHead are not all visible to getHeaders(): keep them.
      let given: OutgoingHttpHeaders = {}
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
      res.writeHead = ((status: number, ...rest: unknown[]) => {
        const last = rest.at(-1)
        if (last && typeof last === 'object' && !Array.isArray(last)) {
          given = Object.fromEntries(Object.entries(last as OutgoingHttpHeaders).map(([k, v]) => [k.toLowerCase(), v]))
        }
        return writeHead(status, ...rest)
      }) as ServerResponse['writeHead']
      const write = res.write.bind(res) as (...args: unknown[]) => boolean
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]))
        return write(chunk, ...rest)
      }) as ServerResponse['write']
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') chunks.push(toBuffer(chunk, rest[0]))
        const headers = { ...res.getHeaders(), ...given }
        const storable = api ? isStorableApiAnswer(res.statusCode, headers) : isStorablePage(res.statusCode, headers)
        // An API answer is labelled with the generation read before it was computed; a page must not
        // have lived through a purge.
        if (storable && (api || String(registry.generation) === generation)) {
          const body = Buffer.concat(chunks)
          const kept = Object.entries(headers)
            .filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name) && !PER_REQUEST.has(name))
            .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)] as [string, string])
          registry.cache.set(key, generation, {
            status: res.statusCode,
            headers: kept,
            body: new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength)) as Uint8Array<ArrayBuffer>,
            etag: String(headers.etag ?? ''),
          })
        }
        return end(chunk, ...rest)
      }) as ServerResponse['end']
      return handler(req, res)
    })
  }
}
