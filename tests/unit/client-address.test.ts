import { describe, expect, it } from 'vitest'

import { formatAddress, isTrustedProxy, parseAddress, parseTrustedProxies, resolveClientAddress } from '../../src/lib/http/client-address'

const addr = (text: string) => {
  const parsed = parseAddress(text)
  if (!parsed) throw new Error(`not an address: ${text}`)
  return parsed
}
const canonical = (text: string) => formatAddress(addr(text))
const trusts = (env: string, address: string) => isTrustedProxy(addr(address), parseTrustedProxies(env))

describe('addresses', () => {
  it('reads IPv4, IPv6, IPv4-mapped IPv6, with ports, brackets and zones', () => {
    expect(canonical('203.0.113.5')).toBe('203.0.113.5')
    expect(canonical(' 203.0.113.5:8080 ')).toBe('203.0.113.5')
    expect(canonical('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(canonical('::FFFF:c000:0201')).toBe('192.0.2.1')
    expect(canonical('[::ffff:192.0.2.1]:443')).toBe('192.0.2.1')
    expect(canonical('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1')
    expect(canonical('[2001:db8::1]:443')).toBe('2001:db8::1')
    expect(canonical('fe80::1%eth0')).toBe('fe80::1')
    expect(canonical('::1')).toBe('::1')
    expect(canonical('::')).toBe('::')
    expect(canonical('::1.2.3.4')).toBe('::102:304')
  })

  it('writes IPv6 in its canonical short form (RFC 5952)', () => {
    expect(canonical('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1')
    expect(canonical('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1')
    expect(canonical('2001:0:0:1:0:0:0:1')).toBe('2001:0:0:1::1')
    expect(canonical('1:2:3:4:5:6:7:8')).toBe('1:2:3:4:5:6:7:8')
  })

  it('refuses what is not an address', () => {
    for (const text of ['', 'unknown', '1.2.3', '256.1.1.1', '1.2.3.4.5', '2001:db8::1::2', 'localhost', '_hidden', '1.2.3.4/24']) {
      expect(parseAddress(text), text).toBeNull()
    }
  })
})

describe('TRUSTED_PROXIES', () => {
  it('is empty when unset or blank', () => {
    expect(parseTrustedProxies(undefined)).toEqual([])
    expect(parseTrustedProxies(' , ')).toEqual([])
  })

  it('matches single addresses and CIDR ranges, IPv4 and IPv6', () => {
    const env = '10.0.0.1, 172.16.0.0/12, fd00::/8, 2001:db8::7'
    expect(trusts(env, '10.0.0.1')).toBe(true)
    expect(trusts(env, '10.0.0.2')).toBe(false)
    expect(trusts(env, '172.31.255.255')).toBe(true)
    expect(trusts(env, '172.32.0.0')).toBe(false)
    expect(trusts(env, 'fd12:3456::1')).toBe(true)
    expect(trusts(env, 'fe00::1')).toBe(false)
    expect(trusts(env, '2001:db8::7')).toBe(true)
    expect(trusts(env, '2001:db8::8')).toBe(false)
  })

  it('treats IPv4-mapped IPv6 as IPv4, in the list and on the socket', () => {
    expect(trusts('127.0.0.1', '::ffff:127.0.0.1')).toBe(true)
    expect(trusts('::ffff:10.0.0.0/104', '10.9.8.7')).toBe(true)
    expect(trusts('::ffff:10.0.0.0/104', '11.0.0.1')).toBe(false)
    // An IPv4 range never matches an IPv6 address, nor the reverse.
    expect(trusts('0.0.0.0/0', '::1')).toBe(false)
    expect(trusts('::/0', '127.0.0.1')).toBe(false)
  })

  it('masks host bits of a range; /0 matches a whole family', () => {
    expect(trusts('10.1.2.3/8', '10.200.0.1')).toBe(true)
    expect(trusts('0.0.0.0/0', '198.51.100.1')).toBe(true)
  })

  it('fails with a French message naming the variable and the bad entry', () => {
    for (const bad of ['proxy.example.org', '10.0.0.0/33', 'fd00::/129', '10.0.0.1:80', '[::1]', '10.0.0/8', '::ffff:10.0.0.0/95', '10.0.0.0/', '*']) {
      expect(() => parseTrustedProxies(`127.0.0.1, ${bad}`), bad).toThrow(`TRUSTED_PROXIES : « ${bad} » n’est ni une adresse IP ni une plage CIDR`)
    }
  })
})

describe('resolving the visitor’s address', () => {
  const none = parseTrustedProxies(undefined)
  const proxies = parseTrustedProxies('10.0.0.0/8, fd00::/8')

  it('without trusted proxies, the socket wins and forwarded headers are ignored', () => {
    expect(resolveClientAddress({ remoteAddress: '203.0.113.9', forwardedFor: '198.51.100.1', realIp: '198.51.100.2' }, none)).toBe('203.0.113.9')
    expect(resolveClientAddress({ remoteAddress: '::ffff:203.0.113.9', forwardedFor: '198.51.100.1' }, none)).toBe('203.0.113.9')
  })

  it('from a peer that is not a trusted proxy, the socket wins', () => {
    expect(resolveClientAddress({ remoteAddress: '203.0.113.9', forwardedFor: '198.51.100.1, 10.0.0.1' }, proxies)).toBe('203.0.113.9')
  })

  it('from a trusted proxy, walks X-Forwarded-For right to left past trusted hops', () => {
    // The visitor forged the first hop; the proxy appended the address it saw.
    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', forwardedFor: '1.1.1.1, 203.0.113.9' }, proxies)).toBe('203.0.113.9')
    // Two proxies in a row.
    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', forwardedFor: '1.1.1.1, 203.0.113.9, 10.0.0.3' }, proxies)).toBe('203.0.113.9')
    expect(resolveClientAddress({ remoteAddress: 'fd00::2', forwardedFor: '2001:DB8::9, fd00::3' }, proxies)).toBe('2001:db8::9')
    // Several headers, as Node may hand them.
    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', forwardedFor: ['1.1.1.1', '203.0.113.9:5555'] }, proxies)).toBe('203.0.113.9')
  })

  it('stops at the proxy that sent a hop that is no address; all trusted: the left-most', () => {
    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', forwardedFor: '203.0.113.9, garbage, 10.0.0.3' }, proxies)).toBe('10.0.0.3')
    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', forwardedFor: 'garbage' }, proxies)).toBe('10.0.0.2')
    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', forwardedFor: '10.0.0.4, 10.0.0.3' }, proxies)).toBe('10.0.0.4')
  })

  it('takes X-Real-IP from a trusted proxy that sent no X-Forwarded-For', () => {
    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', realIp: '203.0.113.9' }, proxies)).toBe('203.0.113.9')
    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', realIp: 'garbage' }, proxies)).toBe('10.0.0.2')
    expect(resolveClientAddress({ remoteAddress: '10.0.0.2', forwardedFor: '', realIp: '' }, proxies)).toBe('10.0.0.2')
  })

  it('is null when the socket’s address is unknown', () => {
    expect(resolveClientAddress({ remoteAddress: undefined, forwardedFor: '203.0.113.9' }, proxies)).toBeNull()
  })
})
