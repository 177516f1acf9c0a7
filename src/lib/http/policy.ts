/**
 * The HTTP policy of the REST API, applied around Payload's handlers (the Next.js route and
 * the test server use the same `withHttpPolicy`):
 *
 * - CORS: the origins listed in the site settings only; preflights answered here;
 * - caching: `Cache-Control` by caller, `ETag` on successful GETs, `304` on `If-None-Match`;
 * - errors: JSON, French message, stable code (see ./errors.ts); 405 with `Allow` when the
 *   address exists for other methods.
 */
import { cacheControlFor, etagOf, identityOf, ifNoneMatch, isPersonalPath } from './cache'
import { corsHeaders, isPreflight } from './cors'
import { listParamsError, maxListLimit } from '../bad-input'
import { allowedMethods, codeForStatus, messageForStatus, normalizeErrorBody } from './errors'

export type Route = { path: string; method: string }

export const UNSUPPORTED_BODY_MESSAGE =
  'Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json) ou un formulaire multipart pour un fichier.'

export type PolicyContext = {
  /** Origins allowed to read the API from a browser (site settings). */
  corsOrigins: readonly string[]
  /** Every REST route, with full paths (`/api/articles/:id`), for 405 answers. */
  routes?: readonly Route[]
  apiRoute?: string
  authCollections?: readonly string[]
  cookiePrefix?: string
  /** Collection slugs: `GET /api/<slug>` is a list, its `limit` and `page` bounded for API clients. */
  collections?: readonly string[]
  /** Largest `limit` an API client may ask for. */
  maxLimit?: number
  /** Origins whose logged-in requests Payload accepts (its `csrf` list); others lose their session. */
  sessionOrigins?: readonly string[]
}

/** `/api/articles/:id` matches `/api/articles/12`; `*` and `:param*` match the rest. */
export function pathMatches(pattern: string, pathname: string): boolean {
  const want = pattern.split('/').filter(Boolean)
  const got = pathname.split('/').filter(Boolean)
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!
    if (segment === '*' || /^:\w+\*$/.test(segment) || segment.startsWith('(.*)')) return true
    if (i >= got.length) return segment.endsWith('?')
    if (segment.startsWith(':')) continue
    if (segment !== got[i]) return false
  }
  return want.length === got.length
}

const VARY = 'Origin, Authorization, Cookie'

const withHeaders = (response: Response, headers: Record<string, string>, body?: BodyInit | null): Response => {
  const merged = new Headers(response.headers)
  for (const [key, value] of Object.entries(headers)) merged.set(key, value)
  return new Response(body === undefined ? response.body : body, { status: response.status, statusText: response.statusText, headers: merged })
}

/**
 * A refusal caused by the session cookie being ignored (Payload honours it only from the site's
 * own origins): says so, and how to fix it, instead of a bare "not allowed".
 */
function untrustedOriginError(request: Request, status: number, ctx: PolicyContext) {
  if ((status !== 401 && status !== 403) || !ctx.sessionOrigins?.length) return null
  const origin = request.headers.get('origin')
  if (!origin || ctx.sessionOrigins.includes(origin)) return null
  if (identityOf(request.headers, ctx.cookiePrefix) !== 'session') return null
  return {
    status: 403,
    body: {
      errors: [{
        message:
          `Votre session n’est pas reconnue à cette adresse (${origin}) : ouvrez l’administration à ` +
          `${ctx.sessionOrigins[0]}/admin, ou faites ajouter cette adresse à SITE_ALIASES.`,
        code: 'untrusted_origin',
      }],
    },
  }
}

export const jsonError = (status: number, extra: Record<string, string> = {}, message = messageForStatus(status), code = codeForStatus(status)) =>
  Response.json({ errors: [{ message, code }] }, { status, headers: extra })

/** Answers a CORS preflight without going to Payload. */
export function preflightResponse(request: Request, ctx: PolicyContext): Response {
  return new Response(null, { status: 204, headers: { ...corsHeaders(request.headers.get('origin'), ctx.corsOrigins, true), Vary: VARY } })
}

/** Applies the policy to the answer Payload gave to `request`. */
export async function applyHttpPolicy(request: Request, response: Response, ctx: PolicyContext): Promise<Response> {
  const method = request.method.toUpperCase()
  const pathname = new URL(request.url).pathname
  const cors = corsHeaders(request.headers.get('origin'), ctx.corsOrigins)
  const common = { ...cors, Vary: VARY }

  if (response.status >= 400) {
    const type = response.headers.get('content-type') ?? ''
    const text = await response.text()
    let parsed: unknown
    if (type.includes('json') || /^\s*[{[]/.test(text)) {
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = undefined
      }
    }
    let status = response.status
    const extra: Record<string, string> = {}
    // Payload answers 404 when no endpoint has this method: say 405 if another method has it.
    if (status === 404 && ctx.routes && typeof (parsed as { message?: unknown })?.message === 'string' &&
      String((parsed as { message: string }).message).startsWith('Route not found')) {
      const allowed = allowedMethods(pathname, ctx.routes, pathMatches)
      if (allowed && !allowed.includes(method)) {
        status = 405
        extra.Allow = [...allowed, 'OPTIONS'].join(', ')
      }
    }
    const source = status === 405 ? undefined : (parsed ?? (text ? { message: text } : undefined))
    const origin = untrustedOriginError(request, status, ctx)
    if (origin) status = origin.status
    const body = origin?.body ?? normalizeErrorBody(status, source)
    const headers = new Headers(response.headers)
    headers.set('Content-Type', 'application/json; charset=utf-8')
    headers.set('Cache-Control', 'no-store')
    headers.delete('Content-Length')
    headers.delete('ETag')
    for (const [key, value] of Object.entries({ ...common, ...extra })) headers.set(key, value)
    return new Response(JSON.stringify(body), { status, headers })
  }

  const cacheable = (method === 'GET' || method === 'HEAD') && response.status === 200
  if (!cacheable) return withHeaders(response, common)

  const own = response.headers.get('cache-control')
  const personal = isPersonalPath(pathname, ctx.apiRoute, ctx.authCollections)
  // An endpoint that chose its own caching (e.g. no-store for a visitor's pending comments) keeps it.
  if (own && /no-store/.test(own)) return withHeaders(response, common)
  const identity = identityOf(request.headers, ctx.cookiePrefix)
  const cacheControl = own ?? (personal ? 'private, no-cache' : cacheControlFor(identity))

  const bytes = await response.arrayBuffer()
  const etag = response.headers.get('etag') ?? etagOf(bytes)
  const headers = { ...common, 'Cache-Control': cacheControl, ETag: etag }
  if (ifNoneMatch(request.headers.get('if-none-match'), etag)) {
    const notModified = new Headers(response.headers)
    for (const name of ['content-type', 'content-length', 'content-encoding']) notModified.delete(name)
    for (const [key, value] of Object.entries(headers)) notModified.set(key, value)
    return new Response(null, { status: 304, headers: notModified })
  }
  const out = withHeaders(response, headers, method === 'HEAD' ? null : bytes)
  out.headers.delete('content-length')
  return out
}

/** Body types Payload reads: JSON, and forms (uploads). */
const BODY_TYPES = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded']

/** A body of a type the API does not read (text/plain…): 415 rather than a misleading 400. */
export function unsupportedBody(request: Request): boolean {
  if (!['POST', 'PATCH', 'PUT'].includes(request.method.toUpperCase())) return false
  const length = request.headers.get('content-length')
  const hasBody = request.headers.has('transfer-encoding') || (length !== null && length !== '0')
  if (!hasBody) return false
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  return !BODY_TYPES.includes(type)
}

/**
 * A list request of an API client (anonymous or with a key) whose `limit`, `page` or `pagination`
 * is out of bounds: its French message. Logged-in staff (the admin) read whole lists.
 */
export function listRequestError(request: Request, ctx: PolicyContext): string | null {
  if (!['GET', 'HEAD'].includes(request.method.toUpperCase()) || !ctx.collections || !ctx.apiRoute) return null
  if (identityOf(request.headers, ctx.cookiePrefix) === 'session') return null
  const url = new URL(request.url)
  const prefix = `${ctx.apiRoute}/`
  if (!url.pathname.startsWith(prefix) || !ctx.collections.includes(url.pathname.slice(prefix.length))) return null
  const param = (name: string) => url.searchParams.get(name) ?? undefined
  return listParamsError({ limit: param('limit'), page: param('page'), pagination: param('pagination') }, ctx.maxLimit ?? maxListLimit())
}

/** HEAD is GET without a body: Payload's routes only know GET. */
const asGet = (request: Request): Request =>
  request.method.toUpperCase() === 'HEAD' ? new Request(request.url, { method: 'GET', headers: request.headers }) : request

/**
 * Wraps a fetch-style handler (`REST_GET(config)`, `handleEndpoints`) with the policy. The
 * context (allowed origins, routes) is loaded per request (cached by the loader, which may skip
 * the origins when the request has none).
 */
export function withHttpPolicy<Args extends unknown[]>(
  handler: (request: Request, ...args: Args) => Promise<Response> | Response,
  loadContext: (request: Request) => Promise<PolicyContext>,
  onError?: (err: unknown) => void,
): (request: Request, ...args: Args) => Promise<Response> {
  return async (request, ...args) => {
    let ctx: PolicyContext = { corsOrigins: [] }
    try {
      ctx = await loadContext(request)
    } catch (err) {
      onError?.(err)
    }
    if (isPreflight(request.method, request.headers)) return preflightResponse(request, ctx)
    const listError = listRequestError(request, ctx)
    if (listError) return applyHttpPolicy(request, jsonError(400, {}, listError), ctx)
    if (unsupportedBody(request)) {
      return applyHttpPolicy(request, jsonError(415, {}, UNSUPPORTED_BODY_MESSAGE, codeForStatus(415)), ctx)
    }
    let response: Response
    try {
      response = await handler(asGet(request), ...args)
    } catch (err) {
      onError?.(err)
      response = jsonError(500)
    }
    return applyHttpPolicy(request, response, ctx)
  }
}
