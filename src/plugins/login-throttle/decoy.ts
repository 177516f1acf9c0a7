/**
 * Time spent on an unknown account as on a known one. Payload answers an unknown e-mail before
 * hashing the password (a few milliseconds) and a wrong password after (hundreds): the delay
 * alone would tell which accounts exist. A decoy hash with Payload's parameters evens it out.
 */
import { pbkdf2, randomBytes } from 'node:crypto'

/**
 * Payload 3.90's password hash (node_modules/payload/dist/auth/strategies/local/
 * generatePasswordSaltHash.js): pbkdf2-sha256, 600 000 iterations, 32 bytes, stored with this
 * prefix. tests/int/login-throttle.test.ts checks a stored hash still looks so.
 */
export const PASSWORD_HASH = { prefix: 'pbkdf2-sha256-v1:', iterations: 600_000, keyLength: 32 } as const

/** Hashes the password as Payload would check it, and throws the result away. */
export const decoyHash = (password: string): Promise<void> =>
  new Promise((resolve) =>
    pbkdf2(password, randomBytes(32).toString('hex'), PASSWORD_HASH.iterations, PASSWORD_HASH.keyLength, 'sha256', () => resolve()),
  )
