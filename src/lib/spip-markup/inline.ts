/**
 * The inline part of SPIP markup, shared by the comments' HTML rendering and the articles'
 * conversion to Lexical: `{{gras}}`, `{italique}`, `[texte->cible]`, placeholders of extracted
 * zones (code, notes…) and, through `atom`, whatever a caller recognises (HTML tags, media…).
 *
 * Parsing uses a delimiter stack: `{`/`{{`/`<tag>` push a frame, `}`/`}}`/`</tag>` close the
 * innermost compatible one, and frames left open at the end are flattened back into literal text,
 * so the tree is always balanced.
 */

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'br' }
  | { type: 'code'; value: string }
  | { type: 'strong' | 'em'; children: InlineNode[] }
  /** An inline HTML element (sup, del, abbr…): recognised by the caller's `atom`. */
  | { type: 'tag'; tag: string; attrs: Readonly<Record<string, string>>; children: InlineNode[] }
  | { type: 'link'; href: string; children: InlineNode[] }
  /** Anything else a caller produces (a note call, a media, an anchor…). */
  | { type: 'atom'; value: unknown }

/** What `atom` may return at a position: a node, an opening or a closing HTML tag. */
export type AtomMatch =
  | { kind: 'node'; node: InlineNode | null; end: number }
  | { kind: 'open'; tag: string; attrs: Readonly<Record<string, string>>; end: number }
  | { kind: 'close'; tag: string; end: number }

export type InlineOptions = {
  /** The node of the placeholder number `index` (see PH_OPEN), or null to drop it. */
  placeholder: (index: number) => InlineNode | null
  /** Whether `[label->target]` becomes a link; otherwise the whole form stays literal text. */
  acceptLink: (target: string) => boolean
  /** Called on "[" and "<" before anything else. */
  atom?: (s: string, i: number) => AtomMatch | null
  /** Rewrites a link's label before parsing it (e.g. drops SPIP's `|bulle`). */
  linkLabel?: (label: string) => string
  /** Single newlines: a line break (comments) or a space (articles: SPIP joins the lines). */
  newline: 'br' | 'space'
}

/** Private-use characters delimiting placeholders of extracted zones. */
export const PH_OPEN = '\uE000'
export const PH_CLOSE = '\uE001'

export const placeholder = (index: number): string => `${PH_OPEN}${index}${PH_CLOSE}`

/** Maximum nesting of {{ }} / { } / tag spans. Deeper markers stay literal. */
const MAX_INLINE_DEPTH = 12

/**
 * Turns CRLF / CR line endings into LF and removes C0/C1 control characters (except tab and
 * newline) and our placeholder characters.
 */
export function sanitize(input: string): string {
  return input
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000\uE001]/g, '')
}

const LINK_URL_FORBIDDEN = /[\s\uE000\uE001]/

export type LinkMatch = { end: number; label: string; url: string }

/**
 * Returns a function that recognises `[label->url]` at a position holding "[".
 * The label cannot contain brackets (links never nest) and the URL cannot
 * contain whitespace. Positions must be queried in increasing order: the next
 * "]" and "[" are cached so that scanning a whole string stays linear.
 */
export function linkScanner(s: string): (i: number) => LinkMatch | null {
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

type FrameType = 'root' | 'strong' | 'em' | 'tag'
type InlineFrame = {
  type: FrameType
  open: string
  tag?: string
  attrs?: Readonly<Record<string, string>>
  children: InlineNode[]
}

export function pushText(children: InlineNode[], value: string): void {
  if (value === '') return
  const last = children[children.length - 1]
  if (last && last.type === 'text') last.value += value
  else children.push({ type: 'text', value })
}

function hasVisibleContent(nodes: readonly InlineNode[]): boolean {
  return nodes.some((n) => n.type !== 'text' || n.value.trim() !== '')
}

/** Parses a paragraph into inline nodes (see the module comment). */
export function parseInline(s: string, options: InlineOptions): InlineNode[] {
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
    if (frame.type !== 'tag' && !hasVisibleContent(frame.children)) {
      unwind()
      pushText(top().children, closer)
      return
    }
    stack.pop()
    if (frame.type === 'tag') {
      top().children.push({ type: 'tag', tag: frame.tag ?? '', attrs: frame.attrs ?? {}, children: frame.children })
    } else {
      top().children.push({ type: frame.type, children: frame.children })
    }
  }

  const matchLink = linkScanner(s)
  let i = 0
  while (i < s.length) {
    const ch = s[i]
    if (ch === '\n') {
      if (options.newline === 'space') {
        buf += ' '
      } else {
        flush()
        top().children.push({ type: 'br' })
      }
      i++
      continue
    }
    if (ch === PH_OPEN) {
      const end = s.indexOf(PH_CLOSE, i)
      if (end > i) {
        flush()
        const node = options.placeholder(Number(s.slice(i + 1, end)))
        if (node) top().children.push(node)
        i = end + 1
        continue
      }
    }
    if ((ch === '[' || ch === '<') && options.atom) {
      const m = options.atom(s, i)
      if (m) {
        flush()
        if (m.kind === 'node') {
          if (m.node) top().children.push(m.node)
        } else if (m.kind === 'open') {
          if (stack.length > MAX_INLINE_DEPTH) pushText(top().children, s.slice(i, m.end))
          else stack.push({ type: 'tag', tag: m.tag, attrs: m.attrs, open: s.slice(i, m.end), children: [] })
        } else {
          let index = stack.length - 1
          while (index > 0 && !(stack[index].type === 'tag' && stack[index].tag === m.tag)) index--
          if (index === 0) {
            pushText(top().children, s.slice(i, m.end))
          } else {
            while (stack.length - 1 > index) unwind()
            close(s.slice(i, m.end))
          }
        }
        i = m.end
        continue
      }
    }
    if (ch === '[') {
      const link = matchLink(i)
      if (link && options.acceptLink(link.url)) {
        flush()
        const label = (options.linkLabel ? options.linkLabel(link.label) : link.label).trim()
        top().children.push({
          type: 'link',
          href: link.url,
          children: label === '' ? [] : parseInline(label, options),
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
