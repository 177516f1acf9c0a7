import {
  BlocksFeature,
  BoldFeature,
  EXPERIMENTAL_TableFeature,
  FixedToolbarFeature,
  InlineCodeFeature,
  ItalicFeature,
  lexicalEditor,
  LinkFeature,
  ParagraphFeature,
  RelationshipFeature,
  StrikethroughFeature,
  SubscriptFeature,
  SuperscriptFeature,
  UnderlineFeature,
} from '@payloadcms/richtext-lexical'
import type { Field, RichTextField, RichTextFieldValidation, TextFieldSingleValidation } from 'payload'
import { richText as defaultRichTextValidation } from 'payload/shared'

import { CodeBlock } from '../blocks/Code'
import { createNoteBlock } from '../blocks/Note'
import { TableCaptionBlock } from '../blocks/TableCaption'
import { LINKABLE_COLLECTIONS } from '../collections/registry'
import { MESSAGES } from './messages'
import { isSafeLinkUrl } from './url'

const validateLinkUrl: TextFieldSingleValidation = (value, { siblingData }) => {
  if ((siblingData as { linkType?: string } | undefined)?.linkType === 'internal') return true
  return isSafeLinkUrl(value) ? true : MESSAGES.linkInvalid
}

type LexicalNodeLike = {
  type?: unknown
  fields?: { linkType?: unknown; url?: unknown; content?: { root?: unknown } }
  children?: unknown
}

/** The first link of a Lexical document whose address is not allowed, if any. */
export function findUnsafeLink(value: unknown): string | null {
  const walk = (node: unknown): string | null => {
    if (!node || typeof node !== 'object') return null
    const n = node as LexicalNodeLike
    if (n.type === 'link' || n.type === 'autolink') {
      const url = n.fields?.url
      // Internal links point to a document; an address smuggled next to one is checked too.
      const hasUrl = url !== undefined && url !== null && url !== ''
      if ((n.fields?.linkType !== 'internal' || hasUrl) && !isSafeLinkUrl(url)) return String(url ?? '')
    }
    // A footnote's text is a rich text of its own.
    if ((n.type === 'inlineBlock' || n.type === 'block') && n.fields?.content?.root) {
      const bad = walk(n.fields.content.root)
      if (bad !== null) return bad
    }
    if (Array.isArray(n.children)) {
      for (const child of n.children) {
        const bad = walk(child)
        if (bad !== null) return bad
      }
    }
    return null
  }
  const root = value && typeof value === 'object' ? (value as { root?: unknown }).root : undefined
  return walk(root)
}

const linkFeature = () =>
  LinkFeature({
    enabledCollections: LINKABLE_COLLECTIONS,
    fields: ({ defaultFields }) =>
      defaultFields.map((field) =>
        field.type === 'text' && field.name === 'url' ? { ...field, validate: validateLinkUrl } : field,
      ) as Field[],
  })

/** The text of a footnote: inline formatting and links only. */
const noteEditor = lexicalEditor({
  features: () => [
    ParagraphFeature(),
    BoldFeature(),
    ItalicFeature(),
    UnderlineFeature(),
    StrikethroughFeature(),
    SubscriptFeature(),
    SuperscriptFeature(),
    InlineCodeFeature(),
    linkFeature(),
  ],
})

/**
 * The editor used by every rich-text field: Payload's defaults, with links restricted to
 * http(s), mailto, paths of the site and internal documents; plus tables (with a caption
 * block), code blocks and footnotes, which the SPIP site had.
 */
export const richTextEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [
    ...defaultFeatures.filter((feature) => feature.key !== 'link' && feature.key !== 'relationship'),
    linkFeature(),
    RelationshipFeature({ enabledCollections: LINKABLE_COLLECTIONS }),
    EXPERIMENTAL_TableFeature(),
    BlocksFeature({
      blocks: [CodeBlock, TableCaptionBlock],
      inlineBlocks: [createNoteBlock({ editor: noteEditor, validate: (value, options) => validateRichText(value, options) })],
    }),
    FixedToolbarFeature(),
  ],
})

/**
 * Checks links before Payload's own rich-text validation, whose message for a bad link is a
 * generic English one: a `javascript:` link gets a French, field-level message.
 */
const validateRichText: RichTextFieldValidation = async (value, options) => {
  if (findUnsafeLink(value) !== null) return MESSAGES.linkInvalid
  return defaultRichTextValidation(value, options)
}

type RichTextOptions = {
  name: string
  label: string
  required?: boolean
  description?: string
  admin?: RichTextField['admin']
}

export const richTextField = ({ name, label, required = false, description, admin }: RichTextOptions): RichTextField => ({
  name,
  label,
  type: 'richText',
  required,
  editor: richTextEditor,
  validate: validateRichText,
  admin: { ...(description ? { description } : {}), ...admin },
})
