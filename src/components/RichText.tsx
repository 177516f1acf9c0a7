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
import { frenchTypography } from '@/lib/typography'
import { SKIPPED_NODE_TYPES } from '@/plugins/glossary/annotate'

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

const makeConverters = (glossary?: GlossaryContext): JSXConvertersFunction => ({ defaultConverters }) => {
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
      const legend = [media.caption, media.credit && `© ${media.credit}`].filter(Boolean).join(' — ')
      return (
        <figure className="rich-media">
          <MediaImage media={doc} size="original" />
          {legend ? <figcaption>{frenchTypography(legend)}</figcaption> : null}
        </figure>
      )
    },
    // The page title is the only h1: an h1 in the body becomes an h2.
    heading: ({ node, nodesToJSX }) => {
      const Tag = (node.tag === 'h1' ? 'h2' : node.tag) as 'h2'
      return <Tag>{nodesToJSX({ nodes: node.children })}</Tag>
    },
  }
}

const plainConverters = makeConverters()

/**
 * Rich text of the site. `glossary` (from `glossaryFor()`, one per page, shared by all the page's
 * rich texts) annotates the first occurrence of each glossary term (or every one, per the site setting).
 */
export function RichText({ data, className, glossary }: { data: unknown; className?: string; glossary?: GlossaryContext }) {
  if (!data || typeof data !== 'object' || !('root' in data)) return null
  const converters = glossary ? makeConverters(glossary) : plainConverters
  return <LexicalRichText className={className ?? 'prose'} converters={converters} data={data as SerializedEditorState} disableContainer={false} />
}
