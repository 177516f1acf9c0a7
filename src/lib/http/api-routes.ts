/**
 * Wiring of the REST API's HTTP policy (src/lib/http/policy.ts) to Payload: the allowed CORS
 * origins come from the site settings, cached a few seconds (and dropped at once when the
 * settings change, in this process or, through the whole-site refresh it announces, in the
 * others); the routes for 405 answers from the sanitized config.
 */
import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { parseOrigins } from './cors'
import { onWholeSiteRefresh } from '../page-refresh'
import { withGraphqlScreen } from './graphql'
import { withHttpPolicy, type PolicyContext, type Route } from './policy'
import { maxListLimit } from '../bad-input'
import { withRestCache } from '../../plugins/rest-cache'

/** How long the settings are trusted before being read again (other instances' changes). */
export const SETTINGS_TTL_MS = 10_000

type Entry = { at: number; generation: number; ctx: Promise<PolicyContext> }
const entries = new WeakMap<Payload, Entry>()
let generation = 0

/** Drops the cached settings (called after the site settings change). */
export const invalidateHttpContext = () => {
  generation++
}
onWholeSiteRefresh(invalidateHttpContext)

/** Every REST route with its full path, e.g. `GET /api/articles/:id`. */
export function routesOf(config: SanitizedConfig): Route[] {
  const api = config.routes.api
  const routes: Route[] = []
  for (const e of config.endpoints || []) routes.push({ method: e.method, path: `${api}${e.path}` })
  for (const c of config.collections) for (const e of c.endpoints || []) routes.push({ method: e.method, path: `${api}/${c.slug}${e.path}` })
  for (const g of config.globals) for (const e of g.endpoints || []) routes.push({ method: e.method, path: `${api}/globals/${g.slug}${e.path}` })
  return routes
}

/** What does not change while the server runs: the routes (for 405 answers), names. */
const staticParts = new WeakMap<Payload, Omit<PolicyContext, 'corsOrigins'>>()
const staticContext = (payload: Payload): Omit<PolicyContext, 'corsOrigins'> => {
  let parts = staticParts.get(payload)
  if (!parts) {
    const config = payload.config
    parts = {
      routes: routesOf(config),
      apiRoute: config.routes.api,
      authCollections: config.collections.filter((c) => c.auth).map((c) => c.slug),
      collections: config.collections.map((c) => c.slug),
      maxLimit: maxListLimit(),
      cookiePrefix: config.cookiePrefix,
      sessionOrigins: config.csrf,
    }
    staticParts.set(payload, parts)
  }
  return parts
}

async function load(payload: Payload, settingsGlobal: string): Promise<PolicyContext> {
  let corsOrigins: string[] = []
  if (payload.config.globals.some((g) => g.slug === settingsGlobal)) {
    const settings = (await payload.findGlobal({
      slug: settingsGlobal as never,
      depth: 0,
      overrideAccess: true,
      select: { corsOrigins: true } as never,
    })) as { corsOrigins?: unknown }
    corsOrigins = parseOrigins(settings.corsOrigins)
  }
  return { ...staticContext(payload), corsOrigins }
}

/**
 * The policy context of this instance: settings read at most every SETTINGS_TTL_MS, and only for
 * a request that comes with an Origin (CORS is all they decide).
 */
export function httpPolicyContext(payload: Payload, { origins = true, settingsGlobal = 'site-settings' } = {}): Promise<PolicyContext> {
  if (!origins) return Promise.resolve({ ...staticContext(payload), corsOrigins: [] })
  const now = Date.now()
  const entry = entries.get(payload)
  if (entry && entry.generation === generation && now - entry.at < SETTINGS_TTL_MS) return entry.ctx
  const ctx = load(payload, settingsGlobal)
  entries.set(payload, { at: now, generation, ctx })
  ctx.catch(() => entries.delete(payload))
  return ctx
}

/**
 * The API speaks French unless the caller picked another language in the admin (Payload's
 * `<prefix>-lng` cookie): an English client still gets French messages. Done here rather than in
 * the Next proxy, which would run for every API request.
 */
export function inFrench(request: Request, cookiePrefix = 'payload'): Request {
  if (request.headers.get('accept-language') === 'fr') return request
  const cookie = request.headers.get('cookie') ?? ''
  if (cookie.split(';').some((part) => part.trim().startsWith(`${cookiePrefix}-lng=`))) return request
  const headers = new Headers(request.headers)
  headers.set('accept-language', 'fr')
  return new Request(request, { headers })
}

/**
 * Wraps one of Payload's REST handlers (`REST_GET(config)`…, or `handleEndpoints` in tests)
 * with the HTTP policy (CORS, caching headers, JSON errors in French) around the server-side
 * cache of public answers (src/plugins/rest-cache).
 */
export function withRestPolicy<Args extends unknown[]>(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  handler: (request: Request, ...args: Args) => Promise<Response> | Response,
) {
  const payloadOf = () => getPayload({ config })
  const french = async (request: Request, ...args: Args) => handler(inFrench(request, (await config).cookiePrefix), ...args)
  return withHttpPolicy(
    withRestCache(payloadOf, french),
    async (request) => httpPolicyContext(await payloadOf(), { origins: request.headers.has('origin') }),
    (err) => console.error('REST policy:', err),
  )
}

/**
 * Wraps Payload's GraphQL handler (`GRAPHQL_POST(config)`): requests screened before Payload
 * parses them (size, depth, fragments, aliases, fields, no batches), a time budget, French.
 */
export function withGraphqlPolicy(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  handler: (request: Request) => Promise<Response>,
) {
  return withGraphqlScreen(async (request) => handler(inFrench(request, (await config).cookiePrefix)))
}
