/**
 * The security headers of every answer, set by the production server (scripts/server.ts) on
 * every response, pages from its cache included. `next dev` gets none: its hot reload needs eval
 * and a websocket, which the production policy forbids.
 *
 * Content-Security-Policy, by area:
 * - The site: `script-src 'self' 'unsafe-inline'`, no nonce, no hash. Next 16 writes inline
 *   scripts into every page (the RSC payload `self.__next_f.push(…)`, the Turbopack bootstrap),
 *   different on each page and at each publication. Nonces need a page rendered per request
 *   (Next reads the nonce from the request's CSP): no full-route cache, no page cache. Hashes
 *   would have to be computed by the server on the whole page before its headers, over every
 *   inline script it holds, an injected one included. What the policy still forbids: scripts
 *   from elsewhere, eval, plugins, <base> hijack, posting forms or fetching to another site,
 *   being framed by another site. Content is escaped where it is shown (React), the first defence.
 * - The admin: the same, plus blob: workers and media (Payload's upload previews).
 * - /api/docs (Swagger UI, our own page): scripts from this site only, no inline script.
 * - The rest of /api (JSON, media files): no CSP; nosniff keeps files from being run as pages.
 * `frame-ancestors 'self'`: the admin's live preview frames the site on the same origin.
 *
 * Strict-Transport-Security and upgrade-insecure-requests only when the site is served over
 * HTTPS: SITE_URL is https, or the request came through a trusted proxy (TRUSTED_PROXIES) that
 * says X-Forwarded-Proto: https.
 */
import type { IncomingMessage } from 'node:http'

import { mediaPublicURL } from '../media-hosts.mjs'
import { siteIsHttps } from '../site-paths'
import { isTrustedProxy, parseAddress, type TrustedProxies } from './client-address'

type Env = Record<string, string | undefined>
export type Area = 'site' | 'admin' | 'docs' | 'api'
export type SecurityOptions = {
  /** Served over HTTPS (HSTS, upgrade-insecure-requests). */
  https: boolean
  /** The public media host (S3_PUBLIC_URL's origin), or null when media go through the site. */
  mediaOrigin: string | null
}

export const HSTS = 'max-age=31536000; includeSubDomains'

/** Headers of every answer, whatever its area. */
const COMMON: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  // For browsers without frame-ancestors; same rule.
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()'],
]

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`)

/** The area a request path belongs to (the query string, if any, is ignored). */
export function areaOf(url: string): Area {
  const path = url.split('?')[0]!.split('#')[0]!
  if (under(path, '/admin')) return 'admin'
  if (under(path, '/api/docs')) return 'docs'
  if (under(path, '/api')) return 'api'
  return 'site'
}

/** The Content-Security-Policy of an area, or null for none. */
export function contentSecurityPolicy(area: Area, { https, mediaOrigin }: SecurityOptions): string | null {
  if (area === 'api') return null
  const media = mediaOrigin ? [mediaOrigin] : []
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': area === 'docs' ? ["'self'"] : ["'self'", "'unsafe-inline'"],
    // Inline style attributes: next/image, Payload's admin, Swagger UI.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...media],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", ...(area === 'admin' ? ['blob:'] : []), ...media],
    'connect-src': ["'self'"],
    ...(area === 'admin' ? { 'worker-src': ["'self'", 'blob:'] } : {}),
    'frame-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  }
  const policy = Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(' ')}`)
  if (https) policy.push('upgrade-insecure-requests')
  return policy.join('; ')
}

/** Every security header of an answer in `area`. */
export function securityHeaders(area: Area, options: SecurityOptions): [string, string][] {
  const headers = [...COMMON]
  const csp = contentSecurityPolicy(area, options)
  if (csp) headers.push(['Content-Security-Policy', csp])
  if (options.https) headers.push(['Strict-Transport-Security', HSTS])
  return headers
}

/** The origin of S3_PUBLIC_URL, or null. */
export function mediaOriginOf(env: Env = process.env): string | null {
  const url = mediaPublicURL(env)
  return url ? new URL(url).origin : null
}

/**
 * Whether a request reached the site over HTTPS: SITE_URL is https, or the socket's peer is a
 * trusted proxy that says so in X-Forwarded-Proto (its first value: the visitor's side).
 */
export function isHttpsRequest(
  request: { remoteAddress: string | undefined; forwardedProto?: string | string[] },
  proxies: TrustedProxies,
  env: Env = process.env,
): boolean {
  if (siteIsHttps(env)) return true
  const peer = request.remoteAddress ? parseAddress(request.remoteAddress) : null
  if (!peer || !isTrustedProxy(peer, proxies)) return false
  const proto = Array.isArray(request.forwardedProto) ? request.forwardedProto[0] : request.forwardedProto
  return (proto ?? '').split(',')[0]!.trim().toLowerCase() === 'https'
}

/**
 * The server's hook, computed once from the environment: sets the headers of `req`'s answer on
 * `res` before the app (or the page cache) writes it.
 */
export function securityHeadersSetter(proxies: TrustedProxies, env: Env = process.env) {
  const mediaOrigin = mediaOriginOf(env)
  const table = new Map<string, [string, string][]>()
  for (const area of ['site', 'admin', 'docs', 'api'] as const) {
    for (const https of [false, true]) table.set(`${area}:${https}`, securityHeaders(area, { https, mediaOrigin }))
  }
  return (req: IncomingMessage, res: { setHeader(name: string, value: string): unknown }) => {
    const https = isHttpsRequest({ remoteAddress: req.socket.remoteAddress, forwardedProto: req.headers['x-forwarded-proto'] }, proxies, env)
    for (const [name, value] of table.get(`${areaOf(req.url ?? '/')}:${https}`)!) res.setHeader(name, value)
  }
}
