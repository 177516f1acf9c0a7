/**
 * The visitor's address, as the production server (scripts/server.ts) resolves it before the app
 * sees the request. X-Forwarded-For is believed only from the proxies listed in TRUSTED_PROXIES
 * (addresses and CIDR ranges, IPv4 and IPv6): from the socket's peer, the chain is walked right to
 * left while each hop is a trusted proxy; the first hop that is not is the visitor. With no
 * trusted proxy (the default), the socket's address is the visitor's, whatever the headers say.
 */
import { isIPv4, isIPv6 } from 'node:net'
import type { IncomingMessage } from 'node:http'

type Address = { family: 4 | 6; value: bigint }
type Range = Address & { prefix: number }
export type TrustedProxies = readonly Range[]

const BITS = { 4: 32, 6: 128 } as const

const ipv4Value = (text: string): bigint => text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n)

/** The 128-bit value of a valid IPv6 text ("::" and a dotted IPv4 tail allowed). */
function ipv6Value(text: string): bigint {
  // "::ffff:1.2.3.4" → "::ffff:102:304"
  const hex = text.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)].map((g) => g.toString(16)).join(':'),
  )
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : [])
  let groups = parse(hex)
  if (hex.includes('::')) {
    const [left, right] = hex.split('::').map(parse)
    groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right]
  }
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n)
}

/**
 * An address as found in a header or on a socket: "1.2.3.4", "1.2.3.4:5678", "2001:db8::1",
 * "[2001:db8::1]:443", "fe80::1%eth0". IPv4-mapped IPv6 ("::ffff:1.2.3.4") is the IPv4 address.
 */
export function parseAddress(input: string): Address | null {
  let text = input.trim()
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text)
  if (bracketed) text = bracketed[1]
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.replace(/:\d+$/, '')
  text = text.replace(/%[\w.-]+$/, '')
  if (isIPv4(text)) return { family: 4, value: ipv4Value(text) }
  if (!isIPv6(text)) return null
  const value = ipv6Value(text.toLowerCase())
  if (value >> 32n === 0xffffn) return { family: 4, value: value & 0xffffffffn }
  return { family: 6, value }
}

/** "203.0.113.5"; IPv6 in its canonical short form (RFC 5952): "2001:db8::1". */
export function formatAddress({ family, value }: Address): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.')
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn))
  // The longest run of two or more zero groups (the first one on a tie) becomes "::".
  let best = { start: -1, length: 1 }
  for (let i = 0; i < 8; ) {
    let j = i
    while (j < 8 && groups[j] === 0) j++
    if (j - i > best.length) best = { start: i, length: j - i }
    i = j === i ? i + 1 : j
  }
  const hex = groups.map((g) => g.toString(16))
  if (best.start < 0) return hex.join(':')
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`
}

const invalidEntry = (entry: string) =>
  new Error(
    `TRUSTED_PROXIES : « ${entry} » n’est ni une adresse IP ni une plage CIDR. Indiquez les adresses de vos proxys, séparées par des virgules (exemple : 10.0.0.1, 10.0.0.0/8, fd00::/8).`,
  )

/**
 * TRUSTED_PROXIES: comma-separated addresses and CIDR ranges ("10.0.0.1, 172.16.0.0/12, fd00::/8").
 * Unset or empty: none. Anything else fails with a French message naming the variable.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const ranges: Range[] = []
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim()
    if (!entry) continue
    const m = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry)
    const address = m && !m[1].includes('[') && !/^[\d.]+:\d+$/.test(m[1]) ? parseAddress(m[1]) : null
    if (!m || !address) throw invalidEntry(entry)
    const mappedV4 = address.family === 4 && m[1].includes(':')
    let prefix = m[2] === undefined ? BITS[address.family] : Number(m[2])
    // "::ffff:10.0.0.0/104" is 10.0.0.0/8.
    if (mappedV4 && m[2] !== undefined) prefix -= 96
    const max = BITS[address.family]
    if (prefix < 0 || prefix > max) throw invalidEntry(entry)
    ranges.push({ ...address, prefix, value: address.value & mask(address.family, prefix) })
  }
  return ranges
}

const mask = (family: 4 | 6, prefix: number): bigint => {
  const bits = BigInt(BITS[family])
  return ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n)
}

export function isTrustedProxy(address: Address, proxies: TrustedProxies): boolean {
  return proxies.some((range) => range.family === address.family && (address.value & mask(range.family, range.prefix)) === range.value)
}

const headerText = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join(',') : (value ?? ''))

/**
 * The visitor's address, or null when the socket's is unknown. From the socket's peer, each
 * trusted proxy vouches for the hop on its left in X-Forwarded-For (or for X-Real-IP when it sent
 * no X-Forwarded-For): the first address that is not a trusted proxy is the visitor. A hop that is
 * no address stops the walk at the proxy that sent it.
 */
export function resolveClientAddress(
  request: { remoteAddress: string | undefined; forwardedFor?: string | string[]; realIp?: string | string[] },
  proxies: TrustedProxies,
): string | null {
  const socket = request.remoteAddress ? parseAddress(request.remoteAddress) : null
  if (!socket) return null
  let current = socket
  if (proxies.length === 0 || !isTrustedProxy(current, proxies)) return formatAddress(current)
  const hops = headerText(request.forwardedFor)
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  if (hops.length === 0) {
    const real = parseAddress(headerText(request.realIp))
    return formatAddress(real ?? current)
  }
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseAddress(hops[i])
    if (!hop) break
    current = hop
    if (!isTrustedProxy(current, proxies)) break
  }
  return formatAddress(current)
}

/**
 * The server's hook: replaces X-Forwarded-For with the resolved address (the one entry the app
 * reads, clientIp below) and drops X-Real-IP, so that no header a visitor wrote
 * reaches the app unchecked.
 */
export function setClientAddress(req: IncomingMessage, proxies: TrustedProxies): void {
  const address = resolveClientAddress(
    { remoteAddress: req.socket.remoteAddress, forwardedFor: req.headers['x-forwarded-for'], realIp: req.headers['x-real-ip'] },
    proxies,
  )
  delete req.headers['x-real-ip']
  if (address) req.headers['x-forwarded-for'] = address
  else delete req.headers['x-forwarded-for']
}

/**
 * The app's side: the visitor's address, from the headers the app receives. The production server
 * (scripts/server.ts) replaces X-Forwarded-For with the address it resolved (setClientAddress above)
 * and drops X-Real-IP: no header a visitor wrote
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
