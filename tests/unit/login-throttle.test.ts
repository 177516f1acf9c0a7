import { describe, expect, it } from 'vitest'

import { keyOf } from '../../src/plugins/login-throttle/counters'
import { DEVICE_MAX_AGE, deviceCookieName, signDevice, verifyDevice } from '../../src/plugins/login-throttle/device'
import { isOver, LIMITS, MESSAGES, normaliseEmail } from '../../src/plugins/login-throttle/limits'

describe('login throttle limits', () => {
  it('are the agreed ones: 20/min and 20 failures/15 min per address, 5 failures/15 min per account, resets 5/15 min and 3/h', () => {
    expect(LIMITS).toEqual({
      addressAttempts: { limit: 20, windowSeconds: 60 },
      addressFailures: { limit: 20, windowSeconds: 900 },
      accountFailures: { limit: 5, windowSeconds: 900 },
      addressResets: { limit: 5, windowSeconds: 900 },
      accountResets: { limit: 3, windowSeconds: 3600 },
    })
  })

  it('allow the limit itself and refuse the next one', () => {
    expect(isOver(LIMITS, 'accountFailures', { count: 5, retryAfter: 10 })).toBe(false)
    expect(isOver(LIMITS, 'accountFailures', { count: 6, retryAfter: 10 })).toBe(true)
    expect(isOver(LIMITS, 'addressAttempts', { count: 21, retryAfter: 10 })).toBe(true)
  })

  it('count an e-mail once whatever its case and spaces', () => {
    expect(normaliseEmail('  Admin@Exemple.TEST ')).toBe('admin@exemple.test')
    expect(normaliseEmail('')).toBeNull()
    expect(normaliseEmail(42)).toBeNull()
  })

  it('say in French how long to wait, in whole minutes, and how to unlock', () => {
    expect(MESSAGES.tooManyLogins(900)).toBe('Trop de tentatives de connexion. Réessayez dans 15 minutes ou réinitialisez votre mot de passe.')
    expect(MESSAGES.tooManyLogins(61)).toContain('dans 2 minutes')
    expect(MESSAGES.tooManyLogins(5)).toContain('dans 1 minute ')
    expect(MESSAGES.tooManyResets(3600)).toContain('60 minutes')
  })

  it('store keyed hashes, never the address or the e-mail', () => {
    const key = keyOf('secret', 'admin@exemple.test')
    expect(key).toBe(keyOf('secret', 'admin@exemple.test'))
    expect(key).not.toBe(keyOf('autre', 'admin@exemple.test'))
    expect(key).not.toContain('admin')
  })
})

describe('known-device cookie', () => {
  const now = Date.UTC(2026, 0, 1)

  it('is accepted for the account it was signed for, with the same secret', () => {
    const value = signDevice('secret', 12, now)
    expect(verifyDevice('secret', 12, value, now + 1000)).toBe(true)
    expect(verifyDevice('secret', '12', value, now)).toBe(true)
  })

  it('is refused for another account, another secret, or once tampered with', () => {
    const value = signDevice('secret', 12, now)
    expect(verifyDevice('secret', 13, value, now)).toBe(false)
    expect(verifyDevice('autre', 12, value, now)).toBe(false)
    const [issuedAt, mac] = value.split('.')
    expect(verifyDevice('secret', 12, `${Number(issuedAt) + 1}.${mac}`, now)).toBe(false)
    const flipped = mac.slice(0, -1) + (mac.endsWith('A') ? 'B' : 'A')
    expect(verifyDevice('secret', 12, `${issuedAt}.${flipped}`, now)).toBe(false)
    expect(verifyDevice('secret', 12, '', now)).toBe(false)
    expect(verifyDevice('secret', 12, undefined, now)).toBe(false)
    expect(verifyDevice('secret', 12, 'n’importe quoi', now)).toBe(false)
  })

  it('expires after 180 days', () => {
    const value = signDevice('secret', 12, now)
    expect(DEVICE_MAX_AGE).toBe(180 * 24 * 3600)
    expect(verifyDevice('secret', 12, value, now + (DEVICE_MAX_AGE - 10) * 1000)).toBe(true)
    expect(verifyDevice('secret', 12, value, now + (DEVICE_MAX_AGE + 10) * 1000)).toBe(false)
  })

  it('is named per account, so that two accounts can be known on one browser', () => {
    expect(deviceCookieName('payload', 12)).toBe('payload-device-12')
    expect(deviceCookieName('payload', 'a;b=c')).toBe('payload-device-abc')
  })
})

describe('per-address limits from the environment', () => {
  it('LOGIN_ADDRESS_LIMIT sets the attempts and failures per address, nothing per account', async () => {
    const { addressLimitsFromEnv, LIMITS } = await import('../../src/plugins/login-throttle/limits')
    expect(addressLimitsFromEnv({})).toEqual({})
    expect(addressLimitsFromEnv({ LOGIN_ADDRESS_LIMIT: 'beaucoup' })).toEqual({})
    const raised = addressLimitsFromEnv({ LOGIN_ADDRESS_LIMIT: '200' })
    expect(raised.addressAttempts).toEqual({ limit: 200, windowSeconds: LIMITS.addressAttempts.windowSeconds })
    expect(raised.addressFailures).toEqual({ limit: 200, windowSeconds: LIMITS.addressFailures.windowSeconds })
    expect(raised).not.toHaveProperty('accountFailures')
  })
})
