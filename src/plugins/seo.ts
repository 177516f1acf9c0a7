import { seoPlugin } from '@payloadcms/plugin-seo'
import type { GenerateDescription, GenerateTitle, GenerateURL } from '@payloadcms/plugin-seo/types'
import type { CollectionSlug, Plugin } from 'payload'

import { SEO_COLLECTIONS } from '../collections/registry'
import { absoluteURL, publicPath } from '../lib/site-paths'


const SITE_NAME = 'Le Labo de l’ESS'
const DESCRIPTION_MAX = 160

type SeoDoc = {
  title?: unknown
  term?: unknown
  number?: unknown
  summary?: unknown
  excerpt?: unknown
  shortDefinition?: unknown
  introduction?: unknown
  body?: unknown
  context?: unknown
  slug?: unknown
  breadcrumbs?: unknown
}

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

/** Plain text of a Lexical document (paragraph by paragraph). */
export function lexicalPlainText(value: unknown): string {
  const parts: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { text?: unknown; children?: unknown }
    if (typeof n.text === 'string') parts.push(n.text)
    if (Array.isArray(n.children)) {
      n.children.forEach(walk)
      parts.push(' ')
    }
  }
  walk(value && typeof value === 'object' ? (value as { root?: unknown }).root : undefined)
  return parts.join('').replace(/\s+/g, ' ').trim()
}

/** Cuts at a word boundary and adds an ellipsis: "Convaincu que l’ESS est un moteur…". */
export function truncateText(text: string, max = DESCRIPTION_MAX): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`
}

const headline = (collection: string | undefined, doc: SeoDoc): string => {
  const title = str(doc.title) || str(doc.term)
  if (collection === 'axes' && typeof doc.number === 'number') return `Axe ${doc.number} : ${title}`
  if (collection === 'themes' && typeof doc.number === 'number') return `Thème ${doc.number} : ${title}`
  if (collection === 'glossary-terms') return `${title} : définition`
  return title
}

export const generateTitle: GenerateTitle<SeoDoc> = ({ collectionConfig, doc }) => {
  const title = headline(collectionConfig?.slug, doc)
  return title ? `${title} — ${SITE_NAME}` : SITE_NAME
}

export const generateDescription: GenerateDescription<SeoDoc> = ({ doc }) => {
  const text =
    str(doc.summary) ||
    str(doc.excerpt) ||
    str(doc.shortDefinition) ||
    lexicalPlainText(doc.introduction) ||
    lexicalPlainText(doc.body) ||
    lexicalPlainText(doc.context)
  return truncateText(text.replace(/\s+/g, ' '))
}

export const generateURL: GenerateURL<SeoDoc> = ({ collectionConfig, doc }) => {
  const path = collectionConfig ? publicPath(collectionConfig.slug, doc) : null
  return absoluteURL(path ?? '/')
}

export const seo = (): Plugin =>
  seoPlugin({
    collections: SEO_COLLECTIONS,
    uploadsCollection: 'media',
    tabbedUI: true,
    generateTitle,
    generateDescription,
    generateURL,
  })
