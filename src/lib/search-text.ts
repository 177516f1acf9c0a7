/**
 * Text for the search index, and excerpts back from it. Pure.
 *
 * - {@link lexicalText}: the plain text of a Lexical rich-text value, one line per block, so that
 *   words of two paragraphs (or list items, or a heading and its paragraph) never run together.
 * - {@link cleanText}: what every indexed string goes through.
 * - {@link excerptHtml}: the HTML of an excerpt from Postgres' `ts_headline`, where matches are
 *   delimited by two private-use characters: everything is escaped, and only `<mark>` is added.
 */

/** Delimiters `ts_headline` puts around matches (private use: never in indexed text). */
export const MATCH_START = '\uE000'
export const MATCH_END = '\uE001'

/** Lexical nodes that end a line of text (block-level). */
const BLOCK_TYPES = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'code', 'table', 'tablerow', 'tablecell', 'horizontalrule'])

/** The plain text of a Lexical value (`{ root: … }`, or a node): one line per block. */
export function lexicalText(data: unknown): string {
  const out: string[] = []
  const walk = (node: unknown, depth: number) => {
    if (!node || typeof node !== 'object' || depth > 100) return
    const n = node as { type?: unknown; text?: unknown; children?: unknown; root?: unknown; fields?: Record<string, unknown> }
    if (n.root && typeof n.root === 'object') return walk(n.root, depth + 1)
    // Blocks: a table's caption, a footnote's text (a rich text of its own).
    if ((n.type === 'block' || n.type === 'inlineBlock') && n.fields) {
      const { caption, content } = n.fields
      if (typeof caption === 'string') out.push(`\n${caption}\n`)
      if (content && typeof content === 'object') {
        out.push(' ')
        walk(content, depth + 1)
      }
      return
    }
    if (n.type === 'linebreak') return void out.push('\n')
    if (n.type === 'tab') return void out.push(' ')
    if (typeof n.text === 'string') out.push(n.text)
    if (Array.isArray(n.children)) for (const child of n.children) walk(child, depth + 1)
    if (typeof n.type === 'string' && BLOCK_TYPES.has(n.type)) out.push('\n')
  }
  walk(data, 0)
  return cleanText(out.join(''))
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000\uE001]/g

/**
 * NFC, no control characters nor match delimiters, spaces collapsed within each line, no blank
 * lines, trimmed.
 */
export function cleanText(text: string | null | undefined): string {
  if (!text) return ''
  return text
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter(Boolean)
    .join('\n')
}

/** Non-empty cleaned parts, one per line. */
export const joinLines = (...parts: (string | null | undefined)[]): string =>
  parts.map(cleanText).filter(Boolean).join('\n')

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

/**
 * Safe HTML from a `ts_headline` result: the text escaped, whitespace collapsed, each match in
 * `<mark>…</mark>` (delimiters always balanced, never nested); "… " first when the passage comes
 * from further into the text.
 */
export function excerptHtml(headline: string | null | undefined, { cutBefore = false }: { cutBefore?: boolean } = {}): string {
  if (!headline?.trim()) return ''
  let html = cutBefore ? '… ' : ''
  let open = false
  for (const part of headline.replace(/\s+/gu, ' ').trim().split(/([\uE000\uE001])/)) {
    if (part === MATCH_START) {
      if (!open) html += '<mark>'
      open = true
    } else if (part === MATCH_END) {
      if (open) html += '</mark>'
      open = false
    } else {
      html += escapeHtml(part)
    }
  }
  if (open) html += '</mark>'
  return html.replace(/<mark><\/mark>/g, '')
}

/** The excerpt as plain text (no markup): for `title` attributes, logs, tests. */
export const excerptText = (headline: string | null | undefined): string =>
  (headline ?? '').replace(/[\uE000\uE001]/g, '').replace(/\s+/gu, ' ').trim()

const frenchNumber = new Intl.NumberFormat('fr-FR')

/**
 * How many results, in French: "Aucun résultat", "1 résultat", "1 000 résultats", or, when the
 * search stopped counting at `total` (`capped`), "Plus de 1 000 résultats".
 */
export function resultCountLabel(total: number, capped = false): string {
  if (capped) return `Plus de ${frenchNumber.format(total)} résultats`
  if (total === 0) return 'Aucun résultat'
  return `${frenchNumber.format(total)} ${total > 1 ? 'résultats' : 'résultat'}`
}
