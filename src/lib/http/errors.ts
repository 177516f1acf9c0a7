/**
 * Errors of the REST API as JSON with a French message and a stable machine code:
 *   { "errors": [{ "message": "Document introuvable.", "code": "not_found" }] }
 * Payload's own error bodies ({ errors: [{ message, name?, data? }] } or { message }) are
 * rewritten to that shape; codes an endpoint already set (e.g. QUERY_EMPTY) are kept.
 */

export type ApiError = { message: string; code: string; [key: string]: unknown }
export type ErrorBody = { errors: ApiError[] }

/** Stable codes by HTTP status. */
export const STATUS_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  500: 'internal_error',
  501: 'not_implemented',
  502: 'bad_gateway',
  503: 'unavailable',
}

/** French messages by HTTP status, when the answer carries none in French. */
export const STATUS_MESSAGES: Record<number, string> = {
  400: 'Requête invalide.',
  401: 'Authentification requise : connectez-vous ou fournissez une clé d’API valide.',
  403: 'Vous n’êtes pas autorisé à effectuer cette action.',
  404: 'Document introuvable.',
  405: 'Méthode non autorisée pour cette adresse.',
  409: 'Conflit avec l’état actuel du document.',
  413: 'Requête trop volumineuse.',
  415: 'Type de contenu non pris en charge.',
  422: 'Données invalides.',
  429: 'Trop de requêtes : réessayez plus tard.',
  500: 'Erreur interne du serveur. Réessayez plus tard.',
  501: 'Opération non disponible.',
  502: 'Service indisponible.',
  503: 'Service momentanément indisponible. Réessayez plus tard.',
}

export const codeForStatus = (status: number): string => STATUS_CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request')
export const messageForStatus = (status: number): string =>
  STATUS_MESSAGES[status] ?? (status >= 500 ? STATUS_MESSAGES[500]! : STATUS_MESSAGES[400]!)

/** Payload's English messages (when a request is not in French) and their French version. */
const ENGLISH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Invalid JSON/i, () => 'Le corps de la requête n’est pas du JSON valide.'],
  [/^Route not found "(.*)"$/, (m) => `Adresse inconnue de l’API : ${m[1]}.`],
  [/^Not Found$|^The requested resource was not found\.?$/i, () => STATUS_MESSAGES[404]!],
  [/^The following paths? cannot be queried: (.*)$/, (m) => `Ces champs ne peuvent pas servir de critère : ${m[1]}.`],
  [/^Unauthorized/i, () => STATUS_MESSAGES[401]!],
  [/^You are not allowed to perform this action\.?$/i, () => STATUS_MESSAGES[403]!],
  [/^Forbidden/i, () => STATUS_MESSAGES[403]!],
  [/^The email or password provided is incorrect\.?$/i, () => 'Adresse e-mail ou mot de passe incorrect.'],
  [/^The following fields? (is|are) invalid/i, () => 'Certains champs sont invalides.'],
  [/^Something went wrong\.?$|^An unknown error occurred\.?$|^There was an error initializing Payload$/i, () => STATUS_MESSAGES[500]!],
  [/^Cannot [A-Z]+ /, () => STATUS_MESSAGES[405]!],
]

/** The French version of a message: translated if it is one of Payload's English ones, else kept. */
export function frenchMessage(message: unknown, status: number): string {
  if (typeof message !== 'string' || message.trim() === '') return messageForStatus(status)
  for (const [pattern, translate] of ENGLISH) {
    const match = message.match(pattern)
    if (match) return translate(match)
  }
  return message
}

const codeFor = (error: Record<string, unknown>, status: number): string => {
  if (typeof error.code === 'string' && error.code) return error.code
  if (error.name === 'ValidationError') return 'validation_error'
  if (error.name === 'QueryError') return 'invalid_query'
  return codeForStatus(status)
}

/** Rewrites any error body (parsed JSON, or undefined when it was not JSON) to the house shape. */
export function normalizeErrorBody(status: number, body: unknown): ErrorBody {
  // Internal errors never show their details.
  if (status >= 500 && status !== 503) return { errors: [{ message: messageForStatus(status), code: codeForStatus(status) }] }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const list = Array.isArray(record.errors) && record.errors.length > 0 ? (record.errors as unknown[]) : [record]
  return {
    errors: list.map((item) => {
      const error = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : { message: item }
      // `name` is the server's error class: not for clients.
      const { message, code: _code, name: _name, ...rest } = error
      void _code
      void _name
      return { ...rest, message: frenchMessage(message, status), code: codeFor(error, status) }
    }),
  }
}

/** Allowed methods of an address, for a 405's `Allow` header; null when no method matches. */
export function allowedMethods(
  pathname: string,
  endpoints: readonly { path: string; method: string }[],
  matches: (pattern: string, path: string) => boolean,
): string[] | null {
  const methods = endpoints.filter((e) => matches(e.path, pathname)).map((e) => e.method.toUpperCase())
  return methods.length > 0 ? [...new Set(methods)].sort() : null
}
