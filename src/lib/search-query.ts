/**
 * Validation of what a visitor types into the search box, and of the other search parameters
 * (type filter, page, page size). Pure: shared by the REST endpoint (/api/search) and the
 * /recherche page, so both answer a bad query with the same French message and stable code.
 *
 * The query syntax is Postgres' `websearch_to_tsquery`: words (all required), "quoted phrases",
 * `-word` to exclude, `OR` between alternatives. Postgres never rejects a websearch query, so
 * what is checked here is only what would make a useless or harmful request.
 */

/** Longest accepted query, in characters, after whitespace is collapsed. */
export const SEARCH_QUERY_MAX_LENGTH = 200
/** Results per page, by default and at most. */
export const SEARCH_DEFAULT_LIMIT = 10
export const SEARCH_MAX_LIMIT = 50
/** Highest page number accepted (deep pages of a full-text search make no sense). */
export const SEARCH_MAX_PAGE = 1000

export type SearchErrorCode =
  | 'QUERY_EMPTY'
  | 'QUERY_TOO_LONG'
  | 'QUERY_NO_WORDS'
  | 'QUERY_ONLY_STOPWORDS'
  | 'QUERY_ONLY_EXCLUSIONS'
  | 'TYPE_UNKNOWN'
  | 'PAGE_INVALID'
  | 'LIMIT_INVALID'

export type SearchError = { code: SearchErrorCode; field: 'q' | 'type' | 'page' | 'limit'; message: string }

/** The French message of each error: what went wrong and what to do. */
export const SEARCH_ERRORS: Record<SearchErrorCode, Omit<SearchError, 'code'>> = {
  QUERY_EMPTY: { field: 'q', message: 'Saisissez un ou plusieurs mots à rechercher.' },
  QUERY_TOO_LONG: {
    field: 'q',
    message: `Votre recherche est trop longue : ${SEARCH_QUERY_MAX_LENGTH} caractères au plus. Gardez les mots les plus importants.`,
  },
  QUERY_NO_WORDS: {
    field: 'q',
    message: 'Votre recherche ne contient aucun mot : saisissez des lettres ou des chiffres, pas seulement de la ponctuation.',
  },
  QUERY_ONLY_STOPWORDS: {
    field: 'q',
    message: 'Votre recherche ne contient que des mots trop courants (comme « le », « de » ou « et ») : ajoutez un mot plus précis.',
  },
  QUERY_ONLY_EXCLUSIONS: {
    field: 'q',
    message: 'Votre recherche ne fait qu’exclure des mots (« -mot ») : ajoutez au moins un mot à rechercher.',
  },
  TYPE_UNKNOWN: { field: 'type', message: 'Type de contenu inconnu.' },
  PAGE_INVALID: { field: 'page', message: `Numéro de page invalide : un nombre entier de 1 à ${SEARCH_MAX_PAGE}.` },
  LIMIT_INVALID: { field: 'limit', message: `Nombre de résultats par page invalide : un nombre entier de 1 à ${SEARCH_MAX_LIMIT}.` },
}

export const searchError = (code: SearchErrorCode): SearchError => ({ code, ...SEARCH_ERRORS[code] })

export type Validation<T> = { ok: true; value: T } | { ok: false; error: SearchError }

const fail = <T>(code: SearchErrorCode): Validation<T> => ({ ok: false, error: searchError(code) })

// Control characters (NUL is refused by Postgres), and the two private-use characters the
// search uses to mark matches in excerpts.
// eslint-disable-next-line no-control-regex
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000\uE001]/g
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** First value of a query-string parameter (`?q=a&q=b` → "a"). */
export const firstValue = (value: unknown): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value
  return typeof v === 'string' ? v : undefined
}

/** NFC, without control characters, whitespace runs collapsed to one space, trimmed. */
export function normalizeSearchQuery(raw: string): string {
  return raw.normalize('NFC').replace(UNWANTED, ' ').replace(/\s+/gu, ' ').trim()
}

type Token = { negated: boolean; text: string; operator: boolean }

/**
 * Splits a query as websearch_to_tsquery reads it: "quoted phrases" are one token, a `-` at the
 * start of a token (not inside a word: "auto-entrepreneur") negates it, `OR` is an operator.
 */
export function tokenizeSearchQuery(query: string): Token[] {
  const tokens: Token[] = []
  const pattern = /(-?)"([^"]*)"?|(\S+)/g
  for (let m = pattern.exec(query); m; m = pattern.exec(query)) {
    if (m[2] !== undefined) {
      tokens.push({ negated: m[1] === '-', text: m[2], operator: false })
    } else {
      const word = m[3]!
      const negated = word.startsWith('-')
      tokens.push({ negated, text: negated ? word.replace(/^-+/, '') : word, operator: !negated && word.toUpperCase() === 'OR' })
    }
  }
  return tokens
}

/**
 * A query ready for `websearch_to_tsquery`, or the reason it cannot be one. What only the
 * database knows (a query made of stop words) is checked by the search itself.
 */
export function validateSearchQuery(raw: unknown): Validation<string> {
  const value = firstValue(raw)
  if (value === undefined) return fail('QUERY_EMPTY')
  const query = normalizeSearchQuery(value)
  if (!query) return fail('QUERY_EMPTY')
  if ([...query].length > SEARCH_QUERY_MAX_LENGTH) return fail('QUERY_TOO_LONG')
  const tokens = tokenizeSearchQuery(query).filter((t) => !t.operator && LETTER_OR_DIGIT.test(t.text))
  if (tokens.length === 0) return fail('QUERY_NO_WORDS')
  if (tokens.every((t) => t.negated)) return fail('QUERY_ONLY_EXCLUSIONS')
  return { ok: true, value: query }
}

/** A whole number in [min, max] from a query-string value; the default when absent or empty. */
function boundedInteger(raw: unknown, min: number, max: number, fallback: number, code: SearchErrorCode): Validation<number> {
  const value = firstValue(raw)?.trim()
  if (value === undefined || value === '') return { ok: true, value: fallback }
  if (!/^\d{1,9}$/.test(value)) return fail(code)
  const n = Number(value)
  return n >= min && n <= max ? { ok: true, value: n } : fail(code)
}

export const validateSearchPage = (raw: unknown): Validation<number> => boundedInteger(raw, 1, SEARCH_MAX_PAGE, 1, 'PAGE_INVALID')

export const validateSearchLimit = (raw: unknown): Validation<number> =>
  boundedInteger(raw, 1, SEARCH_MAX_LIMIT, SEARCH_DEFAULT_LIMIT, 'LIMIT_INVALID')

/**
 * The type filter: absent or empty for every type, else one type or several separated by
 * commas (`type=articles,projects`), each one of `known`. Duplicates are dropped.
 */
export function validateSearchTypes<T extends string>(raw: unknown, known: readonly T[]): Validation<T[] | null> {
  const value = firstValue(raw)?.trim()
  if (!value) return { ok: true, value: null }
  const types = [...new Set(value.split(',').map((t) => t.trim()).filter(Boolean))]
  if (types.length === 0) return { ok: true, value: null }
  if (!types.every((t): t is T => (known as readonly string[]).includes(t))) return fail('TYPE_UNKNOWN')
  return { ok: true, value: types as T[] }
}
