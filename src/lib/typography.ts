/**
 * French typography for plain text (titles, excerpts, comments…).
 *
 * Rules applied by {@link frenchTypography}:
 * - a narrow no-break space (U+202F) before `;`, `!` and `?`;
 * - a no-break space (U+00A0) before `:`;
 * - a no-break space (U+00A0) after `«` and before `»`.
 *
 * Ordinary (or wrong no-break) spaces found at those places are replaced by
 * the right one, so no-break spaces are never doubled and the function is
 * idempotent. A missing space is ADDED only:
 * - before `;`, `!`, `?` when the sign directly follows a letter or digit and
 *   is itself followed by the end of the text, whitespace or closing
 *   punctuation ("Quoi?" → "Quoi ?", but "a?b", "x;y" are left alone);
 * - inside « » when the guillemet touches a non-space character.
 * It is never added before `:` (times such as "10:30", "Note:" in code, "1:2"
 * ratios are left alone).
 *
 * Untouched zones: URLs (`http://`, `https://`, `ftp://`, `mailto:`, `www.`),
 * `inline code` and ```fenced code```, emoticons (":)", ";-)", ":D", ":p"…),
 * spaces at the start of a line (indentation).
 *
 * The input is PLAIN text: HTML entities such as "&amp;" are not recognised.
 */

export const NBSP = '\u00A0'
export const NNBSP = '\u202F'

/** Horizontal spaces that may surround French punctuation. */
const HSPACES = new Set([' ', '\u00A0', '\u202F', '\u2009', '\u2007', '\u2002', '\u2003'])
const WHITESPACE = /\s/
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
/** Characters that may follow a punctuation sign (besides whitespace and the end). */
const AFTER_PUNCTUATION = new Set(['!', '?', ';', ':', '.', ',', '…', '»', ')', ']', '"', "'", '\u2019', '\u201D'])

const PROTECTED_PATTERNS: readonly RegExp[] = [
  // Fenced and inline code.
  /```[\s\S]*?```/g,
  /`[^`\n]+`/g,
  // URLs; trailing sentence punctuation is excluded below.
  /\b(?:(?:https?|ftp):\/\/|mailto:|www\.)[^\s<>«»"]+/gi,
  // Emoticons: ":)", ":-)", ";)", ":D", ":p", ":'(", ":/", ":|"…
  /[:;][-'^]?[()[\]DPpOo3/\\|*]+(?![\p{L}\p{N}])/gu,
]

const URL_TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?'])

function protectedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length)
  for (const pattern of PROTECTED_PATTERNS) {
    pattern.lastIndex = 0
    for (const match of text.matchAll(pattern)) {
      const value = match[0]
      let length = value.length
      if (value[0] !== '`' && value[0] !== ':' && value[0] !== ';') {
        // URL: "Voir https://example.org." — the final dot ends the sentence.
        while (length > 0 && URL_TRAILING_PUNCTUATION.has(value[length - 1])) length--
      }
      const start = match.index ?? 0
      mask.fill(1, start, start + length)
    }
  }
  return mask
}

const isWhitespace = (ch: string): boolean => WHITESPACE.test(ch)

/** True when the sign at `k` is followed by the end, a space or closing punctuation. */
function isPunctuationContext(text: string, mask: Uint8Array, k: number): boolean {
  const after = k + 1
  if (after >= text.length) return true
  if (mask[after]) return false
  const ch = text[after]
  return isWhitespace(ch) || AFTER_PUNCTUATION.has(ch)
}

/**
 * What to put instead of the run of horizontal spaces [start, end), or null to
 * keep it as is.
 */
function replaceSpaceRun(text: string, mask: Uint8Array, start: number, end: number): string | null {
  if (start === 0) return null
  const prev = text[start - 1]
  // Line-leading spaces are indentation, not typography.
  if (isWhitespace(prev)) return null
  if (end >= text.length) return null
  const next = text[end]
  if (!mask[end]) {
    if (next === '!' || next === '?' || next === ';') {
      return isPunctuationContext(text, mask, end) ? NNBSP : null
    }
    if (next === ':') return isPunctuationContext(text, mask, end) ? NBSP : null
    if (next === '»') return NBSP
  }
  if (prev === '«' && !isWhitespace(next)) return NBSP
  return null
}

/** Applies French typography rules to plain text. Idempotent. */
export function frenchTypography(text: string): string {
  if (!/[;:!?«»]/.test(text)) return text
  const mask = protectedMask(text)
  const n = text.length
  let out = ''
  let i = 0
  while (i < n) {
    if (mask[i]) {
      let j = i + 1
      while (j < n && mask[j]) j++
      out += text.slice(i, j)
      i = j
      continue
    }
    const ch = text[i]
    if (HSPACES.has(ch)) {
      let j = i + 1
      while (j < n && !mask[j] && HSPACES.has(text[j])) j++
      out += replaceSpaceRun(text, mask, i, j) ?? text.slice(i, j)
      i = j
      continue
    }
    if (
      (ch === ';' || ch === '!' || ch === '?') &&
      i > 0 &&
      !mask[i - 1] &&
      LETTER_OR_DIGIT.test(text[i - 1]) &&
      isPunctuationContext(text, mask, i)
    ) {
      out += NNBSP + ch
    } else if (ch === '»' && i > 0 && !isWhitespace(text[i - 1]) && text[i - 1] !== '«') {
      out += NBSP + ch
    } else if (ch === '«' && i + 1 < n && !isWhitespace(text[i + 1]) && text[i + 1] !== '»') {
      out += ch + NBSP
    } else {
      out += ch
    }
    i++
  }
  return out
}
