/**
 * What happens to a request that presents an API key, whatever route it takes (REST endpoint,
 * GraphQL, an operation run with its `req`):
 *
 * - a key Payload did not recognise (revoked, rotated, mistyped) is refused with 401, on the very
 *   next request: Payload's own strategy (auth/strategies/apiKey.js) looks the key up in the
 *   database each time, and would otherwise carry on as an anonymous visitor;
 * - a recognised key only reads: any other operation or method gets 403;
 * - its account's `apiKeyLastUsedAt` is recorded, at most once per interval (one cheap UPDATE
 *   per key and minute, the check itself reads the user Payload already loaded).
 */
import { sql } from '@payloadcms/db-postgres'
import { APIError, type Payload, type PayloadRequest } from 'payload'

import { executorFor, tableOf } from '../shared/sql'

export const KEY_MESSAGES = {
  rejected: 'Clé d’API invalide ou révoquée.',
  badToken: 'Jeton de connexion invalide ou expiré : connectez-vous à nouveau.',
  readOnly: 'Une clé d’API ne donne accès qu’en lecture.',
} as const

/** `Authorization: users API-Key <key>`: the header Payload's API-key strategy reads. */
const KEY_HEADER = /^\S+ API-Key \S/

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const READ_OPERATIONS = new Set(['read', 'count', 'countVersions', 'readDistinct', 'findDistinct'])

/** `Authorization: JWT <token>` or `Bearer <token>`: Payload's JWT strategy reads both. */
const TOKEN_HEADER = /^(JWT|Bearer)\s+\S/i

const authorization = (req: Partial<PayloadRequest>): string | null =>
  typeof req.headers?.get === 'function' ? req.headers.get('authorization') : null
const presentsKey = (req: Partial<PayloadRequest>): boolean => KEY_HEADER.test(authorization(req) ?? '')
const presentsToken = (req: Partial<PayloadRequest>): boolean => TOKEN_HEADER.test(authorization(req) ?? '')

export const isKeyRequest = (req: Partial<PayloadRequest>): boolean =>
  (req.user as { _strategy?: string } | null | undefined)?._strategy === 'api-key'

export type GuardOptions = { collection: string; lastUsedIntervalMs: number }

/** Refuses what a key may not do; records its use. Throws a public APIError. */
export async function guardKey(req: PayloadRequest, write: boolean, options: GuardOptions): Promise<void> {
  if (isKeyRequest(req)) {
    if (write) throw new APIError(KEY_MESSAGES.readOnly, 403, null, true)
    await recordKeyUse(req, options)
    return
  }
  if (presentsKey(req)) throw new APIError(KEY_MESSAGES.rejected, 401, null, true)
  // A token that names nobody (forged, expired, signed elsewhere) is refused, not read as anonymous.
  if (!req.user && presentsToken(req)) throw new APIError(KEY_MESSAGES.badToken, 401, null, true)
}

export const isWriteMethod = (method: string | undefined): boolean => !READ_METHODS.has((method ?? 'GET').toUpperCase())
export const isWriteOperation = (operation: string): boolean => !READ_OPERATIONS.has(operation)

const TOUCHED = 'apiKeys.touched'

/**
 * Sets `apiKeyLastUsedAt` to now if it is older than the interval. The user Payload loaded for
 * this request tells whether it is due; the UPDATE's condition keeps several servers from writing
 * it more than once per interval.
 */
async function recordKeyUse(req: PayloadRequest, { collection, lastUsedIntervalMs }: GuardOptions): Promise<void> {
  const user = req.user as { id: number | string; collection?: string; apiKeyLastUsedAt?: string | null } | null
  if (!user || user.collection !== collection || req.context[TOUCHED]) return
  req.context[TOUCHED] = true
  const last = user.apiKeyLastUsedAt ? Date.parse(user.apiKeyLastUsedAt) : 0
  if (Date.now() - last < lastUsedIntervalMs) return
  try {
    await execute(
      req.payload,
      sql`UPDATE ${tableOf(req.payload, collection)} SET "api_key_last_used_at" = now()
          WHERE "id" = ${user.id}
            AND ("api_key_last_used_at" IS NULL OR "api_key_last_used_at" < now() - make_interval(secs => ${lastUsedIntervalMs / 1000}))`,
    )
    user.apiKeyLastUsedAt = new Date().toISOString()
  } catch (err) {
    // Never fail a read because the bookkeeping failed.
    req.payload.logger.error({ err, msg: 'apiKeys: could not record the last use of a key' })
  }
}

/** Clears `apiKeyLastUsedAt` (a new key has never been used), on the request's transaction. */
export async function clearKeyUse(req: PayloadRequest, collection: string, id: number | string): Promise<void> {
  await execute(req.payload, sql`UPDATE ${tableOf(req.payload, collection)} SET "api_key_last_used_at" = NULL WHERE "id" = ${id}`, req)
}

async function execute(payload: Payload, query: ReturnType<typeof sql>, req?: PayloadRequest): Promise<void> {
  await (await executorFor(payload, req)).execute(query)
}
