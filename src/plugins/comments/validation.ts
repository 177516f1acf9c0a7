/**
 * Checks of what a visitor sends (name, e-mail, website, body): pure functions shared by the
 * collection's fields (admin messages), its hooks (REST and Local API) and the site's form.
 */
import { isHttpUrl } from '../../fields/url'
import { LIMITS, MESSAGES } from './constants'

export type FieldError = { path: string; message: string; label?: string }

/** Field labels in error messages ("Les champs suivants ne sont pas valides : Nom, E-mail"). */
export const FIELD_LABELS: Record<string, string> = {
  target: 'Page commentée',
  parent: 'En réponse à',
  authorName: 'Nom',
  authorEmail: 'E-mail',
  authorWebsite: 'Site web',
  body: 'Message',
}

export type VisitorInput = {
  authorName?: unknown
  authorEmail?: unknown
  authorWebsite?: unknown
  body?: unknown
}

const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(?:\.[^\s@<>()[\]\\,;:".]+)+$/

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

/** Line endings to LF, no trailing blanks: the body as stored. */
export const normalizeBody = (value: unknown): string => str(value).replace(/\r\n?/g, '\n').replace(/\s+$/, '').replace(/^\s*\n/, '')

/** A single line, trimmed, inner whitespace runs collapsed. */
export const normalizeLine = (value: unknown): string => str(value).replace(/\s+/g, ' ').trim()

export function validateName(value: unknown): string | true {
  const name = normalizeLine(value)
  if (!name) return MESSAGES.nameRequired
  if (name.length > LIMITS.nameMax) return MESSAGES.nameTooLong
  return true
}

export function isEmail(value: string): boolean {
  return value.length <= LIMITS.emailMax && EMAIL_RE.test(value)
}

export function validateEmail(value: unknown): string | true {
  const email = normalizeLine(value)
  if (!email) return MESSAGES.emailRequired
  return isEmail(email) ? true : MESSAGES.emailInvalid
}

export function validateWebsite(value: unknown): string | true {
  const url = normalizeLine(value)
  if (!url) return true
  return url.length <= LIMITS.websiteMax && isHttpUrl(url) ? true : MESSAGES.websiteInvalid
}

export function validateBody(value: unknown): string | true {
  const body = normalizeBody(value)
  if (!body.trim()) return MESSAGES.bodyRequired
  if (body.length > LIMITS.bodyMax) return MESSAGES.bodyTooLong(body.length)
  return true
}

/** Every field error of a visitor's comment, in form order. */
export function validateVisitorInput(input: VisitorInput): FieldError[] {
  const errors: FieldError[] = []
  const checks: [keyof VisitorInput, (v: unknown) => string | true][] = [
    ['authorName', validateName],
    ['authorEmail', validateEmail],
    ['authorWebsite', validateWebsite],
    ['body', validateBody],
  ]
  for (const [path, check] of checks) {
    const result = check(input[path])
    if (result !== true) errors.push({ path, message: result })
  }
  return errors
}
