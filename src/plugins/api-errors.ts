/**
 * Error answers that survive the production build. Payload's formatErrors keeps an error's
 * message only when the error has a `name`, and our codes (validation_error, invalid_query)
 * were read from that name: the production bundle minifies class names, so a 401, 403 or 400
 * came out as "An unknown error occurred." (issue 21). For every public error below 500, the
 * message lost that way is put back from the error itself, and the code from its class
 * (`instanceof`); an answer another hook already wrote keeps its words. Internal errors keep
 * Payload's hidden message.
 */
import { QueryError, ValidationError, type AfterErrorHook, type Plugin } from 'payload'

type PublicError = { status?: unknown; isPublic?: unknown; message?: unknown; data?: Record<string, unknown> | null }
type Answer = { errors?: Record<string, unknown>[] } & Record<string, unknown>

/** What Payload's formatErrors answers for an error it could not read (a nameless class). */
const LOST = 'An unknown error occurred.'

const codeOf = (error: unknown): string | undefined =>
  error instanceof ValidationError ? 'validation_error' : error instanceof QueryError ? 'invalid_query' : undefined

export const publicErrorAnswer: AfterErrorHook = ({ error, result }) => {
  const { status, isPublic, message, data } = error as PublicError
  if (typeof status !== 'number' || status >= 500 || isPublic === false || typeof message !== 'string') return
  const code = codeOf(error)
  const answer = result as Answer | undefined
  const first = answer?.errors?.[0]
  if (first && first.message !== LOST) {
    return code ? { response: { ...answer, errors: [{ ...first, code }, ...answer!.errors!.slice(1)] } } : undefined
  }
  return { status, response: { errors: [{ message, ...(code ? { code } : {}), ...(data ? { data } : {}) }] } }
}

export const apiErrors = (): Plugin => (config) => ({
  ...config,
  hooks: { ...config.hooks, afterError: [publicErrorAnswer, ...(config.hooks?.afterError ?? [])] },
})
