/**
 * Glossary annotations of Lexical rich text, as plain data (no Payload, no React): used by the
 * REST endpoint and unit-tested. The renderer (src/components/RichText.tsx) applies the same
 * rules node by node.
 *
 * Rules: text inside links, headings, code (blocks or inline code format) and quotes is never
 * annotated; with firstOnly (default), the `seen` set is shared across the fields of a document,
 * so each term is annotated at its first occurrence in the whole document.
 */
import type { FindOptions, GlossaryId, Matcher } from '../../lib/glossary-matcher'

/** Lexical node types whose text is never annotated. */
export const SKIPPED_NODE_TYPES: readonly string[] = ['link', 'autolink', 'heading', 'code', 'quote']

/** Lexical's inline-code text format bit. */
export const CODE_FORMAT = 16

import { GLOSSARY_FIELDS, type GlossaryCollection } from '../../collections/registry'

/** Rich-text fields annotated per collection: the content model's (src/collections/registry.ts). */
export { GLOSSARY_FIELDS, type GlossaryCollection }

export const isGlossaryCollection = (value: unknown): value is GlossaryCollection =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(GLOSSARY_FIELDS, value)

export type Occurrence = {
  term: string
  slug: string
  shortDefinition: string
  /** UTF-16 offsets in the field's plain text (see lexicalPlainText). */
  start: number
  end: number
  /** The text as written. */
  text: string
}

type LexicalNode = { type?: string; text?: string; format?: number | string; children?: LexicalNode[] }

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'code', 'list', 'table', 'tablerow', 'tablecell'])

/**
 * Walks the text nodes of a Lexical state in document order. Blocks are separated by "\n" in the
 * plain text; `eligible` is false for text that must not be annotated.
 */
function walk(state: unknown, visit: (text: string, offset: number, eligible: boolean) => void): string {
  const root = (state as { root?: LexicalNode } | null)?.root
  if (!root || typeof root !== 'object') return ''
  let plain = ''
  const rec = (node: LexicalNode, skipped: boolean): void => {
    const type = node.type ?? ''
    const skip = skipped || SKIPPED_NODE_TYPES.includes(type)
    if (typeof node.text === 'string') {
      const code = typeof node.format === 'number' && (node.format & CODE_FORMAT) !== 0
      visit(node.text, plain.length, !skip && !code)
      plain += node.text
      return
    }
    if (type === 'linebreak') {
      plain += '\n'
      return
    }
    if (BLOCK_TYPES.has(type) && plain.length > 0 && !plain.endsWith('\n')) plain += '\n'
    for (const child of node.children ?? []) rec(child, skip)
  }
  for (const child of root.children ?? []) rec(child, false)
  return plain
}

/** Plain text of a Lexical state, as the offsets of `annotateLexical` count it. */
export const lexicalPlainText = (state: unknown): string => walk(state, () => undefined)

/** Occurrences of the glossary terms in a Lexical state (first ones only by default). */
export function annotateLexical(
  state: unknown,
  matcher: Matcher,
  opts: { firstOnly?: boolean; seen?: Set<GlossaryId>; exclude?: ReadonlySet<GlossaryId> } = {},
): { text: string; occurrences: Occurrence[] } {
  const occurrences: Occurrence[] = []
  const findOpts: FindOptions = { firstOnly: opts.firstOnly ?? true, seen: opts.seen ?? new Set(), exclude: opts.exclude }
  const text = walk(state, (chunk, offset, eligible) => {
    if (!eligible) return
    for (const m of matcher.find(chunk, findOpts)) {
      occurrences.push({
        term: m.entry.term,
        slug: m.entry.slug,
        shortDefinition: m.entry.shortDefinition ?? '',
        start: offset + m.start,
        end: offset + m.end,
        text: m.text,
      })
    }
  })
  return { text, occurrences }
}

/**
 * Slugs of the terms a document uses: those with at least one annotatable occurrence in its
 * rich-text fields (same rules as the annotations: longest match, never in links, headings, code
 * or quotes). The per-document switch does not matter here: a document that is not annotated
 * still uses its terms.
 */
export function usedTermSlugs(collection: GlossaryCollection, doc: Record<string, unknown>, matcher: Matcher): string[] {
  const seen = new Set<GlossaryId>()
  const slugs = new Set<string>()
  for (const field of GLOSSARY_FIELDS[collection]) {
    for (const o of annotateLexical(doc[field], matcher, { seen }).occurrences) slugs.add(o.slug)
  }
  return [...slugs].sort()
}

/** The title a document is listed under ("Utilisé dans" of the term pages). */
export const usageTitle = (collection: GlossaryCollection, doc: Record<string, unknown>): string =>
  collection === 'axes' ? `Axe ${String(doc.number)} : ${String(doc.title)}` : String(doc.title ?? doc.slug ?? '')
