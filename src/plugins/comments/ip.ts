import { createHmac } from 'node:crypto'

export { clientIp, normalizeIp } from '../../lib/http/client-address'

/** A keyed hash of the address: equal addresses give equal hashes, and the address cannot be read back. */
export function hashIp(ip: string, salt: string): string {
  return createHmac('sha256', salt).update(`comments-ip:${ip}`).digest('hex')
}
