import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import {
  type JSXConverters,
  type JSXConvertersFunction,
  RichText as LexicalRichText,
  TextJSXConverter,
} from '@payloadcms/richtext-lexical/react'
import React from 'react'

import { MediaImage } from '@/components/Media'
import type { GlossaryContext } from '@/data/glossary'
import { isSafeLinkUrl } from '@/fields/url'
import { publicPath } from '@/lib/site-paths'
import { paths } from '@/lib/site-paths'
import { slugify } from '@/lib/slug'
import { frenchTypography } from '@/lib/typography'
import { SKIPPED_NODE_TYPES } from '@/plugins/glossary'

import './glossary/glossary.css'

type LinkNode = { fields: { url?: string; linkType?: string; newTab?: boolean; doc?: { relationTo: string; value: unknown } } }

/** Href of a rich-text link: internal documents by their public path; external ones only if safe. */
export function linkHref(node: LinkNode): string | null {
  const { fields } = node
  if (fields.linkType === 'internal' && fields.doc && typeof fields.doc.value === 'object' && fields.doc.value) {
    return publicPath(fields.doc.relationTo, fields.doc.value as { slug?: unknown; breadcrumbs?: unknown })
  }
  const url = fields.url?.trim() ?? ''
  // Lexical's JSX link converter does not sanitise: a javascript: URL must never reach the page.
  return isSafeLinkUrl(url) ? url : null
}

const hasAncestor = (node: { parent?: unknown }, types: string[]): boolean => {
  let current = (node as { parent?: { type?: string; parent?: unknown } }).parent
  while (current) {
    if (current.type && types.includes(current.type)) return true
    current = (current as { parent?: { type?: string; parent?: unknown } }).parent
  }
  return false
}

/** A glossary annotation: the term links to its page, its short definition is a tooltip (CSS in glossary/glossary.css). */
function GlossaryTerm({ slug, id, definition, children }: { slug: string; id: string; definition: string; children: React.ReactNode }) {
  return (
    <span className="glossary-term">
      <a href={paths.term(slug)} aria-describedby={id}>
        <dfn>{children}</dfn>
      </a>
      <span role="tooltip" id={id} className="glossary-popover">
        {frenchTypography(definition)}
      </span>
    </span>
  )
}

type LexNode = { type?: string; text?: string; children?: LexNode[]; fields?: Record<string, unknown>; [k: string]: unknown }

/** Plain text of a node (the id of a heading is the slug of its text, as the SPIP import links it). */
const textOf = (node: LexNode): string => (typeof node.text === 'string' ? node.text : (node.children ?? []).map(textOf).join(''))

type BlockArgs = { node: { fields: Record<string, unknown> } }

type NoteEntry = { node: LexNode; label: string | null; n: number }

/** The footnotes of a text, in order: numbered ones (or with their own mark), then their calls. */
type Notes = { prefix: string; entries: NoteEntry[]; byNode: Map<LexNode, NoteEntry> }

/**
 * Prepares a document for rendering: numbers its footnotes and puts each table caption block
 * into the table that follows it (Lexical tables have no caption).
 */
function prepare(data: { root: LexNode }, id?: string): { data: { root: LexNode }; notes: Notes } {
  const notes: Notes = { prefix: id ?? 'texte', entries: [], byNode: new Map() }
  let counter = 0
  const walk = (node: LexNode): void => {
    if (node.type === 'inlineBlock' && node.fields?.blockType === 'note') {
      const mark = typeof node.fields.mark === 'string' ? node.fields.mark.trim() : ''
      const label = node.fields.unnumbered ? null : mark || String(++counter)
      const entry = { node, label, n: notes.entries.length + 1 }
      notes.entries.push(entry)
      notes.byNode.set(node, entry)
    }
    node.children?.forEach(walk)
  }
  walk(data.root)
  // Several rich texts on a page: without an explicit id, the first note's own id tells them apart.
  const firstId = notes.entries[0]?.node.fields?.id
  if (!id && typeof firstId === 'string' && firstId) notes.prefix = `texte-${firstId.slice(-8)}`
  const source = data.root.children ?? []
  const children: LexNode[] = []
  for (let i = 0; i < source.length; i++) {
    const node = source[i]
    const next = source[i + 1]
    if (node.type === 'block' && node.fields?.blockType === 'tableCaption' && next?.type === 'table') {
      children.push({ ...next, caption: node.fields.caption, summary: node.fields.summary })
      i++
    } else {
      children.push(node)
    }
  }
  return { data: { ...data, root: { ...data.root, children } }, notes }
}

const makeConverters = (glossary?: GlossaryContext, notes?: Notes): JSXConvertersFunction => ({ defaultConverters }) => {
  type LinkArgs = { node: LinkNode & { children: never[] }; nodesToJSX: (a: { nodes: never[] }) => React.ReactNode[] }
  const safeLink = (args: LinkArgs) => {
    const href = linkHref(args.node)
    const children = args.nodesToJSX({ nodes: args.node.children })
    if (!href) return <span>{children}</span>
    const external = /^https?:/i.test(href)
    return (
      <a href={href} {...(args.node.fields.newTab ? { target: '_blank', rel: 'noopener noreferrer' } : external ? { rel: 'noopener' } : {})}>
        {children}
      </a>
    )
  }
  const text = TextJSXConverter.text as Exclude<JSXConverters['text'], React.ReactNode | undefined>
  return {
    ...defaultConverters,
    link: safeLink as unknown as JSXConverters['link'],
    autolink: safeLink as unknown as JSXConverters['autolink'],
    // French typography on prose, never inside code.
    text: (args) => {
      const { node } = args
      const isCode = (node.format & 16) !== 0 || hasAncestor(args as { parent?: unknown }, ['code'])
      if (isCode) return text(args)
      const prose = frenchTypography(node.text)
      // Glossary: first occurrences only unless the site says all (the `seen` set is shared by the
      // page), never in links, headings, code or quotes.
      const matches =
        glossary && !hasAncestor(args as { parent?: unknown }, [...SKIPPED_NODE_TYPES])
          ? glossary.matcher.find(prose, { seen: glossary.seen, exclude: glossary.exclude, firstOnly: glossary.firstOnly })
          : []
      if (!matches.length) return text({ ...args, node: { ...node, text: prose } })
      const parts: React.ReactNode[] = []
      let last = 0
      matches.forEach((m, k) => {
        if (m.start > last) parts.push(<React.Fragment key={`t${k}`}>{text({ ...args, node: { ...node, text: prose.slice(last, m.start) } })}</React.Fragment>)
        const id = `def-${m.entry.slug}-${++glossary!.count.n}`
        parts.push(
          <GlossaryTerm key={`g${k}`} slug={m.entry.slug} id={id} definition={m.entry.shortDefinition ?? ''}>
            {text({ ...args, node: { ...node, text: m.text } })}
          </GlossaryTerm>,
        )
        last = m.end
      })
      if (last < prose.length) parts.push(<React.Fragment key="end">{text({ ...args, node: { ...node, text: prose.slice(last) } })}</React.Fragment>)
      return <>{parts}</>
    },
    // An image in the text keeps its proportions (no variant crop); other files are links.
    upload: ({ node }) => {
      const doc = node.value
      if (!doc || typeof doc !== 'object') return null
      const media = doc as { url?: string | null; filename?: string | null; mimeType?: string | null; caption?: string | null; credit?: string | null }
      if (!media.mimeType?.startsWith('image/')) {
        return media.url ? <a href={media.url}>{media.filename}</a> : null
      }
      // SPIP's <docN|left> alignment, kept in the node's format.
      const align = ['left', 'center', 'right'].includes(String(node.format)) ? String(node.format) : ''
      const legend = [media.caption, media.credit && `© ${media.credit}`].filter(Boolean).join(' — ')
      return (
        <figure className={`rich-media${align ? ` rich-media--${align}` : ''}`}>
          <MediaImage media={doc} size="original" />
          {legend ? <figcaption>{frenchTypography(legend)}</figcaption> : null}
        </figure>
      )
    },
    // The page title is the only h1: an h1 in the body becomes an h2. Its id lets links reach it.
    heading: ({ node, nodesToJSX }) => {
      const Tag = (node.tag === 'h1' ? 'h2' : node.tag) as 'h2'
      const id = slugify(textOf(node as unknown as LexNode))
      return <Tag id={id || undefined}>{nodesToJSX({ nodes: node.children })}</Tag>
    },
    table: ({ node, nodesToJSX }) => {
      const n = node as unknown as LexNode & { caption?: string; summary?: string }
      const rows = (n.children ?? []) as LexNode[]
      const isHead = (row: LexNode) => (row.children ?? []).every((cell) => ((cell.headerState as number) & 1) === 1)
      let headRows = 0
      while (headRows < rows.length - 1 && isHead(rows[headRows])) headRows++
      const summaryId = n.summary ? `${notes?.prefix ?? 'texte'}-tableau-${slugify(n.caption ?? '') || 'resume'}` : undefined
      return (
        <div className="table-scroll">
          <table aria-describedby={summaryId}>
            {n.caption ? <caption>{frenchTypography(n.caption)}</caption> : null}
            {headRows ? <thead>{nodesToJSX({ nodes: rows.slice(0, headRows) as never[] })}</thead> : null}
            <tbody>{nodesToJSX({ nodes: rows.slice(headRows) as never[] })}</tbody>
          </table>
          {n.summary ? <p id={summaryId} className="table-summary">{frenchTypography(n.summary)}</p> : null}
        </div>
      )
    },
    tablerow: ({ node, nodesToJSX }) => <tr>{nodesToJSX({ nodes: node.children })}</tr>,
    tablecell: ({ node, nodesToJSX }) => {
      const state = node.headerState ?? 0
      const span = { colSpan: node.colSpan && node.colSpan > 1 ? node.colSpan : undefined, rowSpan: node.rowSpan && node.rowSpan > 1 ? node.rowSpan : undefined }
      // Cells hold paragraphs; a single one is shown without its <p>.
      const kids = node.children as unknown as LexNode[]
      const content = kids.length === 1 && kids[0].type === 'paragraph' ? nodesToJSX({ nodes: kids[0].children as never[] }) : nodesToJSX({ nodes: node.children })
      if (state & 1) return <th scope="col" {...span}>{content}</th>
      if (state & 2) return <th scope="row" {...span}>{content}</th>
      return <td {...span}>{content}</td>
    },
    blocks: {
      code: ({ node }: BlockArgs) => {
        const { language, code } = node.fields as { language?: string | null; code?: string }
        return (
          <pre className="code-block" data-language={language || undefined}>
            <code>{code}</code>
          </pre>
        )
      },
      // A caption with no table after it (the table was removed): shown as a paragraph.
      tableCaption: ({ node }: BlockArgs) => <p className="table-caption">{frenchTypography(String(node.fields.caption ?? ''))}</p>,
    },
    inlineBlocks: {
      note: ({ node }: BlockArgs) => {
        const entry = notes?.byNode.get(node as unknown as LexNode)
        if (!entry || entry.label === null) return null
        const id = `${notes!.prefix}-note-${entry.n}`
        return (
          <sup className="note-call">
            <a href={`#${id}`} id={`${id}-appel`} aria-describedby={`${notes!.prefix}-notes`}>
              {entry.label}
            </a>
          </sup>
        )
      },
    },
  }
}

/** The footnotes at the end of a text, each with a link back to its call. */
function NotesList({ notes, converters }: { notes: Notes; converters: JSXConvertersFunction }) {
  if (!notes.entries.length) return null
  return (
    <section className="notes" aria-labelledby={`${notes.prefix}-notes`}>
      <h2 id={`${notes.prefix}-notes`}>Notes</h2>
      <ol>
        {notes.entries.map((entry) => {
          const id = `${notes.prefix}-note-${entry.n}`
          const content = entry.node.fields?.content
          return (
            <li key={id} id={id}>
              {entry.label !== null ? (
                <a href={`#${id}-appel`} className="note-back" aria-label={`Retour à l’appel de note ${entry.label}`}>
                  {entry.label}
                </a>
              ) : null}
              {content && typeof content === 'object' && 'root' in content ? (
                <LexicalRichText converters={converters} data={content as SerializedEditorState} disableContainer />
              ) : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}

/**
 * Rich text of the site. `glossary` (from `glossaryFor()`, one per page, shared by all the page's
 * rich texts) annotates the first occurrence of each glossary term (or every one, per the site setting).
 * `id` prefixes the ids of its footnotes (several rich texts may share a page).
 */
export function RichText({ data, className, glossary, id }: { data: unknown; className?: string; glossary?: GlossaryContext; id?: string }) {
  if (!data || typeof data !== 'object' || !('root' in data)) return null
  const prepared = prepare(data as { root: LexNode }, id)
  const converters = makeConverters(glossary, prepared.notes)
  return (
    <div className={className ?? 'prose'}>
      <LexicalRichText converters={converters} data={prepared.data as unknown as SerializedEditorState} disableContainer />
      <NotesList notes={prepared.notes} converters={converters} />
    </div>
  )
}
