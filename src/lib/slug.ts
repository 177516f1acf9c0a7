/**
 * French-aware slug generation.
 *
 *   slugify("Axe 4 : Développer")   === "axe-4-developper"
 *   slugify("Culture & ESS")        === "culture-et-ess"
 *   slugify("Des lieux pour l'ESS") === "des-lieux-pour-l-ess"
 */

/** Maximum length of a generated slug. */
export const SLUG_MAX_LENGTH = 96

/** Letters that Unicode decomposition (NFD) does not reduce to ASCII. */
const LETTER_MAP: Readonly<Record<string, string>> = {
  'œ': 'oe',
  'æ': 'ae',
  'ß': 'ss',
  'ø': 'o',
  'ł': 'l',
  'đ': 'd',
  'ð': 'd',
  'þ': 'th',
  'ı': 'i',
}
const LETTER_MAP_RE = /[œæßøłđðþı]/g

const COMBINING_MARKS = /\p{M}+/gu
/** Apostrophes and quotes that separate words ("l'ESS", "l’ESS"). */
const APOSTROPHES = /['\u2019\u2018\u02BC]/g
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Turns any title into a URL slug made of `[a-z0-9]` words joined by single
 * hyphens:
 * - lowercases, strips accents (NFD + removal of combining marks);
 * - expands ligatures (œ → oe, æ → ae) and a few non-decomposable letters;
 * - "&" becomes the word "et";
 * - apostrophes (' and ’) separate words: "l'ESS" → "l-ess";
 * - every other character (punctuation, « », symbols, emoji, whitespace,
 *   letters of non-Latin scripts) is a separator; separator runs become a
 *   single "-", and leading/trailing hyphens are trimmed;
 * - the result is at most {@link SLUG_MAX_LENGTH} characters long, cut at a
 *   hyphen boundary (a single word longer than the limit is hard-cut).
 *
 * Returns "" when the input contains no usable character.
 */
export function slugify(input: string): string {
  const slug = input
    .toLowerCase()
    .replace(LETTER_MAP_RE, (ch) => LETTER_MAP[ch] ?? ch)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/&/g, ' et ')
    .replace(APOSTROPHES, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return truncateSlug(slug, SLUG_MAX_LENGTH)
}

/** Cuts an already valid slug to `max` characters at a hyphen boundary. */
function truncateSlug(slug: string, max: number): string {
  if (slug.length <= max) return slug
  // If the character right after the limit is a hyphen, the cut falls exactly
  // on a word boundary.
  if (slug[max] === '-') return slug.slice(0, max)
  const head = slug.slice(0, max)
  const lastHyphen = head.lastIndexOf('-')
  return lastHyphen > 0 ? head.slice(0, lastHyphen) : head
}

/** True when `s` is a well-formed slug: `^[a-z0-9]+(?:-[a-z0-9]+)*$`. */
export function isValidSlug(s: string): boolean {
  return SLUG_RE.test(s)
}
