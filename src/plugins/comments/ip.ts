import { createHmac } from 'node:crypto'

/**
 * The visitor's address, from the headers the app receives. The production server
 * (scripts/server.ts) replaces X-Forwarded-For with the address it resolved from the socket and
 * TRUSTED_PROXIES (src/lib/http/client-address.ts) and drops X-Real-IP: no header a visitor wrote
 * reaches this point. The right-most entry is read (the only one behind that server; tests that
 * call the app directly play the trusted proxy).
 */
export function clientIp(headers: Headers | undefined | null): string | null {
  if (!headers) return null
  const forwarded = headers.get('x-forwarded-for')
  if (forwarded) {
    const hops = forwarded
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
    const last = hops[hops.length - 1]
    if (last) return normalizeIp(last)
  }
  const real = headers.get('x-real-ip')?.trim()
  return real ? normalizeIp(real) : null
}

/** "::ffff:1.2.3.4" → "1.2.3.4"; "[::1]:5000" / "1.2.3.4:5000" → without the port. */
export function normalizeIp(ip: string): string {
  let value = ip.trim().toLowerCase()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value)
  if (bracketed) value = bracketed[1]
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(value)) value = value.replace(/:\d+$/, '')
  if (value.startsWith('::ffff:') && /^\d{1,3}(?:\.\d{1,3}){3}$/.test(value.slice(7))) value = value.slice(7)
  return value.slice(0, 100)
}

/** A keyed hash of the address: equal addresses give equal hashes, and the address cannot be read back. */
export function hashIp(ip: string, salt: string): string {
  return createHmac('sha256', salt).update(`comments-ip:${ip}`).digest('hex')
}
