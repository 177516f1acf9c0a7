/**
 * Error answers that survive the production build. Payload's formatErrors keeps an error's
 * message only when the error has a `name`, and our codes (validation_error, invalid_query)
 * were read from that name: the production bundle minifies class names, so a 401, 403 or 400
 * came out as "An unknown error occurred." (issue 21). The answer is rebuilt here from the error
 * itself — its status, message and data, its class by `instanceof` — for every public error
 * below 500; internal errors keep Payload's hidden message.
 */
import { QueryError, ValidationError, type AfterErrorHook, type Plugin } from 'payload'

type PublicError = { status?: unknown; isPublic?: unknown; message?: unknown; data?: Record<string, unknown> | null }

const codeOf = (error: unknown): string | undefined =>
  error instanceof ValidationError ? 'validation_error' : error instanceof QueryError ? 'invalid_query' : undefined

export const publicErrorAnswer: AfterErrorHook = ({ error }) => {
  const { status, isPublic, message, data } = error as PublicError
  if (typeof status !== 'number' || status >= 500 || isPublic === false || typeof message !== 'string') return
  const code = codeOf(error)
  return { status, response: { errors: [{ message, ...(code ? { code } : {}), ...(data ? { data } : {}) }] } }
}

export const apiErrors = (): Plugin => (config) => ({
  ...config,
  hooks: { ...config.hooks, afterError: [publicErrorAnswer, ...(config.hooks?.afterError ?? [])] },
})
