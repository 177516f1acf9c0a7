/**
 * Safe rendering of the SPIP shortcuts a reader may use in a comment.
 *
 * Everything the user typed is treated as TEXT and HTML-escaped; the only
 * markup ever produced comes from these recognised forms:
 *
 *   {{gras}}              → <strong>gras</strong>
 *   {italique}            → <em>italique</em>
 *   [texte->url]          → <a href="url" rel="nofollow ugc noopener">texte</a>
 *   [->url]               → <a href="url" rel="nofollow ugc noopener">url</a>
 *   <quote>…</quote>      → <blockquote><p>…</p></blockquote> (may nest)
 *   <code>…</code>        → <code>…</code>, content escaped and NOT interpreted
 *   blank line            → new <p> paragraph
 *   single newline        → <br>
 *
 * Links are only produced for `http://`, `https://` and `mailto:` URLs; any
 * other target (javascript:, data:, relative or internal SPIP references such
 * as "art12") leaves the whole `[…->…]` form as plain text. Unclosed or
 * mismatched markers stay literal text: the output HTML is always balanced,
 * by construction (the input is parsed into a tree, then serialised).
 */

// ---------------------------------------------------------------------------
// AST

type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'br' }
  | { type: 'code'; value: string }
  | { type: 'strong' | 'em'; children: InlineNode[] }
  | { type: 'link'; href: string; children: InlineNode[] }

type BlockNode = { type: 'p'; children: InlineNode[] } | { type: 'quote'; children: BlockNode[] }

// ---------------------------------------------------------------------------
// Helpers

/** Private-use characters delimiting the placeholders of extracted <code> blocks. */
const PH_OPEN = '\uE000'
const PH_CLOSE = '\uE001'

/** Maximum nesting of <quote> blocks and of {{ }} / { } spans. Deeper markers stay literal. */
const MAX_QUOTE_DEPTH = 8
const MAX_INLINE_DEPTH = 12

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes the five HTML special characters (safe in text and in quoted attributes). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch)
}

/**
 * Removes characters that have no business in a comment: C0/C1 control
 * characters (except tab and newline), our placeholder characters, and turns
 * CRLF / CR line endings into LF.
 */
function sanitize(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000\uE001]/g, '')
}

const BARE_URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'[\]]+/gi
const LINK_URL_FORBIDDEN = /[\s\uE000\uE001]/

type LinkMatch = { end: number; label: string; url: string }

/**
 * Returns a function that recognises `[label->url]` at a position holding "[".
 * The label cannot contain brackets (links never nest) and the URL cannot
 * contain whitespace. Positions must be queried in increasing order: the next
 * "]" and "[" are cached so that scanning a whole string stays linear.
 */
function linkScanner(s: string): (i: number) => LinkMatch | null {
  let close = -2
  let open = -2
  return (i) => {
    if (close !== -1 && close < i) close = s.indexOf(']', i)
    if (open !== -1 && open <= i) open = s.indexOf('[', i + 1)
    if (close < 0 || (open >= 0 && open < close)) return null
    const inner = s.slice(i + 1, close)
    const sep = inner.indexOf('->')
    if (sep < 0) return null
    const url = inner.slice(sep + 2).trim()
    if (url === '' || LINK_URL_FORBIDDEN.test(url)) return null
    return { end: close + 1, label: inner.slice(0, sep), url }
  }
}

/**
 * Only absolute http(s) URLs with a non-empty authority, and mailto: with an
 * address. Whatever the URL contains, it is HTML-escaped in the href.
 */
const SAFE_URL_RE = /^(?:https?:\/\/[^\s/?#]+(?:[/?#]\S*)?|mailto:[^\s@/?]+@[^\s@/?]+(?:\?\S*)?)$/i

/** True for the link targets spipToHtml accepts: http:, https: and mailto:. */
export function isSafeUrl(url: string): boolean {
  return SAFE_URL_RE.test(url)
}

// ---------------------------------------------------------------------------
// Parsing

/** Replaces each <code>…</code> by a placeholder; returns the raw code contents. */
function extractCode(input: string): { text: string; codes: string[] } {
  const codes: string[] = []
  const openRe = /<code>/gi
  const closeRe = /<\/code>/gi
  let text = ''
  let pos = 0
  for (;;) {
    openRe.lastIndex = pos
    const open = openRe.exec(input)
    if (!open) break
    closeRe.lastIndex = open.index + open[0].length
    const close = closeRe.exec(input)
    // No closing tag after this one: no later <code> can be closed either.
    if (!close) break
    codes.push(input.slice(open.index + open[0].length, close.index))
    text += `${input.slice(pos, open.index)}${PH_OPEN}${codes.length - 1}${PH_CLOSE}`
    pos = close.index + close[0].length
  }
  return { text: text + input.slice(pos), codes }
}

type QuoteFrame = { literal: boolean; open: string; parts: Array<string | QuoteFrame> }

/** Appends a part to a quote container, merging adjacent strings. */
function appendPart(frame: QuoteFrame, part: string | QuoteFrame): void {
  const parts = frame.parts
  const last = parts[parts.length - 1]
  if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part
  else parts.push(part)
}

/** Puts an unmatched quote container back into its parent as literal text. */
function flattenInto(parent: QuoteFrame, frame: QuoteFrame, closeTag: string): void {
  appendPart(parent, frame.open)
  for (const part of frame.parts) appendPart(parent, part)
  appendPart(parent, closeTag)
}

/** Splits the text into nested quote containers; unmatched tags stay text. */
function parseQuotes(text: string): QuoteFrame {
  const root: QuoteFrame = { literal: false, open: '', parts: [] }
  const stack: QuoteFrame[] = [root]
  const top = (): QuoteFrame => stack[stack.length - 1]
  const tagRe = /<(\/?)quote>/gi
  /** Number of real (non-literal) quote frames open. */
  let depth = 0
  let last = 0
  for (const m of text.matchAll(tagRe)) {
    const index = m.index ?? 0
    if (index > last) appendPart(top(), text.slice(last, index))
    last = index + m[0].length
    if (m[1] === '') {
      const literal = depth >= MAX_QUOTE_DEPTH
      if (!literal) depth++
      stack.push({ literal, open: m[0], parts: [] })
    } else if (stack.length > 1) {
      const frame = stack.pop() as QuoteFrame
      if (frame.literal) {
        flattenInto(top(), frame, m[0])
      } else {
        depth--
        appendPart(top(), frame)
      }
    } else {
      appendPart(top(), m[0])
    }
  }
  if (last < text.length) appendPart(top(), text.slice(last))
  // Unclosed <quote>: put back its tag and content as plain text.
  while (stack.length > 1) {
    const frame = stack.pop() as QuoteFrame
    flattenInto(top(), frame, '')
  }
  return root
}

/** Turns a quote container into blocks: text runs are split into paragraphs. */
function buildBlocks(frame: QuoteFrame, codes: readonly string[]): BlockNode[] {
  const blocks: BlockNode[] = []
  let buffer = ''
  const flush = (): void => {
    for (const para of buffer.split(/\n(?:[ \t]*\n)+/)) {
      const cleaned = para
        .split('\n')
        .map((line) => line.trimEnd())
        .join('\n')
        .trim()
      if (cleaned !== '') blocks.push({ type: 'p', children: parseInline(cleaned, codes) })
    }
    buffer = ''
  }
  for (const part of frame.parts) {
    if (typeof part === 'string') {
      buffer += part
      continue
    }
    flush()
    const children = buildBlocks(part, codes)
    if (children.length > 0) blocks.push({ type: 'quote', children })
  }
  flush()
  return blocks
}

type InlineFrame = { type: 'root' | 'strong' | 'em'; open: string; children: InlineNode[] }

function pushText(children: InlineNode[], value: string): void {
  if (value === '') return
  const last = children[children.length - 1]
  if (last && last.type === 'text') last.value += value
  else children.push({ type: 'text', value })
}

function hasVisibleContent(nodes: readonly InlineNode[]): boolean {
  return nodes.some((n) => n.type !== 'text' || n.value.trim() !== '')
}

/**
 * Parses a paragraph into inline nodes with a delimiter stack: `{`/`{{` push a
 * frame, `}`/`}}` close the innermost compatible one, and frames left open at
 * the end are flattened back into literal text.
 */
function parseInline(s: string, codes: readonly string[]): InlineNode[] {
  const root: InlineFrame = { type: 'root', open: '', children: [] }
  const stack: InlineFrame[] = [root]
  const top = (): InlineFrame => stack[stack.length - 1]
  let buf = ''
  const flush = (): void => {
    pushText(top().children, buf)
    buf = ''
  }
  /** Pops the top frame and puts it back as literal text into its parent. */
  const unwind = (): void => {
    const frame = stack.pop() as InlineFrame
    const parent = top().children
    pushText(parent, frame.open)
    for (const child of frame.children) {
      if (child.type === 'text') pushText(parent, child.value)
      else parent.push(child)
    }
  }
  /** Pops the top frame and turns it into an element (or literal text if empty). */
  const close = (closer: string): void => {
    const frame = top()
    if (frame.type === 'root') return
    if (!hasVisibleContent(frame.children)) {
      unwind()
      pushText(top().children, closer)
      return
    }
    stack.pop()
    top().children.push({ type: frame.type, children: frame.children })
  }

  const matchLink = linkScanner(s)
  let i = 0
  while (i < s.length) {
    const ch = s[i]
    if (ch === '\n') {
      flush()
      top().children.push({ type: 'br' })
      i++
      continue
    }
    if (ch === PH_OPEN) {
      const end = s.indexOf(PH_CLOSE, i)
      const code = codes[Number(s.slice(i + 1, end))]
      if (end > i && code !== undefined) {
        flush()
        top().children.push({ type: 'code', value: code })
        i = end + 1
        continue
      }
    }
    if (ch === '[') {
      const link = matchLink(i)
      if (link && isSafeUrl(link.url)) {
        flush()
        const label = link.label.trim()
        top().children.push({
          type: 'link',
          href: link.url,
          children: label === '' ? [{ type: 'text', value: link.url }] : parseInline(label, codes),
        })
        i = link.end
        continue
      }
    }
    if (ch === '{') {
      let run = 1
      while (s[i + run] === '{') run++
      i += run
      flush()
      // "{{{" = bold + italic; any extra leading brace is literal.
      if (run > 3) {
        pushText(top().children, '{'.repeat(run - 3))
        run = 3
      }
      const opens: Array<'strong' | 'em'> = run === 3 ? ['strong', 'em'] : run === 2 ? ['strong'] : ['em']
      for (const type of opens) {
        if (stack.length > MAX_INLINE_DEPTH) pushText(top().children, type === 'strong' ? '{{' : '{')
        else stack.push({ type, open: type === 'strong' ? '{{' : '{', children: [] })
      }
      continue
    }
    if (ch === '}') {
      let run = 1
      while (s[i + run] === '}') run++
      i += run
      flush()
      while (run > 0) {
        const frame = top()
        if (frame.type === 'em') {
          close('}')
          run -= 1
        } else if (frame.type === 'strong' && run >= 2) {
          close('}}')
          run -= 2
        } else if (frame.type === 'strong') {
          // A single "}" inside bold: close the nearest italic below, if any;
          // the frames above it become literal text.
          const emIndex = stack.map((f) => f.type).lastIndexOf('em')
          if (emIndex < 0) break
          while (stack.length - 1 > emIndex) unwind()
          close('}')
          run -= 1
        } else {
          break
        }
      }
      pushText(top().children, '}'.repeat(run))
      continue
    }
    buf += ch
    i++
  }
  flush()
  while (stack.length > 1) unwind()
  return root.children
}

function parse(input: string): BlockNode[] {
  const { text, codes } = extractCode(sanitize(input))
  return buildBlocks(parseQuotes(text), codes)
}

// ---------------------------------------------------------------------------
// Rendering

function inlineToHtml(nodes: readonly InlineNode[]): string {
  let out = ''
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += escapeHtml(node.value)
        break
      case 'br':
        out += '<br>'
        break
      case 'code':
        out += `<code>${escapeHtml(node.value)}</code>`
        break
      case 'strong':
      case 'em':
        out += `<${node.type}>${inlineToHtml(node.children)}</${node.type}>`
        break
      case 'link':
        out += `<a href="${escapeHtml(node.href)}" rel="nofollow ugc noopener">${inlineToHtml(node.children)}</a>`
        break
    }
  }
  return out
}

function blocksToHtml(blocks: readonly BlockNode[]): string {
  return blocks
    .map((b) => (b.type === 'p' ? `<p>${inlineToHtml(b.children)}</p>` : `<blockquote>${blocksToHtml(b.children)}</blockquote>`))
    .join('')
}

function inlineToText(nodes: readonly InlineNode[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') out += node.value
    else if (node.type === 'br') out += '\n'
    else out += inlineToText(node.children)
  }
  return out
}

function blocksToText(blocks: readonly BlockNode[]): string {
  return blocks.map((b) => (b.type === 'p' ? inlineToText(b.children) : blocksToText(b.children))).join('\n\n')
}

// ---------------------------------------------------------------------------
// Public API

/** Converts a comment written with SPIP shortcuts into safe, balanced HTML. */
export function spipToHtml(input: string): string {
  return blocksToHtml(parse(input))
}

/**
 * Plain-text version of a comment: shortcuts are removed (`{{a}}` → "a",
 * `[texte->url]` → "texte", `[->url]` → "url", quote/code tags dropped, their
 * content kept), paragraphs are separated by a blank line. Forms that
 * {@link spipToHtml} leaves literal (unclosed markers, unsafe links) are kept
 * as typed. The result is NOT HTML-escaped.
 */
export function spipToText(input: string): string {
  return blocksToText(parse(input))
}

/**
 * Number of links in a comment, for moderation heuristics: every `[…->…]`
 * form (whatever its target, safe or not) plus every bare URL starting with
 * `http://`, `https://` or `www.` outside those forms.
 */
export function countLinks(input: string): number {
  const text = sanitize(input)
  const matchLink = linkScanner(text)
  let count = 0
  let rest = ''
  let pos = 0
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
    if (i < pos) continue
    const link = matchLink(i)
    if (!link) continue
    count++
    rest += `${text.slice(pos, i)} `
    pos = link.end
  }
  rest += text.slice(pos)
  return count + (rest.match(BARE_URL_RE)?.length ?? 0)
}
