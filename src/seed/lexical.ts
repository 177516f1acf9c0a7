/**
 * Builds Lexical JSON (the format Payload's rich-text fields store) from simple structures, so
 * that the seed data reads like text:
 *
 *   richText(
 *     '## Le contexte',                      // heading (## → h2, ### → h3, #### → h4)
 *     'Un paragraphe avec **du gras**, *de l’italique* et [un lien](https://exemple.org).',
 *     '- premier élément',                   // consecutive "- " lines form one bulleted list
 *     '- second élément',
 *     '1. élément numéroté',                 // consecutive "1. " lines form one numbered list
 *     '> Une citation.',                     // quote
 *   )
 */

type TextFormat = number

export type LexicalTextNode = {
  type: 'text'
  text: string
  format: TextFormat
  detail: 0
  mode: 'normal'
  style: ''
  version: 1
}

export type LexicalLinkNode = {
  type: 'link'
  fields: { linkType: 'custom'; url: string; newTab: boolean }
  children: LexicalTextNode[]
  direction: 'ltr'
  format: ''
  indent: 0
  version: 3
}

type Inline = LexicalTextNode | LexicalLinkNode

export type LexicalElementNode = {
  type: string
  children: (Inline | LexicalElementNode)[]
  direction: 'ltr'
  format: ''
  indent: 0
  version: 1
  [key: string]: unknown
}

export type LexicalDocument = {
  root: {
    type: 'root'
    children: LexicalElementNode[]
    direction: 'ltr'
    format: ''
    indent: 0
    version: 1
  }
}

const BOLD = 1
const ITALIC = 2

const textNode = (text: string, format: TextFormat = 0): LexicalTextNode => ({
  type: 'text',
  text,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const linkNode = (label: string, url: string): LexicalLinkNode => ({
  type: 'link',
  fields: { linkType: 'custom', url, newTab: /^https?:/.test(url) },
  children: parseEmphasis(label) as LexicalTextNode[],
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 3,
})

/** `**bold**` and `*italic*` (not nested) into text nodes. */
function parseEmphasis(text: string): LexicalTextNode[] {
  const nodes: LexicalTextNode[] = []
  const pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*/g
  let last = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) nodes.push(textNode(text.slice(last, m.index)))
    nodes.push(m[1] !== undefined ? textNode(m[1], BOLD) : textNode(m[2]!, ITALIC))
    last = m.index + m[0].length
  }
  if (last < text.length) nodes.push(textNode(text.slice(last)))
  return nodes
}

/** Inline markup: links `[label](url)` and emphasis. */
export function inline(text: string): Inline[] {
  const nodes: Inline[] = []
  const pattern = /\[([^\]]+)\]\(([^)\s]+)\)/g
  let last = 0
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) nodes.push(...parseEmphasis(text.slice(last, m.index)))
    nodes.push(linkNode(m[1]!, m[2]!))
    last = m.index + m[0].length
  }
  if (last < text.length) nodes.push(...parseEmphasis(text.slice(last)))
  return nodes
}

const element = (type: string, children: LexicalElementNode['children'], extra: Record<string, unknown> = {}): LexicalElementNode => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

export const paragraph = (text: string): LexicalElementNode =>
  element('paragraph', inline(text), { textFormat: 0, textStyle: '' })

export const heading = (text: string, tag: 'h2' | 'h3' | 'h4' = 'h2'): LexicalElementNode =>
  element('heading', inline(text), { tag })

export const quote = (text: string): LexicalElementNode => element('quote', inline(text))

export const list = (items: string[], ordered = false): LexicalElementNode =>
  element(
    'list',
    items.map((item, i) => element('listitem', inline(item), { value: i + 1 })),
    { listType: ordered ? 'number' : 'bullet', start: 1, tag: ordered ? 'ol' : 'ul' },
  )

/** A whole rich-text document from blocks (see the module comment for the syntax). */
export function richText(...blocks: string[]): LexicalDocument {
  const children: LexicalElementNode[] = []
  let pending: { ordered: boolean; items: string[] } | null = null
  const flush = () => {
    if (pending) children.push(list(pending.items, pending.ordered))
    pending = null
  }
  for (const block of blocks) {
    const bullet = /^- (.*)$/s.exec(block)
    const numbered = /^\d+\. (.*)$/s.exec(block)
    if (bullet || numbered) {
      const ordered = Boolean(numbered)
      if (pending && pending.ordered !== ordered) flush()
      pending ??= { ordered, items: [] }
      pending.items.push((bullet ?? numbered)![1]!)
      continue
    }
    flush()
    const h = /^(#{2,4}) (.*)$/s.exec(block)
    if (h) {
      children.push(heading(h[2]!, `h${h[1]!.length}` as 'h2' | 'h3' | 'h4'))
    } else if (block.startsWith('> ')) {
      children.push(quote(block.slice(2)))
    } else {
      children.push(paragraph(block))
    }
  }
  flush()
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } }
}

/** The plain text of a Lexical document, one line per block (used by the tests). */
export function plainText(doc: unknown): string {
  const lines: string[] = []
  const textOf = (node: unknown): string => {
    if (!node || typeof node !== 'object') return ''
    const n = node as { text?: unknown; children?: unknown; type?: unknown }
    if (typeof n.text === 'string') return n.text
    if (!Array.isArray(n.children)) return ''
    if (n.type === 'list') {
      n.children.forEach((item) => lines.push(textOf(item)))
      return ''
    }
    return n.children.map(textOf).join('')
  }
  const root = doc && typeof doc === 'object' ? (doc as { root?: { children?: unknown } }).root : undefined
  if (Array.isArray(root?.children)) {
    for (const block of root.children) {
      const text = textOf(block)
      if (text) lines.push(text)
    }
  }
  return lines.join('\n')
}
