/**
 * Finds glossary terms in French text, to annotate their occurrences.
 *
 * The terms (and their variants) are folded with normalizeForMatch (lowercase,
 * no accents, ligatures expanded, ’ = ', whitespace runs = one space) and
 * compiled ONCE into a trie. `find` makes a single left-to-right pass over the
 * ORIGINAL text, folding each UTF-16 code unit on the fly with the same rules
 * (cached per code unit), so offsets are the original ones by construction:
 * an accented letter folds to one unit, a ligature ("œ") walks two trie edges
 * ("o", "e") while consuming one unit, a combining mark (NFD text) consumes a
 * unit without walking, a whitespace run walks one " " edge. At every word
 * start the trie is walked as far as the text allows, keeping the longest term
 * that ends on a word boundary. The cost depends on the text length (and on
 * the depth of the trie walks), not on the number of terms.
 *
 * Matching rules:
 * - case-, accent- and ligature-insensitive: "cooperation" matches
 *   "Coopération", "coeur" matches "cœur"; ’ and ' are the same character;
 *   any whitespace run (including no-break spaces and newlines) matches a
 *   space; text in decomposed (NFD) form is handled too;
 * - whole words only. Word characters are letters, digits, combining marks,
 *   "_" and the hyphen: "ESS" matches in "l'ESS", "l’ESS", "d'ESS", "ESS,",
 *   "(ESS)", "ESS/PTCE" but NOT in "ESSAI", "caresse", "ESS-truc" or
 *   "anti-ESS" (a hyphen joins words into one). "." and "@" also join words
 *   when a letter/digit follows them on the other side, so "ess.fr" and
 *   "contact@ess" do not match, while "l'ESS." does;
 * - leftmost match first, then the longest one ("Circuits courts économiques
 *   et solidaires" wins over "Circuits courts"); matches never overlap. A
 *   longest match whose entry is excluded or already seen still consumes its
 *   span: the shorter terms inside it are not annotated either;
 * - if two entries share a folded form, the first entry's TERM wins, then
 *   terms win over variants, then the first variant;
 * - no plural or inflection tolerance beyond explicit variants.
 *
 * This module works on plain text: callers must not pass URLs or the text of
 * existing links they do not want annotated.
 */

import { foldCodeUnit, normalizeForMatch } from './text'

export type GlossaryId = string | number

export type GlossaryEntry = {
  id: GlossaryId
  slug: string
  term: string
  variants?: string[]
  shortDefinition?: string
}

export type GlossaryMatch = {
  /** UTF-16 offset of the first character of the match in the original text. */
  start: number
  /** UTF-16 offset just after the match in the original text. */
  end: number
  entry: GlossaryEntry
  /** The matched text, as written in the original text (`text.slice(start, end)`). */
  text: string
}

export type FindOptions = {
  /** Only annotate the first occurrence of each entry (default: true). */
  firstOnly?: boolean
  /** Ids of entries never to annotate (e.g. the entry of the current page). Compared with ===. */
  exclude?: ReadonlySet<GlossaryId>
  /**
   * Ids already annotated in previous chunks of the same document; with
   * firstOnly, entries in this set are skipped and the set is updated with
   * the entries found. Ignored (neither read nor updated) when firstOnly is false.
   */
  seen?: Set<GlossaryId>
}

export type Matcher = {
  find(text: string, opts?: FindOptions): GlossaryMatch[]
  /** Number of distinct folded forms (terms + variants) compiled. */
  readonly size: number
}

type TrieNode = {
  next: Map<number, TrieNode>
  /** Index in `entries` of the entry ending here, or -1. */
  entry: number
}

const newNode = (): TrieNode => ({ next: new Map(), entry: -1 })

// --- per-code-unit folding and classes ----------------------------------------

const SPACE = 32
const HYPHEN = 45 // -
const UNDERSCORE = 95 // _
const DOT = 46 // .
const AT = 64 // @

/**
 * Fold of each code unit, cached: 0 = not computed yet, MULTI = folds to zero
 * units (combining mark) or to several (ligature), else the folded unit.
 */
const foldTable = new Uint16Array(65536)
const MULTI = 0xffff

function fold(code: number): number {
  let folded = foldTable[code]
  if (folded === 0) {
    const s = foldCodeUnit(code)
    folded = s.length === 1 ? s.charCodeAt(0) : MULTI
    foldTable[code] = folded
  }
  return folded
}

/** Class of each ORIGINAL code unit, cached: 0 = not computed yet. */
const classTable = new Uint8Array(65536)
const ALNUM = 1 // letter or digit
const JOINER = 2 // other word character: combining mark, "-", "_"
const OTHER = 3 // not a word character
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

function classOf(code: number): number {
  let c = classTable[code]
  if (c === 0) {
    const folded = foldCodeUnit(code)
    if (folded.length === 0) c = JOINER // combining mark
    else if (code >= 0xd800 && code <= 0xdfff) c = OTHER // emoji and rare scripts
    else {
      const first = folded.charCodeAt(0)
      c = LETTER_OR_DIGIT.test(folded[0]) ? ALNUM : first === HYPHEN || first === UNDERSCORE ? JOINER : OTHER
    }
    classTable[code] = c
  }
  return c
}

const isWord = (code: number): boolean => classOf(code) !== OTHER

/** True for a code unit that folds to nothing (a combining mark). */
const isDropped = (code: number): boolean => fold(code) === MULTI && foldCodeUnit(code) === ''

// --- public API ------------------------------------------------------------------

/** Compiles the glossary into a matcher; build it once and reuse it. */
export function buildMatcher(entries: readonly GlossaryEntry[]): Matcher {
  const root = newNode()
  let size = 0
  const insert = (form: string, entryIndex: number): void => {
    const folded = normalizeForMatch(form)
    if (folded === '') return
    let node = root
    for (let k = 0; k < folded.length; k++) {
      const code = folded.charCodeAt(k)
      let child = node.next.get(code)
      if (!child) {
        child = newNode()
        node.next.set(code, child)
      }
      node = child
    }
    if (node.entry < 0) {
      node.entry = entryIndex
      size++
    }
  }
  // Terms first, then variants: a term always wins over another entry's variant.
  entries.forEach((entry, index) => insert(entry.term, index))
  entries.forEach((entry, index) => {
    for (const variant of entry.variants ?? []) insert(variant, index)
  })

  /** The node reached from `node` by the folded form of `code` (a ligature walks several edges). */
  const step = (node: TrieNode, code: number): TrieNode | undefined => {
    const folded = fold(code)
    if (folded !== MULTI) return node.next.get(folded)
    const expansion = foldCodeUnit(code)
    let current: TrieNode | undefined = node
    for (let k = 0; k < expansion.length && current !== undefined; k++) {
      current = current.next.get(expansion.charCodeAt(k))
    }
    return current
  }

  const find = (text: string, opts: FindOptions = {}): GlossaryMatch[] => {
    const firstOnly = opts.firstOnly ?? true
    const exclude = opts.exclude
    const seen = firstOnly ? (opts.seen ?? new Set<GlossaryId>()) : undefined
    const matches: GlossaryMatch[] = []
    const n = text.length
    if (size === 0 || n === 0) return matches

    /** True when a match may end at `j` (exclusive). */
    const endBoundary = (j: number): boolean => {
      if (j >= n) return true
      const next = text.charCodeAt(j)
      if (isWord(next)) return !isWord(text.charCodeAt(j - 1))
      // "ess.fr", "ess@labo.fr": "." and "@" join two words.
      if ((next === DOT || next === AT) && j + 1 < n && classOf(text.charCodeAt(j + 1)) === ALNUM) {
        return !isWord(text.charCodeAt(j - 1))
      }
      return true
    }

    let i = 0
    let prevIsWord = false
    while (i < n) {
      const code = text.charCodeAt(i)
      const currentIsWord = isWord(code)
      // Most positions are inside a word: cheapest test first.
      if (prevIsWord && currentIsWord) {
        i++
        continue
      }
      prevIsWord = currentIsWord
      const prevCode = i > 0 ? text.charCodeAt(i - 1) : 0
      if (
        // A match never starts on a combining mark…
        isDropped(code) ||
        // …nor on a word glued to a previous one by "." or "@" ("www.ess", "contact@ess").
        (currentIsWord && (prevCode === DOT || prevCode === AT) && i >= 2 && classOf(text.charCodeAt(i - 2)) === ALNUM)
      ) {
        i++
        continue
      }
      let node = step(root, code)
      if (node === undefined) {
        i++
        continue
      }
      // Walk the trie, remembering the longest term that ends on a boundary.
      let j = i + 1
      let bestEntry = -1
      let bestEnd = -1
      for (;;) {
        // Combining marks belong to the character before them.
        while (j < n && isDropped(text.charCodeAt(j))) j++
        if (node.entry >= 0 && endBoundary(j)) {
          bestEntry = node.entry
          bestEnd = j
        }
        if (j >= n) break
        const c = text.charCodeAt(j)
        const folded = fold(c)
        node = step(node, c)
        if (node === undefined) break
        j++
        // A space in a term matches a whole run of whitespace in the text.
        if (folded === SPACE) while (j < n && fold(text.charCodeAt(j)) === SPACE) j++
      }
      if (bestEntry < 0) {
        i++
        continue
      }
      const entry = entries[bestEntry]
      if (!exclude?.has(entry.id) && !seen?.has(entry.id)) {
        matches.push({ start: i, end: bestEnd, entry, text: text.slice(i, bestEnd) })
        seen?.add(entry.id)
      }
      i = bestEnd
      prevIsWord = isWord(text.charCodeAt(bestEnd - 1))
    }
    return matches
  }

  return { find, size }
}
