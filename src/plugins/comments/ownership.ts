/**
 * The signed cookie that lets a visitor see their own comments while they wait for moderation.
 * Pure functions: the server action and the REST hook set it, the /mine endpoint reads it;
 * nobody without the secret can forge an id list.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const OWN_COOKIE = 'labo_comments'
/** The ids of the latest comments a browser posted, at most this many. */
export const OWN_MAX = 20
export const OWN_MAX_AGE = 30 * 24 * 60 * 60

const sign = (secret: string, purpose: string, value: string): string =>
  createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url').slice(0, 32)

const safeEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const verify = (secret: string, purpose: string, cookie: string | undefined | null): string | null => {
  if (!cookie || cookie.length > 2000) return null
  const at = cookie.lastIndexOf('~')
  if (at < 0) return null
  const value = cookie.slice(0, at)
  return safeEqual(cookie.slice(at + 1), sign(secret, purpose, value)) ? value : null
}

const asId = (s: string): number | null => (/^\d{1,15}$/.test(s) ? Number(s) : null)

/** The ids a signed cookie holds; [] when it is missing, malformed or forged. */
export function readOwnCookie(secret: string, cookie: string | undefined | null): number[] {
  const value = verify(secret, 'own', cookie)
  if (!value) return []
  return value
    .split('.')
    .map(asId)
    .filter((id): id is number => id !== null)
}

/** The cookie value after adding `id` (most recent last, bounded). */
export function addOwnComment(secret: string, cookie: string | undefined | null, id: number | string): string {
  const ids = readOwnCookie(secret, cookie).filter((existing) => String(existing) !== String(id))
  ids.push(Number(id))
  const value = ids.slice(-OWN_MAX).join('.')
  return `${value}~${sign(secret, 'own', value)}`
}

export { cookieFromHeader, serializeCookie } from '../../lib/http/cookies'
