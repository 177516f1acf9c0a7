/**
 * Hooks that refresh exactly the public pages a glossary change makes stale (the decisions are
 * pure, in src/lib/glossary-refresh.ts):
 *
 * - on glossary terms: the pages whose text contains the term (old and new spellings), found in
 *   the search index (`search.documents`, plain text of every published document) with the same
 *   matcher as the annotations, plus /glossaire, the sitemap and the term pages;
 * - on annotated documents: the pages of the terms the document uses, before and after.
 *
 * "Before" is the version the public saw: the main version read from the database in
 * beforeChange (with drafts, Payload's `previousDoc` is the latest draft, not the published one).
 * A failure here is logged and never loses the editor's change.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionSlug, Payload, PayloadRequest } from 'payload'

import { isPublicVersion } from '../../lib/publication'
import { publicPath } from '../../lib/site-paths'
import type { GlossaryId, Matcher } from '../../lib/glossary-matcher'
import {
  annotationChanged,
  pathsForTermChange,
  termForms,
  termPagesForDocumentChange,
  type DocumentUsage,
  type PublicTerm,
  type TextDocument,
} from '../../lib/glossary-refresh'
import { normalizeForMatch } from '../../lib/text'
import { EVERYTHING } from '../../lib/page-refresh'
import { SKIP_PAGE_REFRESH } from '../shared/refresh'
import { documentsContaining } from '../search'
import { usageTitle, usedTermSlugs, type GlossaryCollection } from './annotate'
import { getGlossaryMatcher, invalidateGlossary } from './loader'

/** Refreshes public paths; `*` stands for the whole site, a path with `[…]` for a route pattern. */
export type Revalidate = (paths: string[], payload: Payload, req?: PayloadRequest) => Promise<void>

type Doc = Record<string, unknown> & { id: number | string; _status?: unknown; deletedAt?: unknown }

const stashKey = (collection: string, id: unknown) => `glossary:published-before:${collection}:${String(id)}`

/** The main version of a document, what the public reads (a draft save leaves it untouched). */
async function mainVersion(req: PayloadRequest, collection: string, id: number | string): Promise<Doc | null> {
  const doc = await req.payload.db.findOne({ collection: collection as CollectionSlug, where: { id: { equals: id } }, req })
  return (doc as Doc | null) ?? null
}

const publicVersion = (doc: unknown): Doc | null => {
  const d = doc as Doc | null | undefined
  return d && isPublicVersion(d, true) ? d : null
}

const report = (payload: Payload, err: unknown, what: string) =>
  payload.logger.error({ err, msg: `glossary: could not refresh the pages (${what})` })

/** beforeChange: remembers the published version, for the afterChange hooks below. */
export const rememberPublished: CollectionBeforeChangeHook = async ({ collection, context, data, operation, originalDoc, req }) => {
  if (context?.[SKIP_PAGE_REFRESH]) return data
  if (operation === 'update' && originalDoc?.id !== undefined) {
    try {
      context[stashKey(collection.slug, originalDoc.id)] = publicVersion(await mainVersion(req, collection.slug, originalDoc.id))
    } catch (err) {
      report(req.payload, err, `reading ${collection.slug} ${String(originalDoc.id)}`)
    }
  }
  return data
}

/** The published versions before and after a change (null: not public). */
async function versions(req: PayloadRequest, collection: string, doc: Doc, context: Record<string, unknown>) {
  const before = (context[stashKey(collection, doc.id)] as Doc | null | undefined) ?? null
  let after: Doc | null
  if (publicVersion(doc)) after = doc
  // Not published before, and not published by this save: the public sees no change.
  else if (!before) after = null
  // A draft saved over a published document leaves it public; unpublishing does not.
  else after = publicVersion(await mainVersion(req, collection, doc.id))
  return { before, after }
}


// --- annotated documents -------------------------------------------------------------------

const usageOf = (collection: GlossaryCollection, doc: Doc | null, matcher: Matcher): DocumentUsage | null =>
  doc
    ? {
        path: publicPath(collection, doc as { slug?: unknown; breadcrumbs?: unknown }),
        title: usageTitle(collection, doc),
        terms: usedTermSlugs(collection, doc, matcher),
      }
    : null

export const documentAfterChange =
  (collection: GlossaryCollection, revalidate: Revalidate): CollectionAfterChangeHook =>
  async ({ context, doc, req }) => {
    if (context?.[SKIP_PAGE_REFRESH]) return doc
    try {
      const { before, after } = await versions(req, collection, doc as Doc, context)
      if (!before && !after) return doc
      const matcher = await getGlossaryMatcher(req.payload)
      await revalidate(termPagesForDocumentChange(usageOf(collection, before, matcher), usageOf(collection, after, matcher)), req.payload, req)
    } catch (err) {
      report(req.payload, err, `${collection} ${String(doc.id)} changed`)
    }
    return doc
  }

export const documentAfterDelete =
  (collection: GlossaryCollection, revalidate: Revalidate): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    try {
      const before = publicVersion(doc)
      if (!before) return doc
      const matcher = await getGlossaryMatcher(req.payload)
      await revalidate(termPagesForDocumentChange(usageOf(collection, before, matcher), null), req.payload, req)
    } catch (err) {
      report(req.payload, err, `${collection} ${String(doc.id)} deleted`)
    }
    return doc
  }

// --- glossary terms ------------------------------------------------------------------------

const entryOf = (doc: Doc | null): PublicTerm =>
  doc && typeof doc.term === 'string' && typeof doc.slug === 'string'
    ? {
        id: doc.id as GlossaryId,
        slug: doc.slug,
        term: doc.term,
        variants: (Array.isArray(doc.variants) ? (doc.variants as { variant?: unknown }[]) : [])
          .map((v) => v.variant)
          .filter((v): v is string => typeof v === 'string' && v !== ''),
        shortDefinition: typeof doc.shortDefinition === 'string' ? doc.shortDefinition : '',
      }
    : null

/** Letters and digits of a form, folded as the matcher folds them: a prefilter needs them all. */
const wordsOf = (form: string): string[] => normalizeForMatch(form).split(/[^\p{L}\p{N}]+/u).filter(Boolean)

/**
 * Published documents of the annotated collections whose indexed text may contain one of the
 * forms (every word of the form appears in the lower-cased, unaccented text: a superset of what
 * the matcher finds), with the public paths that show that text. Null when there is no search
 * index to read (the caller refreshes everything then).
 */
export async function candidateDocuments(
  req: PayloadRequest,
  forms: readonly string[],
  collections: readonly GlossaryCollection[],
): Promise<TextDocument[] | null> {
  const found = await documentsContaining(req.payload, forms.map(wordsOf), collections, req)
  if (found === null) return null
  const documents = found.map((d) => ({ collection: d.collection, id: d.id, paths: [d.url], text: d.body }))
  // A theme's text also shows on its axis' page.
  const themes = documents.filter((d) => d.collection === 'themes')
  if (themes.length) {
    const { docs } = await req.payload.find({
      collection: 'themes',
      where: { id: { in: themes.map((t) => t.id) } },
      select: { axis: true },
      depth: 1,
      draft: false,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const theme of docs) {
      const axis = typeof theme.axis === 'object' && theme.axis ? theme.axis : null
      const path = axis && axis._status === 'published' ? publicPath('axes', axis) : null
      if (path) themes.find((t) => t.id === theme.id)?.paths.push(path)
    }
  }
  return documents
}

async function refreshTerm(req: PayloadRequest, before: PublicTerm, after: PublicTerm, collections: readonly GlossaryCollection[], revalidate: Revalidate) {
  if (!before && !after) return
  const documents = annotationChanged(before, after) ? await candidateDocuments(req, termForms(before, after), collections) : []
  await revalidate(documents === null ? [EVERYTHING] : pathsForTermChange(before, after, documents), req.payload, req)
}

export const termAfterChange =
  (collections: readonly GlossaryCollection[], revalidate: Revalidate): CollectionAfterChangeHook =>
  async ({ collection, context, doc, req }) => {
    invalidateGlossary()
    if (context?.[SKIP_PAGE_REFRESH]) return doc
    try {
      const { before, after } = await versions(req, collection.slug, doc as Doc, context)
      await refreshTerm(req, entryOf(before), entryOf(after), collections, revalidate)
    } catch (err) {
      report(req.payload, err, `glossary term ${String(doc.id)} changed`)
    }
    return doc
  }

export const termAfterDelete =
  (collections: readonly GlossaryCollection[], revalidate: Revalidate): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    invalidateGlossary()
    try {
      await refreshTerm(req, entryOf(publicVersion(doc)), null, collections, revalidate)
    } catch (err) {
      report(req.payload, err, `glossary term ${String(doc.id)} deleted`)
    }
    return doc
  }
