/**
 * The "known device" cookie: set on each successful login, it lets the right password through on
 * an account over its failure limit (never past an address's limits). Signed (HMAC of the user id
 * and the issue time with the server's secret): nobody without the secret can make one, and one
 * stops working after DEVICE_MAX_AGE. Pure functions.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const DEVICE_MAX_AGE = 180 * 24 * 60 * 60

/** One cookie per account, so that several accounts can be known on one browser. */
export const deviceCookieName = (cookiePrefix: string, userId: number | string): string =>
  `${cookiePrefix}-device-${String(userId).replace(/[^\w-]/g, '')}`

const sign = (secret: string, userId: number | string, issuedAt: number): string =>
  createHmac('sha256', secret).update(`known-device:${String(userId)}:${issuedAt}`).digest('base64url')

/** The cookie's value for this account, issued at `now` (ms). */
export function signDevice(secret: string, userId: number | string, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000)
  return `${issuedAt}.${sign(secret, userId, issuedAt)}`
}

/** Whether a cookie value was signed for this account with this secret and has not expired. */
export function verifyDevice(secret: string, userId: number | string, value: string | null | undefined, now = Date.now()): boolean {
  if (!value || value.length > 200) return false
  const m = /^(\d{1,12})\.([\w-]{43})$/.exec(value)
  if (!m) return false
  const issuedAt = Number(m[1])
  const age = Math.floor(now / 1000) - issuedAt
  if (age < -60 || age > DEVICE_MAX_AGE) return false
  const given = Buffer.from(m[2])
  const expected = Buffer.from(sign(secret, userId, issuedAt))
  return given.length === expected.length && timingSafeEqual(given, expected)
}
