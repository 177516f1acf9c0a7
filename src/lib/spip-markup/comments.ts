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

import { type InlineNode, type InlineOptions, linkScanner, parseInline, placeholder, sanitize } from './inline'

// ---------------------------------------------------------------------------
// AST

type BlockNode = { type: 'p'; children: InlineNode[] } | { type: 'quote'; children: BlockNode[] }

// ---------------------------------------------------------------------------
// Helpers

/** Maximum nesting of <quote> blocks. Deeper markers stay literal. */
const MAX_QUOTE_DEPTH = 8

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

const BARE_URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'[\]]+/gi

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
    text += input.slice(pos, open.index) + placeholder(codes.length - 1)
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
      if (cleaned !== '') blocks.push({ type: 'p', children: parseCommentInline(cleaned, codes) })
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

const inlineOptions = (codes: readonly string[]): InlineOptions => ({
  placeholder: (index) => (codes[index] === undefined ? null : { type: 'code', value: codes[index] }),
  acceptLink: isSafeUrl,
  newline: 'br',
})

function parseCommentInline(s: string, codes: readonly string[]): InlineNode[] {
  return parseInline(s, inlineOptions(codes))
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
        out += `<a href="${escapeHtml(node.href)}" rel="nofollow ugc noopener">${node.children.length ? inlineToHtml(node.children) : escapeHtml(node.href)}</a>`
        break
      case 'tag':
      case 'atom':
        // Never produced for comments (no `atom` option).
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
    else if (node.type === 'link' && node.children.length === 0) out += node.href
    else if (node.type !== 'atom') out += inlineToText(node.children)
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
