/**
 * Redirections answered by the production server (scripts/server.ts), from the app's in-memory
 * table (src/plugins/redirects/resolver.ts, registered process-wide: the app is bundled apart from
 * the server). Consulted only where no page answers: a 404 about to be sent, and the home page
 * asked with a query string (SPIP's `/?page=article&id_article=12`). A normal page view never
 * reaches it.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

import { redirectKey } from '../site-paths'

export type RedirectAnswer = { status: number; location: string }
/** Looks up the table by keys in order (exact address first). */
export type RedirectResolver = (keys: string[]) => Promise<RedirectAnswer | null>

const KEY = Symbol.for('labo.redirects')
const slot = globalThis as Record<symbol, RedirectResolver | undefined>

/** The app registers its table (once Payload is up in this process); a later one replaces it. */
export function registerRedirects(resolve: RedirectResolver): void {
  slot[KEY] = resolve
}

/** Keys to look an address up by: the address as asked, then without its query (tracking parameters, `_rsc`). */
export function lookupKeys(url: string): string[] {
  const exact = redirectKey(url)
  if (!exact) return []
  const path = exact.split('?')[0]!
  return exact === path ? [exact] : [exact, path]
}

/** The redirection of an address, or null (none, or the app not loaded yet). */
export async function redirectFor(url: string): Promise<RedirectAnswer | null> {
  const resolve = slot[KEY]
  const keys = lookupKeys(url)
  if (!resolve || !keys.length) return null
  try {
    return await resolve(keys)
  } catch {
    // The table could not be read: the page's own answer (404) stands.
    return null
  }
}

const PERMANENT = new Set([301, 308])

function answer(res: ServerResponse, hit: RedirectAnswer, writeHead: ServerResponse['writeHead'], end: ServerResponse['end']) {
  for (const name of res.getHeaderNames()) res.removeHeader(name)
  const headers: OutgoingHttpHeaders = {
    location: hit.location,
    // Editors may change a redirection: browsers keep a permanent one an hour, a temporary one not at all.
    'cache-control': PERMANENT.has(hit.status) ? 'public, max-age=3600' : 'no-cache',
    'content-length': '0',
  }
  ;(writeHead as (...a: unknown[]) => ServerResponse).call(res, hit.status, headers)
  ;(end as (...a: unknown[]) => ServerResponse).call(res)
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void
const RESERVED = /^\/(?:api|admin|_next)(?:\/|$)/

/**
 * Holds a 404 the handler starts to send until the table is read: the redirection's answer
 * instead, or the 404 as it was. Any other status passes straight through.
 */
function onNotFound(res: ServerResponse, url: string): void {
  const writeHead = res.writeHead
  const write = res.write
  const end = res.end
  let state: 'open' | 'held' | 'passed' | 'redirected' = 'open'
  const held: (() => void)[] = []
  const settle = (hit: RedirectAnswer | null) => {
    if (hit) {
      state = 'redirected'
      return answer(res, hit, writeHead, end)
    }
    state = 'passed'
    for (const call of held.splice(0)) call()
  }
  /** Runs `call` now, later (held) or never (redirected); `status`: what writeHead was given. */
  const gate = (call: () => unknown, status?: number): 'now' | 'later' | 'never' => {
    if (state === 'open') {
      if ((status ?? res.statusCode) !== 404) state = 'passed'
      else {
        state = 'held'
        void redirectFor(url).then(settle)
      }
    }
    if (state === 'passed') return 'now'
    if (state === 'held') held.push(() => void call())
    return state === 'held' ? 'later' : 'never'
  }
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const call = () => (writeHead as (...a: unknown[]) => ServerResponse).apply(res, args)
    return gate(call, typeof args[0] === 'number' ? args[0] : undefined) === 'now' ? call() : res
  } as ServerResponse['writeHead']
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    const call = () => (write as (...a: unknown[]) => boolean).apply(res, args)
    return gate(call) === 'now' ? call() : true
  } as ServerResponse['write']
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    const call = () => (end as (...a: unknown[]) => ServerResponse).apply(res, args)
    return gate(call) === 'now' ? call() : res
  } as ServerResponse['end']
}

/** Wraps the server's handler (outside the page cache: a redirection is never stored as a page). */
export function withRedirects(handler: Handler): Handler {
  return async (req, res) => {
    const url = req.url ?? '/'
    if ((req.method !== 'GET' && req.method !== 'HEAD') || RESERVED.test(url)) return handler(req, res)
    const query = url.indexOf('?')
    if (query > 0 && url.slice(0, query) === '/' && query < url.length - 1) {
      const hit = await redirectFor(url)
      if (hit) return answer(res, hit, res.writeHead, res.end)
      return handler(req, res)
    }
    onNotFound(res, url)
    return handler(req, res)
  }
}
