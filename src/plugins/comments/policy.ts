/**
 * The anti-spam rules, as WordPress applies them, as pure functions: word lists, link counting
 * and the status a new comment gets. The database parts (duplicates, flood) live in the hooks.
 */
import { normalizeForMatch } from '../../lib/text'
import { countLinks } from '../../lib/spip-markup/comments'
import { HOLD_REASONS, type CommentMode, type CommentStatus } from './constants'

export type CommentPolicy = {
  mode: CommentMode
  maxLinks: number
  moderationWords: string[]
  disallowedWords: string[]
}

export type PolicyInput = {
  authorName: string
  authorEmail: string
  authorWebsite?: string | null
  body: string
  /** Raw address of the request (never stored): a word list may hold an address. */
  ip?: string | null
  userAgent?: string | null
  honeypot?: boolean
}

export type PolicyVerdict = { status: CommentStatus; reason: string | null }

/** One entry per line (or comma), trimmed, without empties or duplicates; "#" starts a comment line. */
export function parseWordList(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.join('\n') : typeof value === 'string' ? value : ''
  const seen = new Set<string>()
  const words: string[] = []
  for (const line of raw.split(/[\n,]/)) {
    const word = line.trim()
    if (!word || word.startsWith('#')) continue
    const key = normalizeForMatch(word)
    if (!key || seen.has(key)) continue
    seen.add(key)
    words.push(word)
  }
  return words
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The first entry of `words` found in `text`, compared without case or accents and as a whole
 * word or phrase ("sex" does not match "Essex"; "casino en ligne" matches "CASINO  en ligne").
 */
export function findWord(text: string, words: readonly string[]): string | null {
  if (words.length === 0 || !text) return null
  const haystack = normalizeForMatch(text)
  for (const word of words) {
    const needle = normalizeForMatch(word)
    if (!needle) continue
    const re = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegExp(needle)}(?=$|[^\\p{L}\\p{N}])`, 'u')
    if (re.test(haystack)) return word
  }
  return null
}

/**
 * The status of a new visitor comment: honeypot or a disallowed word → spam; too many links or a
 * moderation word → held (pending) with its reason; otherwise held (a priori, said so) or approved
 * (a posteriori). Rules are checked in that order; the first that applies gives the reason.
 */
export function evaluateComment(input: PolicyInput, policy: CommentPolicy): PolicyVerdict {
  if (input.honeypot) return { status: 'spam', reason: HOLD_REASONS.honeypot }
  const everything = [input.authorName, input.authorEmail, input.authorWebsite ?? '', input.body, input.ip ?? '', input.userAgent ?? ''].join('\n')
  const disallowed = findWord(everything, policy.disallowedWords)
  if (disallowed) return { status: 'spam', reason: HOLD_REASONS.disallowed(disallowed) }
  const links = countLinks(input.body)
  if (links > policy.maxLinks) return { status: 'pending', reason: HOLD_REASONS.links(links, policy.maxLinks) }
  const flagged = findWord(everything, policy.moderationWords)
  if (flagged) return { status: 'pending', reason: HOLD_REASONS.moderationWord(flagged) }
  return policy.mode === 'a-posteriori' ? { status: 'approved', reason: null } : { status: 'pending', reason: HOLD_REASONS.aPriori }
}
