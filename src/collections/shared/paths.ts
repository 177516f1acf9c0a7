import type { CollectionConfig, PayloadRequest } from 'payload'

/** Public route prefix of each collection that has pages of its own. */
export const PUBLIC_PREFIXES = {
  projects: '/projets',
  axes: '/axes',
  themes: '/themes',
  articles: '/articles',
  'glossary-terms': '/glossaire',
} as const

type PathDoc = {
  slug?: unknown
  breadcrumbs?: unknown
}

/** Path of a page from its breadcrumbs ("/le-labo-de-l-ess/presentation"), else from its slug. */
export function pagePath(doc: PathDoc): string | null {
  if (Array.isArray(doc.breadcrumbs) && doc.breadcrumbs.length > 0) {
    const last = doc.breadcrumbs[doc.breadcrumbs.length - 1] as { url?: unknown } | undefined
    if (typeof last?.url === 'string' && last.url.startsWith('/')) return last.url
  }
  return typeof doc.slug === 'string' && doc.slug ? `/${doc.slug}` : null
}

/** Public path of a document: /projets/<slug>, /axes/<slug>, …, or the page's tree path. */
export function publicPath(collection: string, doc: PathDoc): string | null {
  if (collection === 'pages') return pagePath(doc)
  const prefix = PUBLIC_PREFIXES[collection as keyof typeof PUBLIC_PREFIXES]
  if (!prefix || typeof doc.slug !== 'string' || !doc.slug) return null
  return `${prefix}/${doc.slug}`
}

/** Base URL of the public site. */
export function siteURL(req?: PayloadRequest): string {
  const base = process.env.SITE_URL || req?.payload.config.serverURL || ''
  return base.replace(/\/+$/, '')
}

/** The public page of a document in draft mode (/apercu checks the editor's session). */
const previewURL = (collection: string, doc: PathDoc, req?: PayloadRequest): string | null => {
  const path = publicPath(collection, doc)
  return path ? `${siteURL(req)}/apercu?chemin=${encodeURIComponent(path)}` : null
}

/** Live preview (and "Aperçu" button) on the public page of the document being edited. */
export const previewAdmin = (collection: string): Pick<NonNullable<CollectionConfig['admin']>, 'livePreview' | 'preview'> => ({
  livePreview: {
    url: ({ data, req }) => previewURL(collection, data, req),
  },
  preview: (doc, { req }) => previewURL(collection, doc, req),
})
