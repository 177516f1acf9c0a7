import { describe, it, expect } from 'vitest'
import { foldCodeUnit, matchesWords, normalizeForMatch, stripAccents } from '../../src/lib/text'

describe('stripAccents', () => {
  it('removes French diacritics and keeps case', () => {
    expect(stripAccents('Coopération à Noël, ça crée où ? Île, Ève, ÇA, Ÿ')).toBe(
      'Cooperation a Noel, ca cree ou ? Ile, Eve, CA, Y',
    )
  })

  it('handles decomposed (NFD) input', () => {
    expect(stripAccents('Coope\u0301ration')).toBe('Cooperation')
  })

  it('keeps ligatures, punctuation and unaccented text unchanged', () => {
    expect(stripAccents('cœur Æ l’ESS « x »')).toBe('cœur Æ l’ESS « x »')
    expect(stripAccents('')).toBe('')
  })
})

describe('normalizeForMatch', () => {
  it('lowercases and strips accents', () => {
    expect(normalizeForMatch('Coopération')).toBe('cooperation')
    expect(normalizeForMatch('ÉCONOMIE SOCIALE')).toBe('economie sociale')
  })

  it('treats the typographic apostrophe like the straight one', () => {
    expect(normalizeForMatch('L’ESS')).toBe("l'ess")
    expect(normalizeForMatch("L'ESS")).toBe("l'ess")
    expect(normalizeForMatch('L’ESS')).toBe(normalizeForMatch("l'ess"))
  })

  it('expands ligatures', () => {
    expect(normalizeForMatch('Œuvre du cœur, ex æquo')).toBe('oeuvre du coeur, ex aequo')
  })

  it('collapses whitespace (including no-break spaces) and trims', () => {
    expect(normalizeForMatch('  circuits \u00A0 courts\n\tsolidaires\u202F! ')).toBe('circuits courts solidaires !')
  })

  it('handles decomposed (NFD) input', () => {
    expect(normalizeForMatch('Coope\u0301ration')).toBe(normalizeForMatch('Coopération'))
  })

  it('keeps emoji (surrogate pairs) intact', () => {
    expect(normalizeForMatch('ESS 🎉')).toBe('ess 🎉')
  })
})

describe('foldCodeUnit', () => {
  const fold = (ch: string): string => foldCodeUnit(ch.charCodeAt(0))

  it('folds ASCII letters and whitespace', () => {
    expect(fold('A')).toBe('a')
    expect(fold('z')).toBe('z')
    expect(fold('-')).toBe('-')
    expect(fold('\n')).toBe(' ')
    expect(fold('\t')).toBe(' ')
  })

  it('folds accented letters to exactly one character', () => {
    for (const ch of 'àâäéèêëîïôöùûüÿçÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÇ') {
      expect(fold(ch)).toHaveLength(1)
    }
    expect(fold('É')).toBe('e')
    expect(fold('ç')).toBe('c')
  })

  it('expands ligatures and normalizes apostrophes, hyphens and spaces', () => {
    expect(fold('Œ')).toBe('oe')
    expect(fold('æ')).toBe('ae')
    expect(fold('’')).toBe("'")
    expect(fold('\u2011')).toBe('-')
    expect(fold('\u00A0')).toBe(' ')
    expect(fold('\u202F')).toBe(' ')
  })

  it('drops lone combining marks and keeps surrogate halves', () => {
    expect(fold('\u0301')).toBe('')
    const emoji = '🎉'
    expect(foldCodeUnit(emoji.charCodeAt(0)) + foldCodeUnit(emoji.charCodeAt(1))).toBe(emoji)
  })
})

describe('matchesWords', () => {
  it('finds a label by the start of its words, whatever the accents and case', () => {
    expect(matchesWords('Éducation', 'educ')).toBe(true)
    expect(matchesWords('Éducation', 'ÉDUC')).toBe(true)
    expect(matchesWords('Promotion ESS', 'ess')).toBe(true)
    expect(matchesWords('Promotion ESS', 'prom ess')).toBe(true)
    expect(matchesWords('Économie d’entreprise', 'entre')).toBe(true)
    expect(matchesWords('Cœur de métier', 'coeur')).toBe(true)
  })

  it('does not find a word in the middle of another, nor a missing one', () => {
    expect(matchesWords('Prévention', 'vention')).toBe(false)
    expect(matchesWords('Culture', 'educ')).toBe(false)
    expect(matchesWords('Promotion ESS', 'prom culture')).toBe(false)
  })

  it('an empty search finds everything', () => {
    expect(matchesWords('Culture', '  ')).toBe(true)
  })
})
