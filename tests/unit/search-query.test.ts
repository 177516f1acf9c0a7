import { describe, expect, it } from 'vitest'

import {
  normalizeSearchQuery,
  SEARCH_ERRORS,
  SEARCH_QUERY_MAX_LENGTH,
  tokenizeSearchQuery,
  validateSearchLimit,
  validateSearchPage,
  validateSearchQuery,
  validateSearchTypes,
} from '../../src/lib/search-query'
import { SEARCH_TYPES } from '../../src/lib/search-types'

const codeOf = (v: { ok: boolean; error?: { code: string } }) => (v.ok ? 'ok' : v.error!.code)

describe('normalizeSearchQuery', () => {
  it('collapses whitespace, drops control characters and match delimiters, composes accents', () => {
    expect(normalizeSearchQuery('  économie \t\n sociale  ')).toBe('économie sociale')
    expect(normalizeSearchQuery('co\u0000op\u0007 \uE000x\uE001')).toBe('co op x')
    expect(normalizeSearchQuery('e\u0301conomie')).toBe('économie')
    expect(normalizeSearchQuery('a\u00A0b\u202Fc')).toBe('a b c')
  })
})

describe('tokenizeSearchQuery', () => {
  it('reads phrases, exclusions and OR as websearch_to_tsquery does', () => {
    expect(tokenizeSearchQuery('"circuit court" -culture économie OR emploi auto-entrepreneur -"mot exclu"')).toEqual([
      { negated: false, text: 'circuit court', operator: false },
      { negated: true, text: 'culture', operator: false },
      { negated: false, text: 'économie', operator: false },
      { negated: false, text: 'OR', operator: true },
      { negated: false, text: 'emploi', operator: false },
      { negated: false, text: 'auto-entrepreneur', operator: false },
      { negated: true, text: 'mot exclu', operator: false },
    ])
  })

  it('accepts an unclosed quote', () => {
    expect(tokenizeSearchQuery('"circuit court')).toEqual([{ negated: false, text: 'circuit court', operator: false }])
  })
})

describe('validateSearchQuery', () => {
  it('accepts ordinary queries, normalised', () => {
    expect(validateSearchQuery('  coopératives ')).toEqual({ ok: true, value: 'coopératives' })
    expect(validateSearchQuery('"circuits courts" -amap')).toEqual({ ok: true, value: '"circuits courts" -amap' })
    expect(validateSearchQuery('ESS 2012')).toEqual({ ok: true, value: 'ESS 2012' })
    expect(validateSearchQuery('l’économie')).toEqual({ ok: true, value: 'l’économie' })
  })

  it('takes the first value of a repeated parameter', () => {
    expect(validateSearchQuery(['coopérative', 'autre'])).toEqual({ ok: true, value: 'coopérative' })
  })

  it('refuses a missing or blank query', () => {
    for (const q of [undefined, null, '', '   ', '\n\t', [], 42]) expect(codeOf(validateSearchQuery(q)), String(q)).toBe('QUERY_EMPTY')
  })

  it('refuses a query longer than 200 characters, counting characters, not bytes', () => {
    expect(codeOf(validateSearchQuery('é'.repeat(SEARCH_QUERY_MAX_LENGTH)))).toBe('ok')
    expect(codeOf(validateSearchQuery('a'.repeat(SEARCH_QUERY_MAX_LENGTH + 1)))).toBe('QUERY_TOO_LONG')
    // Whitespace runs count as one space.
    expect(codeOf(validateSearchQuery(`a${' '.repeat(300)}b`))).toBe('ok')
  })

  it('refuses punctuation only', () => {
    for (const q of ['!!!', '« » … — ?', '"', '- - -', '"" -""', '***', '()']) {
      expect(codeOf(validateSearchQuery(q)), q).toBe('QUERY_NO_WORDS')
    }
    expect(codeOf(validateSearchQuery('OR'))).toBe('QUERY_NO_WORDS')
  })

  it('refuses a query that only excludes', () => {
    expect(codeOf(validateSearchQuery('-culture'))).toBe('QUERY_ONLY_EXCLUSIONS')
    expect(codeOf(validateSearchQuery('-culture -"circuit court"'))).toBe('QUERY_ONLY_EXCLUSIONS')
    expect(codeOf(validateSearchQuery('économie -culture'))).toBe('ok')
  })

  it('gives French messages for every code', () => {
    for (const [code, { message }] of Object.entries(SEARCH_ERRORS)) {
      expect(message, code).toMatch(/^[A-ZÉ].*[.]$/)
    }
    const result = validateSearchQuery('')
    expect(result).toEqual({ ok: false, error: { code: 'QUERY_EMPTY', field: 'q', message: 'Saisissez un ou plusieurs mots à rechercher.' } })
  })
})

describe('page, limit and type parameters', () => {
  it('pages: 1 by default, whole numbers from 1', () => {
    expect(validateSearchPage(undefined)).toEqual({ ok: true, value: 1 })
    expect(validateSearchPage('')).toEqual({ ok: true, value: 1 })
    expect(validateSearchPage('3')).toEqual({ ok: true, value: 3 })
    for (const p of ['0', '-1', '1.5', 'deux', '1e3', '99999']) expect(codeOf(validateSearchPage(p)), p).toBe('PAGE_INVALID')
  })

  it('limit: 10 by default, 1 to 50', () => {
    expect(validateSearchLimit(undefined)).toEqual({ ok: true, value: 10 })
    expect(validateSearchLimit('50')).toEqual({ ok: true, value: 50 })
    for (const l of ['0', '51', 'tout']) expect(codeOf(validateSearchLimit(l)), l).toBe('LIMIT_INVALID')
  })

  it('types: none means all; one or several known slugs', () => {
    expect(validateSearchTypes(undefined, SEARCH_TYPES)).toEqual({ ok: true, value: null })
    expect(validateSearchTypes('', SEARCH_TYPES)).toEqual({ ok: true, value: null })
    expect(validateSearchTypes('projects', SEARCH_TYPES)).toEqual({ ok: true, value: ['projects'] })
    expect(validateSearchTypes('articles, projects,articles', SEARCH_TYPES)).toEqual({ ok: true, value: ['articles', 'projects'] })
    expect(codeOf(validateSearchTypes('users', SEARCH_TYPES))).toBe('TYPE_UNKNOWN')
    expect(codeOf(validateSearchTypes('articles,media', SEARCH_TYPES))).toBe('TYPE_UNKNOWN')
  })
})
