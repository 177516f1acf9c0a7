/**
 * Small text helpers shared by the slug, typography and glossary modules.
 *
 * All functions are pure and only rely on the ECMAScript standard library.
 */

const COMBINING_MARKS = /\p{M}+/gu
const WHITESPACE = /\s/

/**
 * Characters whose folded form is not obtained by "lowercase + NFD + drop
 * combining marks". Keys are lowercase (folding lowercases first).
 */
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  'œ': 'oe',
  'æ': 'ae',
  'ß': 'ss',
  // Typographic apostrophes and primes are treated like the ASCII apostrophe.
  '\u2019': "'", // ’ right single quotation mark (the French apostrophe)
  '\u2018': "'", // ‘ left single quotation mark
  '\u02BC': "'", // ʼ modifier letter apostrophe
  '\u2032': "'", // ′ prime
  // Unicode hyphens are treated like the ASCII hyphen-minus.
  '\u2010': '-',
  '\u2011': '-',
}

/**
 * Removes diacritics (accents, cedillas, diaeresis…) from a string:
 * "Coopération à Noël, ça" → "Cooperation a Noel, ca".
 *
 * Ligatures such as "œ" are NOT letters with diacritics and are kept as is;
 * use {@link normalizeForMatch} when comparing strings.
 */
export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC')
}

const foldCache = new Map<number, string>()

/**
 * Folds ONE UTF-16 code unit for case- and accent-insensitive matching.
 *
 * - letters are lowercased and stripped of their diacritics ("É" → "e");
 * - "œ"/"Œ" → "oe", "æ"/"Æ" → "ae", "ß" → "ss" (the result can be 2 units long);
 * - ’ ‘ ʼ ′ → "'" and the Unicode hyphens U+2010/U+2011 → "-";
 * - any whitespace (including U+00A0 and U+202F) → " ";
 * - a lone combining mark (text in NFD form) folds to "" (it is dropped);
 * - surrogate halves (emoji, rare scripts) are returned unchanged.
 *
 * Results are cached, so calling this in a hot loop is cheap.
 */
export function foldCodeUnit(code: number): string {
  // ASCII fast path.
  if (code < 128) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32)
    if (code === 32 || (code >= 9 && code <= 13)) return ' '
    return String.fromCharCode(code)
  }
  const cached = foldCache.get(code)
  if (cached !== undefined) return cached
  let folded: string
  if (code >= 0xd800 && code <= 0xdfff) {
    folded = String.fromCharCode(code)
  } else {
    const ch = String.fromCharCode(code)
    if (WHITESPACE.test(ch)) {
      folded = ' '
    } else {
      const lower = ch.toLowerCase()
      folded = SPECIAL_FOLDS[lower] ?? lower.normalize('NFD').replace(COMBINING_MARKS, '')
    }
  }
  foldCache.set(code, folded)
  return folded
}

/**
 * Normalizes a string for comparisons: lowercase, accents stripped, ligatures
 * expanded (œ → oe, æ → ae), typographic apostrophes turned into "'",
 * whitespace runs (including no-break spaces) collapsed to one ASCII space,
 * leading/trailing whitespace trimmed.
 *
 * normalizeForMatch("  L’Économie   SOCIALE ") === "l'economie sociale"
 *
 * The result is NOT guaranteed to have the same length as the input; code
 * that needs offsets into the original text must fold it code unit by code
 * unit with {@link foldCodeUnit} and keep its own offset map.
 */
export function normalizeForMatch(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += foldCodeUnit(s.charCodeAt(i))
  return out.replace(/ {2,}/g, ' ').trim()
}

/**
 * Whether every word typed in a picker starts a word of the label, whatever the case and
 * accents: "educ" finds "Éducation", "prom ess" finds "Promotion ESS".
 */
export function matchesWords(label: string, typed: string): boolean {
  const words = normalizeForMatch(label).split(/[\s'’-]+/)
  return normalizeForMatch(typed)
    .split(' ')
    .filter(Boolean)
    .every((part) => words.some((word) => word.startsWith(part)))
}
