/**
 * Login and password-reset throttling, as a Payload plugin, in place of Payload's own account
 * lock (which anyone could trigger, which then refused the right password, and whose message told
 * which accounts exist):
 *
 *   loginThrottlePlugin({ collection: 'users' })   // the collection sets `maxLoginAttempts: 0`
 *
 * - Per client address (src/lib/http/client-address.ts): 20 logins a minute, 20 failures in
 *   15 minutes, 5 password-reset requests in 15 minutes. Per e-mail, known or not: 5 failures in
 *   15 minutes, 3 reset requests an hour (./limits.ts). Past a limit: 429, `Retry-After`, French.
 *   A request with no address (a server that does not set it, the Local API) meets the
 *   per-account limits only.
 * - Counters in Postgres (./counters.ts), shared by every instance. A login's failure is counted
 *   before the password is checked (so that parallel guesses cannot overshoot) and given back
 *   when the password was right.
 * - Unknown account and wrong password get the same 401, the same words and about the same
 *   delay (./decoy.ts); a password-reset request gets Payload's same success answer whether
 *   the account exists or not.
 * - An account over its failure limit still lets the right password in from a known device
 *   (./device.ts: a signed cookie set at each login), and is cleared by an admin's
 *   `POST /api/<collection>/unlock` or by a password reset (the forgot-password e-mail).
 */
import { APIError, AuthenticationError, type CollectionConfig, type Config, type Payload, type PayloadRequest, type Plugin } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { LOGIN_THROTTLE_UP } from '../../migrations/sql/login-throttle'
import { clientIp } from '../../lib/http/client-address'
import { cookieFromHeader, serializeCookie } from '../../lib/http/cookies'
import { siteOrigin } from '../../lib/site-paths'
import { executorFor } from '../shared/sql'
import { clear, hit, keyOf, refund, sweep, type Counted } from './counters'
import { decoyHash } from './decoy'
import { DEVICE_MAX_AGE, deviceCookieName, signDevice, verifyDevice } from './device'
import { ACCOUNT_SCOPES, isOver, LIMITS, MESSAGES, normaliseEmail, type Limits, type Scope } from './limits'

export { addressLimitsFromEnv, LIMITS, MESSAGES } from './limits'

export type LoginThrottleOptions = {
  enabled?: boolean
  /** The auth collection whose logins are throttled (default 'users'). */
  collection?: string
  /** Limits other than ./limits.ts's (e.g. for a test). */
  limits?: Partial<Limits>
}

/** A refused login or reset: logged as information, not as a server error. */
export class LoginThrottled extends APIError {
  constructor(message: string) {
    super(message, 429, null, true)
    this.name = 'LoginThrottled'
  }
}

/** What a login request counted, for its success to give back (req.context). */
const CONTEXT = 'loginThrottle'
type LoginState = { counted: Counted[] }

const refuse = (req: PayloadRequest, retryAfter: number, message: string): never => {
  const headers = req.responseHeaders ?? new Headers()
  headers.set('Retry-After', String(retryAfter))
  req.responseHeaders = headers
  throw new LoginThrottled(message)
}

/** The id of the account of this e-mail, if there is one. */
async function accountOf(req: PayloadRequest, slug: string, email: string): Promise<number | string | undefined> {
  const { docs } = await req.payload.find({
    collection: slug as never,
    where: { email: { equals: email } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return (docs[0] as { id?: number | string } | undefined)?.id
}

/** Whether the request carries a valid known-device cookie for this account. */
function knownDevice(req: PayloadRequest, id: number | string | undefined): boolean {
  if (id === undefined) return false
  const name = deviceCookieName(req.payload.config.cookiePrefix, id)
  return verifyDevice(req.payload.secret, id, cookieFromHeader(req.headers?.get('cookie'), name))
}

export const loginThrottlePlugin =
  (options: LoginThrottleOptions = {}): Plugin =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const slug = options.collection ?? 'users'
    const limits: Limits = { ...LIMITS, ...options.limits }
    const target = (config.collections ?? []).find((c) => c.slug === slug)
    if (!target?.auth) throw new Error(`loginThrottlePlugin: "${slug}" is not an auth collection`)
    const auth = typeof target.auth === 'object' ? target.auth : {}
    // Payload's lock would still lock accounts for anyone and tell which exist.
    if (auth.maxLoginAttempts !== 0) throw new Error(`loginThrottlePlugin: set \`auth.maxLoginAttempts: 0\` on "${slug}"`)

    const count = (payload: Payload, scope: Scope, value: string, req?: PayloadRequest) => hit(payload, limits, scope, keyOf(payload.secret, value), req)
    const clearAccount = (payload: Payload, email: unknown, req?: PayloadRequest) => {
      const normalised = normaliseEmail(email)
      return normalised ? clear(payload, ACCOUNT_SCOPES, keyOf(payload.secret, normalised), req) : undefined
    }

    /**
     * Before Payload looks the account up. Counted on the pool, outside any transaction: a
     * failure must stay counted when the login throws.
     */
    const beforeLogin = async (req: PayloadRequest, data: { email?: unknown; password?: unknown } | undefined) => {
      const { payload } = req
      const state: LoginState = { counted: [] }
      req.context[CONTEXT] = state
      sweep(payload, limits)
      const address = clientIp(req.headers)
      if (address) {
        const attempts = await count(payload, 'addressAttempts', address)
        if (isOver(limits, 'addressAttempts', attempts)) refuse(req, attempts.retryAfter, MESSAGES.tooManyLogins(attempts.retryAfter))
        const failures = await count(payload, 'addressFailures', address)
        state.counted.push(failures)
        if (isOver(limits, 'addressFailures', failures)) refuse(req, failures.retryAfter, MESSAGES.tooManyLogins(failures.retryAfter))
      }
      const email = normaliseEmail(data?.email)
      if (email) {
        const failures = await count(payload, 'accountFailures', email)
        state.counted.push(failures)
        const account = await accountOf(req, slug, email)
        if (isOver(limits, 'accountFailures', failures) && !knownDevice(req, account)) {
          refuse(req, failures.retryAfter, MESSAGES.tooManyLogins(failures.retryAfter))
        }
        // Payload will answer at once: as long as for a wrong password.
        if (account === undefined && typeof data?.password === 'string' && data.password) await decoyHash(data.password)
      }
    }

    /** In the reset request's transaction: a refused request (or any failure) counts for nothing. */
    const beforeForgotPassword = async (req: PayloadRequest, data: { email?: unknown } | undefined) => {
      const address = clientIp(req.headers)
      if (address) {
        const requests = await count(req.payload, 'addressResets', address, req)
        if (isOver(limits, 'addressResets', requests)) refuse(req, requests.retryAfter, MESSAGES.tooManyResets(requests.retryAfter))
      }
      const email = normaliseEmail(data?.email)
      if (email) {
        const requests = await count(req.payload, 'accountResets', email, req)
        if (isOver(limits, 'accountResets', requests)) refuse(req, requests.retryAfter, MESSAGES.tooManyResets(requests.retryAfter))
      }
    }

    const hooks = target.hooks ?? {}
    const throttled: CollectionConfig = {
      ...target,
      hooks: {
        ...hooks,
        beforeOperation: [
          async ({ args, operation, req }) => {
            const data = (args as { data?: { email?: unknown; password?: unknown } }).data
            if (operation === 'login') await beforeLogin(req, data)
            else if (operation === 'forgotPassword') await beforeForgotPassword(req, data)
            return args
          },
          ...(hooks.beforeOperation ?? []),
        ],
        afterLogin: [
          ...(hooks.afterLogin ?? []),
          async ({ req, user }) => {
            // The right password: its counted failures are given back (in the login's transaction).
            const state = req.context[CONTEXT] as LoginState | undefined
            for (const counted of state?.counted ?? []) await refund(req.payload, counted, req)
            if (req.payloadAPI === 'REST') {
              const { cookiePrefix, routes } = req.payload.config
              const headers = req.responseHeaders ?? new Headers()
              headers.append(
                'Set-Cookie',
                serializeCookie(deviceCookieName(cookiePrefix, user.id), signDevice(req.payload.secret, user.id), {
                  maxAge: DEVICE_MAX_AGE,
                  // Sent back to the login endpoint only.
                  path: `${routes.api}/${slug}/login`,
                  secure: siteOrigin().startsWith('https:'),
                }),
              )
              req.responseHeaders = headers
            }
            return user
          },
        ],
        afterOperation: [
          ...(hooks.afterOperation ?? []),
          async ({ args, operation, req, result }) => {
            // An admin's unlock, a password reset (the unlock by e-mail): the account starts afresh.
            if (operation === 'unlock') await clearAccount(req.payload, (args as { data?: { email?: unknown } }).data?.email, req)
            if (operation === 'resetPassword') await clearAccount(req.payload, (result as { user?: { email?: unknown } } | null)?.user?.email, req)
            return result
          },
        ],
        afterError: [
          ...(hooks.afterError ?? []),
          ({ error, req }) => {
            // Unknown account or wrong password: one answer.
            // instanceof: class names are minified in the production build.
            if (req.context[CONTEXT] && error instanceof AuthenticationError) {
              return { response: { errors: [{ message: MESSAGES.wrongCredentials }] }, status: 401 }
            }
          },
        ],
      },
    }

    return {
      ...config,
      // Refused and failed logins are visitors' errors, not the server's: logged, without a stack.
      loggingLevels: { ...config.loggingLevels, ...({ AuthenticationError: 'info', LoginThrottled: 'info' } as NonNullable<Config['loggingLevels']>) },
      collections: (config.collections ?? []).map((c) => (c.slug === slug ? throttled : c)),
      onInit: async (payload) => {
        await config.onInit?.(payload)
        // `npm run dev` pushes the schema and runs no migration: the table is created here.
        if ((payload.db as unknown as { push?: boolean }).push) {
          const exec = await executorFor(payload)
          for (const statement of LOGIN_THROTTLE_UP) await exec.execute(sql.raw(statement))
        }
      },
    }
  }
