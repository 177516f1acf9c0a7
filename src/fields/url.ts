import type { TextField, TextFieldSingleValidation } from 'payload'

import { MESSAGES } from './messages'

/** Characters browsers silently strip or that have no place in an address. */
const UNSAFE_CHARS = /[\s\u0000-\u001f\u007f]/

/** An absolute http(s) address with a host: "https://www.lelabo-ess.org/…". */
export function isHttpUrl(value: string): boolean {
  if (UNSAFE_CHARS.test(value) || !/^https?:\/\//i.test(value)) return false
  try {
    const url = new URL(value)
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== ''
  } catch {
    return false
  }
}

/** A path of this site: "/glossaire", "/projets/x?y=1#z" (but not "//host", a protocol-relative URL). */
export function isSitePath(value: string): boolean {
  return !UNSAFE_CHARS.test(value) && /^\/(?![/\\])/.test(value)
}

/** A mail address link: "mailto:contact@lelabo-ess.org". */
export function isMailtoUrl(value: string): boolean {
  return !UNSAFE_CHARS.test(value) && /^mailto:[^@]+@[^@]+$/i.test(value)
}

/** An anchor in the current page: "#contexte". */
export function isAnchor(value: string): boolean {
  return /^#[\w-]+$/.test(value)
}

/** What a rich-text link may point to: http(s), mailto, a path of the site or an anchor. */
export function isSafeLinkUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const url = value.trim()
  return isHttpUrl(url) || isMailtoUrl(url) || isSitePath(url) || isAnchor(url)
}

const validateUrl =
  (allowSitePath: boolean): TextFieldSingleValidation =>
  (value, { req, required }) => {
    if (value === null || value === undefined || value === '') {
      return required ? req.t('validation:required') : true
    }
    if (typeof value === 'string' && (isHttpUrl(value) || (allowSitePath && isSitePath(value)))) return true
    return allowSitePath ? MESSAGES.urlOrPathInvalid : MESSAGES.urlInvalid
  }

type UrlFieldOptions = {
  name?: string
  label?: string
  required?: boolean
  description?: string
  /** Also accept paths of this site ("/glossaire"), for menus. */
  allowSitePath?: boolean
  admin?: TextField['admin']
}

/** A web address field that only accepts http:// and https:// (never `javascript:` or `data:`). */
export const urlField = ({
  name = 'url',
  label = 'Adresse (URL)',
  required = false,
  description,
  allowSitePath = false,
  admin,
}: UrlFieldOptions = {}): TextField => ({
  name,
  label,
  type: 'text',
  required,
  validate: validateUrl(allowSitePath),
  admin: {
    placeholder: allowSitePath ? 'https://… ou /chemin' : 'https://…',
    ...(description ? { description } : {}),
    ...admin,
  },
})
