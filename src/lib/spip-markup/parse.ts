/**
 * SPIP article markup → a tree of blocks (the step before Lexical, see ./lexical.ts).
 *
 * Stages: line endings and `<multi>` → raw zones (`<code>`, `<cadre>`, `[[notes]]`) set aside as
 * placeholders → block containers (`<quote>`, `<poesie>`, raw `<p>`/`<div>`/`<hN>`/`<hr>`) → the
 * line-based constructs of the remaining text (`{{{intertitres}}}`, `-*`/`-#` lists, `| tables |`,
 * `----`, paragraphs, `_ ` line breaks) → inline markup through the parser shared with the
 * comments (./inline.ts). Whatever is not recognised stays text and is counted in the report.
 */
import { type AtomMatch, type InlineNode, type InlineOptions, parseInline, placeholder, sanitize } from './inline'
import type { SpipRefType } from './refs'
import { parseRef } from './refs'

export type ListBlock = { type: 'list'; ordered: boolean; items: ListItem[] }
export type ListItem = { children: InlineNode[]; sublists: ListBlock[] }
export type TableCell = { children: InlineNode[]; header: boolean; colSpan: number }
export type Block =
  | { type: 'p'; children: InlineNode[] }
  | { type: 'heading'; tag: 'h2' | 'h3' | 'h4'; children: InlineNode[] }
  | ListBlock
  | { type: 'table'; caption: string; summary: string; rows: TableCell[][] }
  | { type: 'hr' }
  | { type: 'quote'; children: Block[] }
  | { type: 'poesie'; lines: InlineNode[][] }
  | { type: 'code'; language: string; code: string }
  | { type: 'media'; ref: SpipRefType; id: number; align: '' | 'left' | 'center' | 'right'; raw: string }

/** Inline atoms this parser produces (InlineNode `atom` values). */
export type Atom =
  | { atom: 'note'; index: number }
  | { atom: 'anchor'; name: string }
  | { atom: 'block'; block: Block }

export type Note = { mark: string | null; blocks: Block[] }

export type ParseReport = {
  unknown: Map<string, number>
  approximations: Map<string, number>
  glossary: string[]
}

type Zone =
  | { kind: 'code'; language: string; code: string; block: boolean }
  | { kind: 'note'; raw: string }
  | { kind: 'br' }

export type ParseContext = { zones: Zone[]; notes: Note[]; report: ParseReport }

export const count = (map: Map<string, number>, key: string): void => {
  map.set(key, (map.get(key) ?? 0) + 1)
}

// ---------------------------------------------------------------------------
// <multi>

/** `<multi>[fr]…[en]…</multi>` keeps the French part (else the part without language, else the first). */
export function resolveMulti(s: string): string {
  return s.replace(/<multi>([\s\S]*?)<\/multi>/gi, (_, body: string) => {
    const parts = new Map<string, string>()
    const re = /\[([a-z]{2,3}(?:_[a-z]+)?)\]/gi
    let lang = ''
    let last = 0
    for (const m of body.matchAll(re)) {
      const index = m.index ?? 0
      if (index > last || lang) parts.set(lang, (parts.get(lang) ?? '') + body.slice(last, index))
      lang = m[1].toLowerCase()
      last = index + m[0].length
    }
    parts.set(lang, (parts.get(lang) ?? '') + body.slice(last))
    const pick = parts.get('fr') ?? (parts.get('')?.trim() ? parts.get('') : undefined) ?? [...parts.values()].find((v) => v.trim()) ?? ''
    return pick.trim()
  })
}

// ---------------------------------------------------------------------------
// Raw zones

/** Sets `<code>`, `<cadre>` and `[[notes]]` aside: their content is not SPIP markup (or is parsed apart). */
function protectZones(s: string, ctx: ParseContext): string {
  return s.replace(
    /<(code|cadre|frame)(\s[^>]*)?>([\s\S]*?)<\/\1\s*>|\[\[([\s\S]*?)\]\]/gi,
    (_, tag: string | undefined, attrs: string | undefined, body: string | undefined, note: string | undefined) => {
      if (note !== undefined) {
        ctx.zones.push({ kind: 'note', raw: note })
      } else {
        const language = /class\s*=\s*["']?([\w-]+)/i.exec(attrs ?? '')?.[1] ?? ''
        const code = body ?? ''
        const block = tag?.toLowerCase() !== 'code' || code.includes('\n')
        ctx.zones.push({ kind: 'code', language, code: block ? code.replace(/^[ \t]*\n|\n[ \t]*$/g, '') : code, block })
      }
      return placeholder(ctx.zones.length - 1)
    },
  )
}

// ---------------------------------------------------------------------------
// Inline

const FORMAT_TAGS = new Set(['strong', 'b', 'em', 'i', 'sup', 'sub', 'del', 's', 'strike', 'ins', 'u', 'small', 'big', 'abbr', 'acronym', 'span', 'q', 'cite', 'dfn', 'tt', 'kbd', 'a'])
const MEDIA_RE = /^<(doc|document|img|image|emb)(\d+)((?:\|[^>|]*)*)\s*\/?>/i
const TAG_RE = /^<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/i

function parseAttrs(s: string): Record<string, string> {
  const attrs: Record<string, string> = {}
  for (const m of s.matchAll(/([a-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gi)) {
    attrs[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? ''
  }
  return attrs
}

export function alignOf(options: string): '' | 'left' | 'center' | 'right' {
  const m = /\|(left|center|right|gauche|centre|droite)\b/i.exec(options)
  const v = m?.[1].toLowerCase()
  return v === 'left' || v === 'gauche' ? 'left' : v === 'right' || v === 'droite' ? 'right' : v === 'center' || v === 'centre' ? 'center' : ''
}

function inlineOptions(ctx: ParseContext): InlineOptions {
  const atom = (s: string, i: number): AtomMatch | null => {
    const rest = s.slice(i, i + 2000)
    if (s[i] === '[') {
      const gloss = /^\[\?([^\][#]+)(?:#[^\]]*)?\]/.exec(rest)
      if (gloss) {
        const term = gloss[1].trim()
        ctx.report.glossary.push(term)
        return { kind: 'node', node: { type: 'text', value: term }, end: i + gloss[0].length }
      }
      const anchor = /^\[([\w-]+)<-\]/.exec(rest)
      if (anchor) return { kind: 'node', node: { type: 'atom', value: { atom: 'anchor', name: anchor[1] } satisfies Atom }, end: i + anchor[0].length }
      return null
    }
    const media = MEDIA_RE.exec(rest)
    if (media) {
      const kind = media[1].toLowerCase()
      const ref: SpipRefType = 'document'
      const block: Block = { type: 'media', ref, id: Number(media[2]), align: alignOf(media[3]), raw: media[0] }
      if (kind === 'emb') count(ctx.report.approximations, '<embN> (inséré comme <docN>)')
      return { kind: 'node', node: { type: 'atom', value: { atom: 'block', block } satisfies Atom }, end: i + media[0].length }
    }
    const tag = TAG_RE.exec(rest)
    if (!tag) return null
    const name = tag[2].toLowerCase()
    const end = i + tag[0].length
    if (name === 'br') return { kind: 'node', node: { type: 'br' }, end }
    if (FORMAT_TAGS.has(name)) {
      if (tag[1]) return { kind: 'close', tag: name, end }
      if (tag[4]) return { kind: 'node', node: null, end }
      return { kind: 'open', tag: name, attrs: parseAttrs(tag[3]), end }
    }
    count(ctx.report.unknown, `<${tag[1]}${name}>`)
    return null
  }
  return {
    newline: 'space',
    atom,
    acceptLink: (target) => {
      if (parseRef(target) !== null) return true
      count(ctx.report.unknown, `[->${target}]`)
      return false
    },
    linkLabel: (label) => {
      const bar = label.indexOf('|')
      if (bar < 0) return label
      count(ctx.report.approximations, '[texte|bulle->lien] (bulle perdue)')
      return label.slice(0, bar)
    },
    placeholder: (index) => {
      const zone = ctx.zones[index]
      if (!zone) return null
      if (zone.kind === 'br') return { type: 'br' }
      if (zone.kind === 'note') return { type: 'atom', value: { atom: 'note', index: addNote(zone.raw, ctx) } satisfies Atom }
      if (!zone.block) return { type: 'code', value: zone.code }
      return { type: 'atom', value: { atom: 'block', block: { type: 'code', language: zone.language, code: zone.code } } satisfies Atom }
    },
  }
}

function addNote(raw: string, ctx: ParseContext): number {
  const m = /^\s*<([^>\s]*)>/.exec(raw)
  const mark = m ? m[1] : null
  const text = m ? raw.slice(m[0].length) : raw
  const index = ctx.notes.length
  ctx.notes.push({ mark, blocks: [] })
  ctx.notes[index].blocks = parseBlocks(text, ctx)
  return index
}

export const parseText = (s: string, ctx: ParseContext): InlineNode[] => parseInline(s.trim(), inlineOptions(ctx))

// ---------------------------------------------------------------------------
// Block containers

type Container = { kind: 'root' | 'quote' | 'poesie' | 'heading'; open: string; tag: string; parts: Array<string | Container> }

const BLOCK_TAG_RE = /<(\/?)(quote|poesie|poetry|blockquote|div|p|h[1-6]|hr)\b((?:\s+[a-z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/gi

function append(c: Container, part: string | Container): void {
  const last = c.parts[c.parts.length - 1]
  if (typeof part === 'string' && typeof last === 'string') c.parts[c.parts.length - 1] = last + part
  else c.parts.push(part)
}

function containers(s: string, ctx: ParseContext): Container {
  const root: Container = { kind: 'root', open: '', tag: '', parts: [] }
  const stack = [root]
  const top = (): Container => stack[stack.length - 1]
  /** An unclosed container: its tag goes back as text (reported by the inline parser). */
  const flatten = (frame: Container, close: string): void => {
    append(top(), frame.open)
    for (const part of frame.parts) append(top(), part)
    append(top(), close)
  }
  let last = 0
  for (const m of s.matchAll(BLOCK_TAG_RE)) {
    const index = m.index ?? 0
    append(top(), s.slice(last, index))
    last = index + m[0].length
    const closing = m[1] === '/'
    const name = m[2].toLowerCase()
    if (name === 'div' || name === 'p') {
      // Raw HTML paragraphs and boxes: a paragraph break (a box's class is lost).
      if (name === 'div' && !closing && /class|style|id/i.test(m[3])) count(ctx.report.approximations, '<div class> (encadré rendu en paragraphes)')
      append(top(), '\n\n')
      continue
    }
    if (name === 'hr') {
      append(top(), '\n\n----\n\n')
      continue
    }
    const kind: Container['kind'] = name === 'quote' || name === 'blockquote' ? 'quote' : name === 'poesie' || name === 'poetry' ? 'poesie' : 'heading'
    if (!closing) {
      stack.push({ kind, open: m[0], tag: name, parts: [] })
      continue
    }
    let at = stack.length - 1
    while (at > 0 && stack[at].tag !== name) at--
    if (at === 0) {
      // Left as text: the inline parser reports it.
      append(top(), m[0])
      continue
    }
    while (stack.length - 1 > at) flatten(stack.pop() as Container, '')
    const frame = stack.pop() as Container
    append(top(), frame)
  }
  append(top(), s.slice(last))
  while (stack.length > 1) flatten(stack.pop() as Container, '')
  return root
}

function fromContainer(c: Container, ctx: ParseContext): Block[] {
  const blocks: Block[] = []
  for (const part of c.parts) {
    if (typeof part === 'string') blocks.push(...flow(part, ctx))
    else if (part.kind === 'quote') blocks.push({ type: 'quote', children: fromContainer(part, ctx) })
    else if (part.kind === 'poesie') blocks.push(poesie(part, ctx))
    else {
      const text = part.parts.map((p) => (typeof p === 'string' ? p : '')).join('')
      const level = Number(part.tag.slice(1))
      blocks.push({ type: 'heading', tag: level <= 2 ? 'h2' : level === 3 ? 'h3' : 'h4', children: parseText(text, ctx) })
    }
  }
  return blocks
}

function poesie(c: Container, ctx: ParseContext): Block {
  const text = c.parts.map((p) => (typeof p === 'string' ? p : '')).join('').replace(/^\s*\n|\n\s*$/g, '')
  return { type: 'poesie', lines: text.split('\n').map((line) => parseText(line, ctx)) }
}

// ---------------------------------------------------------------------------
// Line-based constructs

const LIST_RE = /^-([*#]+)\s*(.*)$/
const HR_RE = /^-{4,}\s*$/
const INTERTITRE_RE = /\{\{\{((?:(?!\n[ \t]*\n)[\s\S])*?)\}\}\}/g

function flow(s: string, ctx: ParseContext): Block[] {
  const blocks: Block[] = []
  let last = 0
  for (const m of s.matchAll(INTERTITRE_RE)) {
    const index = m.index ?? 0
    blocks.push(...chunks(s.slice(last, index), ctx))
    blocks.push({ type: 'heading', tag: 'h2', children: parseText(m[1], ctx) })
    last = index + m[0].length
  }
  blocks.push(...chunks(s.slice(last), ctx))
  return blocks
}

/** "_ " at the start of a line is a line break. */
function lineBreaks(s: string, ctx: ParseContext): string {
  return s.replace(/(^|\n)_ +/g, (_, nl: string) => {
    ctx.zones.push({ kind: 'br' })
    return nl + placeholder(ctx.zones.length - 1)
  })
}

type Item = { depth: number; ordered: boolean; text: string }

function chunks(s: string, ctx: ParseContext): Block[] {
  const blocks: Block[] = []
  for (const chunk of lineBreaks(s, ctx).split(/\n[ \t]*\n/)) {
    let para: string[] = []
    let items: Item[] = []
    let rows: string[] = []
    const flushPara = (): void => {
      const text = para.join('\n').trim()
      if (text) blocks.push(...paragraph(text, ctx))
      para = []
    }
    const flushList = (): void => {
      if (items.length) blocks.push(...buildLists(items, ctx))
      items = []
    }
    const flushTable = (): void => {
      if (rows.length) blocks.push(table(rows, ctx))
      rows = []
    }
    for (const line of chunk.split('\n')) {
      const trimmed = line.trim()
      const item = LIST_RE.exec(trimmed)
      if (HR_RE.test(trimmed)) {
        flushPara(), flushList(), flushTable()
        blocks.push({ type: 'hr' })
      } else if (item && !HR_RE.test(trimmed)) {
        flushPara(), flushTable()
        items.push({ depth: item[1].length, ordered: item[1].endsWith('#'), text: item[2] })
      } else if (trimmed.startsWith('|') && trimmed.endsWith('|') && trimmed.length > 1) {
        flushPara(), flushList()
        rows.push(trimmed)
      } else if (items.length && trimmed) {
        // A line after a list item continues it.
        items[items.length - 1].text += `\n${line}`
      } else {
        flushList(), flushTable()
        para.push(line)
      }
    }
    flushPara(), flushList(), flushTable()
  }
  return blocks
}

/** A paragraph; media and block code met inside it are lifted out, splitting it. */
function paragraph(text: string, ctx: ParseContext): Block[] {
  const blocks: Block[] = []
  let current: InlineNode[] = []
  const flush = (): void => {
    // Drop leading/trailing spaces and line breaks left around a lifted block.
    while (current.length && (current[0].type === 'br' || (current[0].type === 'text' && !current[0].value.trim()))) current.shift()
    while (current.length && (current[current.length - 1].type === 'br' || (current[current.length - 1].type === 'text' && !(current[current.length - 1] as { value: string }).value.trim())))
      current.pop()
    const first = current[0]
    const last = current[current.length - 1]
    if (first?.type === 'text') first.value = first.value.trimStart()
    if (last?.type === 'text') last.value = last.value.trimEnd()
    if (current.length) blocks.push({ type: 'p', children: current })
    current = []
  }
  for (const node of parseText(text, ctx)) {
    const atom = node.type === 'atom' ? (node.value as Atom) : null
    if (atom?.atom === 'block') {
      flush()
      blocks.push(atom.block)
    } else {
      current.push(node)
    }
  }
  flush()
  return blocks
}

function buildLists(items: Item[], ctx: ParseContext): ListBlock[] {
  const roots: ListBlock[] = []
  const stack: ListBlock[] = []
  for (const item of items) {
    const depth = Math.min(item.depth, stack.length + 1)
    while (stack.length > depth) stack.pop()
    if (stack.length === depth && stack[depth - 1].ordered !== item.ordered) stack.pop()
    if (stack.length < depth) {
      const list: ListBlock = { type: 'list', ordered: item.ordered, items: [] }
      const parent = stack[stack.length - 1]
      if (parent) {
        if (!parent.items.length) parent.items.push({ children: [], sublists: [] })
        parent.items[parent.items.length - 1].sublists.push(list)
      } else {
        roots.push(list)
      }
      stack.push(list)
    }
    stack[stack.length - 1].items.push({ children: parseText(item.text, ctx), sublists: [] })
  }
  return roots
}

/** Splits a table row on "|" outside [links]. */
function cellsOf(row: string): string[] {
  const inner = row.slice(1, -1)
  const cells: string[] = []
  let depth = 0
  let cell = ''
  for (const ch of inner) {
    if (ch === '[') depth++
    else if (ch === ']') depth = Math.max(0, depth - 1)
    if (ch === '|' && depth === 0) {
      cells.push(cell)
      cell = ''
    } else {
      cell += ch
    }
  }
  cells.push(cell)
  return cells
}

function table(lines: string[], ctx: ParseContext): Block {
  let caption = ''
  let summary = ''
  const rows: TableCell[][] = []
  lines.forEach((line, n) => {
    if (n === 0 && line.startsWith('||') && line.endsWith('||')) {
      const [c, ...rest] = line.slice(2, -2).split('|')
      caption = c.trim()
      summary = rest.join('|').trim()
      return
    }
    const texts = cellsOf(line)
    // SPIP: a first row whose every cell is bold is the header row.
    const header = rows.length === 0 && texts.every((t) => /^\s*\{\{(?!\{)[\s\S]*\}\}\s*$/.test(t))
    const row: TableCell[] = []
    for (const t of texts) {
      const trimmed = t.trim()
      if (trimmed === '<' && row.length) {
        row[row.length - 1].colSpan++
        continue
      }
      if (trimmed === '^') count(ctx.report.unknown, '|^| (fusion verticale)')
      const content = header ? trimmed.replace(/^\{\{([\s\S]*)\}\}$/, '$1') : trimmed
      row.push({ children: parseText(content, ctx), header, colSpan: 1 })
    }
    rows.push(row)
  })
  return { type: 'table', caption, summary, rows }
}

// ---------------------------------------------------------------------------

export function parseBlocks(s: string, ctx: ParseContext): Block[] {
  return fromContainer(containers(s, ctx), ctx)
}

export function parseSpip(text: string): { blocks: Block[]; ctx: ParseContext } {
  const ctx: ParseContext = {
    zones: [],
    notes: [],
    report: { unknown: new Map(), approximations: new Map(), glossary: [] },
  }
  const s = protectZones(resolveMulti(sanitize(text)), ctx)
  return { blocks: parseBlocks(s, ctx), ctx }
}
