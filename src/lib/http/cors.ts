/**
 * CORS for the REST API: only the origins an admin listed in the site settings get
 * `Access-Control-Allow-Origin`. Pure functions over header values.
 */

/** `https://Partenaire.org/` → `https://partenaire.org`; anything that is not an http(s) origin → null. */
export function normalizeOrigin(value: string): string | null {
  const trimmed = value.trim()
  if (!trimmed) return null
  try {
    const url = new URL(trimmed)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
    if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null
    return url.origin
  } catch {
    return null
  }
}

/** The origins of a settings value: one per line (or separated by commas or spaces); invalid ones dropped. */
export function parseOrigins(value: unknown): string[] {
  const items = Array.isArray(value)
    ? value.map((item) => (typeof item === 'object' && item !== null ? (item as { origin?: unknown }).origin : item))
    : typeof value === 'string'
      ? value.split(/[\s,]+/)
      : []
  const origins = items.filter((v): v is string => typeof v === 'string').map(normalizeOrigin)
  return [...new Set(origins.filter((o): o is string => o !== null))]
}

/** The invalid entries of a settings value (for the admin's field validation). */
export function invalidOrigins(value: unknown): string[] {
  if (typeof value !== 'string') return []
  return value
    .split(/[\s,]+/)
    .filter((item) => item.trim() !== '')
    .filter((item) => normalizeOrigin(item) === null)
}

export const ALLOWED_METHODS = 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS'
export const ALLOWED_HEADERS = 'Authorization, Content-Type, Accept, Accept-Language, If-None-Match, X-Requested-With'
export const EXPOSED_HEADERS = 'ETag, Retry-After, Link'
export const PREFLIGHT_MAX_AGE = '600'

export const isAllowedOrigin = (origin: string | null, allowed: readonly string[]): origin is string =>
  origin !== null && allowed.includes(normalizeOrigin(origin) ?? '')

/**
 * The CORS headers for a request from `origin`: none for an unlisted origin (the browser then
 * blocks the response); for a preflight, the methods and headers allowed too.
 */
export function corsHeaders(origin: string | null, allowed: readonly string[], preflight = false): Record<string, string> {
  if (!isAllowedOrigin(origin, allowed)) return {}
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': EXPOSED_HEADERS,
  }
  if (preflight) {
    headers['Access-Control-Allow-Methods'] = ALLOWED_METHODS
    headers['Access-Control-Allow-Headers'] = ALLOWED_HEADERS
    headers['Access-Control-Max-Age'] = PREFLIGHT_MAX_AGE
  }
  return headers
}

/** A CORS preflight: OPTIONS with an Origin and Access-Control-Request-Method. */
export const isPreflight = (method: string, headers: Headers): boolean =>
  method.toUpperCase() === 'OPTIONS' && headers.has('origin') && headers.has('access-control-request-method')
