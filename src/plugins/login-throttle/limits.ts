/**
 * The limits of the login throttle and its French answers, in one place. Pure: no Payload here.
 */

/** What is counted: per client address, or per account (the normalised e-mail). */
export const LIMITS = {
  /** Login attempts per address, right or wrong. */
  addressAttempts: { limit: 20, windowSeconds: 60 },
  /** Failed logins per address (counted before the password is checked, given back on success). */
  addressFailures: { limit: 20, windowSeconds: 15 * 60 },
  /** Failed logins per e-mail, known or not: over it, only a known device may still log in. */
  accountFailures: { limit: 5, windowSeconds: 15 * 60 },
  /** Password-reset requests per address. */
  addressResets: { limit: 5, windowSeconds: 15 * 60 },
  /** Password-reset requests per e-mail, known or not. */
  accountResets: { limit: 3, windowSeconds: 60 * 60 },
} as const

export type Scope = keyof typeof LIMITS
export type Limits = Record<Scope, { limit: number; windowSeconds: number }>

/**
 * The per-address login limits from `LOGIN_ADDRESS_LIMIT` (attempts a minute and failures in 15
 * minutes from one address; default 20): raise it when many editors share one address (an office
 * behind one NAT, a proxy that does not forward addresses). Per-account limits never change.
 */
export function addressLimitsFromEnv(env: Record<string, string | undefined> = process.env): Partial<Limits> {
  const value = Number(env.LOGIN_ADDRESS_LIMIT)
  if (!Number.isSafeInteger(value) || value < 1) return {}
  return {
    addressAttempts: { ...LIMITS.addressAttempts, limit: value },
    addressFailures: { ...LIMITS.addressFailures, limit: value },
  }
}

/** The counters an account has (cleared by an unlock or a password reset). */
export const ACCOUNT_SCOPES = ['accountFailures', 'accountResets'] as const satisfies readonly Scope[]

/** One counter after a hit: its count in the current window (this hit included). */
export type Hit = { count: number; retryAfter: number }

/** Whether a hit went past its scope's limit (the limit itself is still allowed). */
export const isOver = (limits: Limits, scope: Scope, hit: Hit): boolean => hit.count > limits[scope].limit

/** The account key: e-mails are compared lowercase and trimmed, as Payload does. */
export const normaliseEmail = (email: unknown): string | null => {
  if (typeof email !== 'string') return null
  const value = email.trim().toLowerCase()
  return value ? value.slice(0, 320) : null
}

const minutes = (seconds: number): string => {
  const n = Math.max(1, Math.ceil(seconds / 60))
  return `${n} minute${n > 1 ? 's' : ''}`
}

export const MESSAGES = {
  /** Unknown account and wrong password alike. */
  wrongCredentials: 'Adresse e-mail ou mot de passe incorrect.',
  /** Any login limit (address or account): the same words, so that they tell nothing apart. */
  tooManyLogins: (seconds: number) =>
    `Trop de tentatives de connexion. Réessayez dans ${minutes(seconds)} ou réinitialisez votre mot de passe.`,
  tooManyResets: (seconds: number) => `Trop de demandes de réinitialisation du mot de passe. Réessayez dans ${minutes(seconds)}.`,
}
