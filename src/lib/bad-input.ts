/**
 * Input that would reach the database as a server error: recognised, to answer 400 in French.
 * (src/plugins/bad-input applies it to every collection.)
 */

export const BAD_INPUT_MESSAGES = {
  invalidValue:
    'Requête invalide : une valeur n’a pas la forme attendue (nombre hors limites, page négative, caractère nul…).',
  notAnObject: 'Le corps de la requête doit être un objet JSON : {"champ": valeur, …}.',
  geoOperator: (operator: string, path: string) =>
    `L’opérateur « ${operator} » ne s’applique qu’aux champs géographiques ; « ${path} » n’en est pas un.`,
}

/** Postgres "data exception" (SQLSTATE class 22): a value of the wrong form for its column or clause. */
export function isInvalidValueError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true
  }
  return false
}

/** Longest page an API client may ask for (`API_MAX_LIMIT`, default 100). */
export const maxListLimit = (env: Record<string, string | undefined> = process.env): number => {
  const value = Number(env.API_MAX_LIMIT)
  return Number.isSafeInteger(value) && value > 0 ? value : 100
}

const isWholeNumber = (value: unknown): boolean => (typeof value === 'number' ? Number.isSafeInteger(value) : typeof value === 'string' && /^\d{1,9}$/.test(value))

/**
 * What is wrong with a list request's `limit`, `page` and `pagination` (an API client's, over
 * REST: the admin and the site's own code may read whole lists), in French; null when right.
 */
export function listParamsError(params: { limit?: unknown; page?: unknown; pagination?: unknown }, max: number): string | null {
  const { limit, page, pagination } = params
  if (limit !== undefined && limit !== '' && (!isWholeNumber(limit) || Number(limit) < 1 || Number(limit) > max)) {
    return `« limit » doit être un nombre entier de 1 à ${max} (documents par page).`
  }
  if (page !== undefined && page !== '' && (!isWholeNumber(page) || Number(page) < 1)) {
    return '« page » doit être un nombre entier à partir de 1.'
  }
  if (pagination === false || pagination === 'false') {
    return `La pagination ne se désactive pas : demandez les documents page par page (« limit » ${max} au plus, « page »).`
  }
  return null
}

/** Whether an id can name a document of a collection whose ids are numbers. */
export const isNumericId = (id: unknown): boolean => isWholeNumber(id) && Number(id) > 0

const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])

/** The first geographic operator in a `where`, with its field path: [operator, path]. */
export function geoOperatorIn(where: unknown, path = ''): [string, string] | null {
  if (!where || typeof where !== 'object') return null
  for (const [key, value] of Object.entries(where)) {
    if (GEO_OPERATORS.has(key)) return [key, path]
    const inner = key === 'and' || key === 'or' ? path : path ? `${path}.${key}` : key
    const found = Array.isArray(value)
      ? value.reduce<[string, string] | null>((hit, item) => hit ?? geoOperatorIn(item, inner), null)
      : geoOperatorIn(value, inner)
    if (found) return found
  }
  return null
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
