/**
 * Blocks of ./parse.ts → Payload's Lexical JSON (the nodes of src/fields/richText.ts):
 *
 * - intertitres `{{{…}}}` → heading h2 (the site's section level; the page title is the h1);
 * - `-*` / `-#` → list / listitem, nested as Lexical does (a list inside an extra listitem);
 * - `| tables |` → table / tablerow / tablecell (EXPERIMENTAL_TableFeature), a bold first row
 *   → header cells; `||légende|résumé||` → a "tableCaption" block just before the table;
 * - `<quote>` → quote (Lexical quotes hold inline text: paragraphs are joined by two line
 *   breaks, a nested quote is flattened into its parent and reported);
 * - `<poesie>` → a quote whose lines are separated by line breaks: SPIP renders it as a
 *   blockquote of lines, and a quote keeps it editable without a block of its own;
 * - `<code>` on one line → inline code format; multi-line `<code>` and `<cadre>` → "code" block;
 * - `[[notes]]` → "note" inline block at the call (its content an editor state of its own);
 * - `<docN|left>`, `<imgN>`, `<embN>` → upload node (media), alignment in `format`;
 * - `[texte->art12]` → internal link, `[texte->url]` → custom link, `[->#ancre]` → link to the
 *   heading holding `[ancre<-]` (the site gives headings the slug of their text as id).
 */
import { decodeHTML } from 'entities'

import { slugify } from '../slug'
import type { InlineNode } from './inline'
import type { Atom, Block, ListBlock, Note, ParseContext, TableCell } from './parse'
import { count } from './parse'
import type { LinkTarget, SpipRefType } from './refs'
import { parseRef } from './refs'

export type SpipRef = { type: SpipRefType; id: number }

/**
 * What a SPIP reference becomes: an internal link target, a URL, a media (for `<docN>` and
 * the like), or null when it cannot be resolved (the text is kept and the report lists it).
 */
export type ResolvedRef =
  | { relationTo: string; value: number | string; title?: string }
  | { url: string; title?: string }
  | { media: number | string }
  | null

/** `usage` is "link" for `[…->doc5]`, "media" for `<doc5>`. */
export type SpipResolver = (ref: SpipRef, usage: 'link' | 'media') => ResolvedRef

export type SpipReport = {
  /** Tags and shortcuts not understood, kept as text, with their count. */
  unknown: Record<string, number>
  /** References the resolver could not map: the text is kept. */
  broken: Array<{ type: SpipRefType; id: number; usage: 'link' | 'media' }>
  /** `[?terme]` glossary shortcuts seen (the word is kept as text). */
  glossary: string[]
  /** Constructs kept with a loss (a bubble title, a nested quote…), with their count. */
  approximations: Record<string, number>
}

type Json = Record<string, unknown>

const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64 } as const

const TAG_FORMATS: Readonly<Record<string, number>> = {
  strong: FORMAT.bold,
  b: FORMAT.bold,
  em: FORMAT.italic,
  i: FORMAT.italic,
  cite: FORMAT.italic,
  dfn: FORMAT.italic,
  del: FORMAT.strikethrough,
  s: FORMAT.strikethrough,
  strike: FORMAT.strikethrough,
  ins: FORMAT.underline,
  u: FORMAT.underline,
  sub: FORMAT.subscript,
  sup: FORMAT.superscript,
  tt: FORMAT.code,
  kbd: FORMAT.code,
}

const element = (type: string, children: Json[], extra: Json = {}): Json => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})

const text = (value: string, format: number): Json => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const linebreak = (): Json => ({ type: 'linebreak', version: 1 })
const paragraph = (children: Json[]): Json => element('paragraph', children, { textFormat: 0, textStyle: '' })

export const editorState = (children: Json[]): Json => ({
  root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 },
})

/** Adjacent text nodes of the same format become one, as Lexical normalises them. */
function mergeTexts(nodes: Json[]): Json[] {
  const out: Json[] = []
  for (const n of nodes) {
    const last = out[out.length - 1]
    if (n.type === 'text' && last?.type === 'text' && last.format === n.format) out[out.length - 1] = { ...last, text: `${last.text}${n.text}` }
    else out.push(n)
  }
  // Spaces around a line break (a newline after "<br />") are not content.
  return out.flatMap((n, i) => {
    if (n.type !== 'text') return [n]
    let value = n.text as string
    if (out[i - 1]?.type === 'linebreak') value = value.trimStart()
    if (out[i + 1]?.type === 'linebreak') value = value.trimEnd()
    return value ? [{ ...n, text: value }] : []
  })
}

/** Text content of serialized inline nodes. */
const plain = (nodes: readonly Json[]): string =>
  nodes.map((n) => (typeof n.text === 'string' ? n.text : Array.isArray(n.children) ? plain(n.children as Json[]) : '')).join('')

export class Serializer {
  private ids = 0
  private readonly anchors = new Map<string, string>()
  private readonly anchorLinks: Array<{ name: string; fields: Json }> = []
  private readonly broken: SpipReport['broken'] = []

  constructor(
    private readonly ctx: ParseContext,
    private readonly resolve: SpipResolver,
  ) {}

  /** Ids of blocks and uploads: deterministic, 24 hex digits like Payload's. */
  private id(): string {
    this.ids++
    return `5b1d${this.ids.toString(16).padStart(20, '0')}`
  }

  document(blocks: readonly Block[]): { root: Json; report: SpipReport } {
    const children = this.blocks(blocks)
    for (const { name, fields } of this.anchorLinks) {
      const id = this.anchors.get(name)
      if (id) fields.url = `#${id}`
      else count(this.ctx.report.approximations, `[->#${name}] (ancre introuvable)`)
    }
    const { unknown, approximations, glossary } = this.ctx.report
    return {
      root: editorState(children),
      report: {
        unknown: Object.fromEntries(unknown),
        broken: this.broken,
        glossary,
        approximations: Object.fromEntries(approximations),
      },
    }
  }

  blocks(blocks: readonly Block[]): Json[] {
    return blocks.flatMap((b) => this.block(b))
  }

  private block(b: Block): Json[] {
    switch (b.type) {
      case 'p':
        return [paragraph(this.inline(b.children))]
      case 'heading': {
        const children = this.inline(b.children)
        const anchors = this.anchorsIn(b.children)
        const id = slugify(plain(children))
        for (const name of anchors) this.anchors.set(name, id || name)
        return [element('heading', children, { tag: b.tag })]
      }
      case 'list':
        return [this.list(b, 0)]
      case 'table':
        return this.table(b)
      case 'hr':
        return [{ type: 'horizontalrule', version: 1 }]
      case 'quote':
        return this.quote(b.children)
      case 'poesie':
        return [element('quote', this.lines(b.lines))]
      case 'code':
        return [{ type: 'block', version: 2, format: '', fields: { id: this.id(), blockName: '', blockType: 'code', language: b.language, code: b.code } }]
      case 'media': {
        const r = this.resolve({ type: b.ref, id: b.id }, 'media')
        if (r && 'media' in r) {
          return [{ type: 'upload', version: 3, format: b.align, id: this.id(), fields: {}, relationTo: 'media', value: r.media }]
        }
        this.broken.push({ type: b.ref, id: b.id, usage: 'media' })
        return [paragraph([text(b.raw, 0)])]
      }
    }
  }

  private lines(lines: readonly InlineNode[][]): Json[] {
    const out: Json[] = []
    lines.forEach((line, n) => {
      if (n > 0) out.push(linebreak())
      out.push(...this.inline(line))
    })
    return out
  }

  /** A quote holds inline nodes only: paragraphs joined by two line breaks, other blocks split it. */
  private quote(children: readonly Block[]): Json[] {
    const out: Json[] = []
    let current: Json[] = []
    const add = (nodes: Json[]): void => {
      if (!nodes.length) return
      if (current.length) current.push(linebreak(), linebreak())
      current.push(...nodes)
    }
    const flush = (): void => {
      if (current.length) out.push(element('quote', current))
      current = []
    }
    const walk = (blocks: readonly Block[]): void => {
      for (const b of blocks) {
        if (b.type === 'p') add(this.inline(b.children))
        else if (b.type === 'poesie') add(this.lines(b.lines))
        else if (b.type === 'quote') {
          count(this.ctx.report.approximations, '<quote> imbriquée (fondue dans la citation)')
          walk(b.children)
        } else {
          flush()
          out.push(...this.block(b))
        }
      }
    }
    walk(children)
    flush()
    return out
  }

  private list(list: ListBlock, depth: number): Json {
    const items: Json[] = []
    let value = 1
    for (const item of list.items) {
      if (item.children.length || !item.sublists.length) {
        items.push(element('listitem', this.inline(item.children), { value, indent: depth }))
        value++
      }
      for (const sub of item.sublists) items.push(element('listitem', [this.list(sub, depth + 1)], { value }))
    }
    return element('list', items, { listType: list.ordered ? 'number' : 'bullet', start: 1, tag: list.ordered ? 'ol' : 'ul' })
  }

  private table(t: Extract<Block, { type: 'table' }>): Json[] {
    const out: Json[] = []
    if (t.caption || t.summary) {
      out.push({
        type: 'block',
        version: 2,
        format: '',
        fields: { id: this.id(), blockName: '', blockType: 'tableCaption', caption: decodeHTML(t.caption), summary: decodeHTML(t.summary) },
      })
    }
    const cell = (c: TableCell): Json =>
      element('tablecell', [paragraph(this.inline(c.children))], { headerState: c.header ? 1 : 0, colSpan: c.colSpan, rowSpan: 1, backgroundColor: null })
    out.push(element('table', t.rows.map((row) => element('tablerow', row.map(cell)))))
    return out
  }

  private anchorsIn(nodes: readonly InlineNode[]): string[] {
    const names: string[] = []
    for (const n of nodes) {
      if (n.type === 'atom' && (n.value as Atom).atom === 'anchor') names.push((n.value as Extract<Atom, { atom: 'anchor' }>).name)
      else if ('children' in n) names.push(...this.anchorsIn(n.children))
    }
    return names
  }

  inline(nodes: readonly InlineNode[], format = 0, inLink = false): Json[] {
    return mergeTexts(this.inlineNodes(nodes, format, inLink))
  }

  private inlineNodes(nodes: readonly InlineNode[], format: number, inLink: boolean): Json[] {
    const out: Json[] = []
    for (const n of nodes) {
      switch (n.type) {
        case 'text': {
          const value = decodeHTML(n.value)
          if (value) out.push(text(value, format))
          break
        }
        case 'br':
          out.push(linebreak())
          break
        case 'code':
          out.push(text(n.value, format | FORMAT.code))
          break
        case 'strong':
          out.push(...this.inline(n.children, format | FORMAT.bold, inLink))
          break
        case 'em':
          out.push(...this.inline(n.children, format | FORMAT.italic, inLink))
          break
        case 'tag':
          out.push(...this.tag(n, format, inLink))
          break
        case 'link':
          out.push(...this.link(n.href, n.children, format, inLink))
          break
        case 'atom':
          out.push(...this.atom(n.value as Atom))
          break
      }
    }
    return out
  }

  private tag(n: Extract<InlineNode, { type: 'tag' }>, format: number, inLink: boolean): Json[] {
    if (n.tag === 'a') {
      const href = n.attrs.href
      if (n.attrs.title) count(this.ctx.report.approximations, '<a title> (bulle perdue)')
      if (href && parseRef(href)) return this.link(href, n.children, format, inLink)
      count(this.ctx.report.approximations, '<a> sans lien reconnu (texte gardé)')
      return this.inline(n.children, format, inLink)
    }
    if (n.tag === 'abbr' || n.tag === 'acronym') {
      if (n.attrs.title) count(this.ctx.report.approximations, `<${n.tag} title> (titre perdu)`)
    } else if (!(n.tag in TAG_FORMATS)) {
      count(this.ctx.report.approximations, `<${n.tag}> (texte gardé sans mise en forme)`)
    }
    return this.inline(n.children, format | (TAG_FORMATS[n.tag] ?? 0), inLink)
  }

  private link(href: string, children: readonly InlineNode[], format: number, inLink: boolean): Json[] {
    const target = parseRef(href) as LinkTarget
    const label = this.inline(children, format, true)
    // Links do not nest in Lexical: an inner link keeps its text only.
    if (inLink) return label
    const make = (fields: Json, fallback: string): Json[] => [
      { type: 'link', version: 3, fields, children: label.length ? label : [text(fallback, format)], direction: 'ltr', format: '', indent: 0 },
    ]
    if (target.kind === 'url') return make({ linkType: 'custom', url: target.url, newTab: false }, target.url.replace(/^mailto:/i, ''))
    if (target.kind === 'anchor') {
      const fields: Json = { linkType: 'custom', url: `#${target.name}`, newTab: false }
      this.anchorLinks.push({ name: target.name, fields })
      return make(fields, target.name)
    }
    const r = this.resolve({ type: target.type, id: target.id }, 'link')
    if (r && 'relationTo' in r) {
      return make({ linkType: 'internal', doc: { relationTo: r.relationTo, value: r.value }, newTab: false }, r.title ?? href)
    }
    if (r && 'url' in r) return make({ linkType: 'custom', url: r.url + target.hash, newTab: false }, r.title ?? href)
    this.broken.push({ type: target.type, id: target.id, usage: 'link' })
    return label.length ? label : [text(`[->${href}]`, format)]
  }

  private atom(a: Atom): Json[] {
    if (a.atom === 'anchor') return []
    if (a.atom === 'note') return [this.note(this.ctx.notes[a.index])]
    // A block met inline (inside a list item, a heading, a cell): kept as its source text.
    count(this.ctx.report.approximations, `${a.block.type} dans une ligne (gardé en texte)`)
    return a.block.type === 'media' ? [text(a.block.raw, 0)] : a.block.type === 'code' ? [text(a.block.code, FORMAT.code)] : []
  }

  private note(note: Note): Json {
    return {
      type: 'inlineBlock',
      version: 1,
      fields: {
        id: this.id(),
        blockName: '',
        blockType: 'note',
        mark: note.mark ?? '',
        unnumbered: note.mark === '',
        content: editorState(this.blocks(note.blocks)),
      },
    }
  }
}
