/**
 * Caching of public REST reads: who is asking decides `Cache-Control`; the body decides the
 * `ETag`; a matching `If-None-Match` gets a 304.
 */
import { createHash } from 'node:crypto'

/** anonymous: no credentials; api-key: an integration key; session: a logged-in staff member. */
export type Identity = 'anonymous' | 'api-key' | 'session'

export function identityOf(headers: Headers, cookiePrefix = 'payload'): Identity {
  const authorization = headers.get('authorization') ?? ''
  if (/^\S+ API-Key \S/.test(authorization)) return 'api-key'
  if (authorization.trim() !== '') return 'session'
  const cookie = headers.get('cookie') ?? ''
  if (cookie.split(';').some((part) => part.trim().startsWith(`${cookiePrefix}-token=`))) return 'session'
  return 'anonymous'
}

/** How long shared caches and browsers may keep a public answer, in seconds. */
export const PUBLIC_MAX_AGE = 60
export const STALE_WHILE_REVALIDATE = 300

/**
 * Anonymous reads are public (any cache may keep them a minute); reads with an API key only
 * in the integration's own cache (a key may be granted more than the public); staff reads are
 * private and revalidated each time.
 */
export function cacheControlFor(identity: Identity): string {
  if (identity === 'anonymous') return `public, max-age=${PUBLIC_MAX_AGE}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}`
  if (identity === 'api-key') return `private, max-age=${PUBLIC_MAX_AGE}`
  return 'private, no-cache'
}

/** Paths whose answer depends on the caller even when anonymous: never stored. */
export const isPersonalPath = (pathname: string, apiRoute = '/api', authCollections: readonly string[] = ['users']): boolean => {
  const rest = pathname.startsWith(apiRoute) ? pathname.slice(apiRoute.length) : pathname
  return (
    rest.startsWith('/access') ||
    rest.startsWith('/payload-') ||
    rest.startsWith('/graphql') ||
    authCollections.some((slug) => rest === `/${slug}` || rest.startsWith(`/${slug}/`))
  )
}

/** A strong validator of the body bytes. */
export function etagOf(body: ArrayBuffer | Uint8Array | string): string {
  const bytes = typeof body === 'string' ? body : body instanceof Uint8Array ? body : new Uint8Array(body)
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`
}

/** RFC 9110 weak comparison of If-None-Match with the current ETag (`*` matches anything). */
export function ifNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  const wanted = opaque(etag)
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted)
}
