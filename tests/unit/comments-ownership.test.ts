import { describe, expect, it } from 'vitest'

import { clientIp, hashIp, normalizeIp } from '../../src/plugins/comments/ip'
import { addOwnComment, cookieFromHeader, OWN_MAX, readOwnCookie, serializeCookie } from '../../src/plugins/comments/ownership'

const SECRET = 'secret-de-test'

describe('own-comments cookie', () => {
  it('round-trips ids, most recent last, bounded', () => {
    let cookie = addOwnComment(SECRET, undefined, 12)
    cookie = addOwnComment(SECRET, cookie, 15)
    cookie = addOwnComment(SECRET, cookie, 12)
    expect(readOwnCookie(SECRET, cookie)).toEqual([15, 12])
    for (let i = 100; i < 150; i++) cookie = addOwnComment(SECRET, cookie, i)
    const ids = readOwnCookie(SECRET, cookie)
    expect(ids).toHaveLength(OWN_MAX)
    expect(ids.at(-1)).toBe(149)
  })

  it('rejects forged, tampered or foreign cookies', () => {
    const cookie = addOwnComment(SECRET, undefined, 12)
    expect(readOwnCookie('autre-secret', cookie)).toEqual([])
    expect(readOwnCookie(SECRET, cookie.replace('12', '13'))).toEqual([])
    expect(readOwnCookie(SECRET, '12.13')).toEqual([])
    expect(readOwnCookie(SECRET, '')).toEqual([])
    expect(readOwnCookie(SECRET, 'x'.repeat(5000))).toEqual([])
    // A tampered cookie starts afresh rather than keeping forged ids.
    expect(readOwnCookie(SECRET, addOwnComment(SECRET, '1.2.3~forged', 7))).toEqual([7])
  })

  it('reads and writes cookie headers', () => {
    expect(cookieFromHeader('a=1; labo_comments=12%7Eabc; b=2', 'labo_comments')).toBe('12~abc')
    expect(cookieFromHeader(null, 'x')).toBeUndefined()
    expect(serializeCookie('n', 'v~1', { maxAge: 60, secure: true })).toBe('n=v~1; Path=/; Max-Age=60; HttpOnly; SameSite=Lax; Secure')
  })
})

describe('client address', () => {
  it('takes the right-most X-Forwarded-For hop (the one the closest proxy vouches for)', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.1.1.1, 203.0.113.5' }))).toBe('203.0.113.5')
    expect(clientIp(new Headers({ 'x-forwarded-for': '::ffff:192.0.2.1' }))).toBe('192.0.2.1')
    expect(clientIp(new Headers({ 'x-real-ip': '2001:DB8::1' }))).toBe('2001:db8::1')
    expect(clientIp(new Headers())).toBeNull()
  })

  it('normalizes ports and brackets', () => {
    expect(normalizeIp('192.0.2.1:5000')).toBe('192.0.2.1')
    expect(normalizeIp('[2001:db8::1]:443')).toBe('2001:db8::1')
  })

  it('hashes with a key: stable, and unreadable without the key', () => {
    expect(hashIp('192.0.2.1', 'k')).toBe(hashIp('192.0.2.1', 'k'))
    expect(hashIp('192.0.2.1', 'k')).not.toBe(hashIp('192.0.2.1', 'autre'))
    expect(hashIp('192.0.2.1', 'k')).not.toContain('192')
  })
})
