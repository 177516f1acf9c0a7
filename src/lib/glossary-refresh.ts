/**
 * Which public pages a glossary change makes stale. Pure: the callers (hooks of the glossary
 * plugin) fetch the published versions and the texts, this module decides.
 *
 * - A term added, changed or removed: the pages whose text contains it, in its old or its new
 *   spelling (term or variants), found with the same matcher as the annotations, plus the glossary
 *   list, the sitemap and every term page (a term page shows the other terms: annotations of its
 *   definition, related terms, and which term a document "uses" can move from one term to a
 *   longer or shorter one).
 * - A document published, changed, unpublished or deleted: the pages of the terms it uses before
 *   and after ("Utilisé dans"), only those whose list actually changes.
 */
import { buildMatcher, type GlossaryEntry } from './glossary-matcher'
import { paths } from './site-paths'
import { normalizeForMatch } from './text'

/** Next.js route of every term page (revalidatePath with type 'page'). */
export const TERM_PAGES_ROUTE = '/(frontend)/glossaire/[slug]'

/** A document of the site as plain text, with the public paths that show that text. */
export type TextDocument = { paths: string[]; text: string }

/** What the public sees of a term (its published version), or null when it has none. */
export type PublicTerm = GlossaryEntry | null

const signature = (entry: GlossaryEntry): string =>
  JSON.stringify([entry.slug, normalizeForMatch(entry.term), (entry.variants ?? []).map(normalizeForMatch), entry.shortDefinition ?? ''])

/** Whether the annotations of the term (what matches, where it links, its popover) differ. */
export const annotationChanged = (before: PublicTerm, after: PublicTerm): boolean =>
  Boolean(before || after) && (!before || !after || signature(before) !== signature(after))

/** The forms of the term looked for in the texts (old and new spellings), for a prefilter. */
export const termForms = (...entries: PublicTerm[]): string[] => [
  ...new Set(entries.flatMap((e) => (e ? [e.term, ...(e.variants ?? [])] : [])).filter((f) => normalizeForMatch(f) !== '')),
]

/** Paths to refresh after a term changed; `documents`: the candidate texts (a superset is fine). */
export function pathsForTermChange(before: PublicTerm, after: PublicTerm, documents: readonly TextDocument[]): string[] {
  if (!before && !after) return []
  const out = [paths.glossary, '/sitemap.xml', TERM_PAGES_ROUTE]
  if (annotationChanged(before, after)) {
    // Old and new spellings under distinct ids, so that neither hides the other.
    const entries = [before, after].filter((e): e is GlossaryEntry => e !== null).map((e, i) => ({ ...e, id: `${i}` }))
    const matcher = buildMatcher(entries)
    for (const doc of documents) {
      if (doc.paths.length && matcher.find(doc.text, { firstOnly: true }).length > 0) out.push(...doc.paths)
    }
  }
  return [...new Set(out)]
}

/** How a published document appears in the "Utilisé dans" lists: where, under which title, which terms. */
export type DocumentUsage = { path: string | null; title: string; terms: readonly string[] }

/**
 * Term pages to refresh when a document changes: `before`/`after` are its published versions (null
 * when it was not / is no longer public). A term page changes when the document enters or leaves
 * its list, or when the document's line (title, address) changes.
 */
export function termPagesForDocumentChange(before: DocumentUsage | null, after: DocumentUsage | null): string[] {
  const was = new Set(before?.path ? before.terms : [])
  const is = new Set(after?.path ? after.terms : [])
  const lineChanged = before?.path !== after?.path || before?.title !== after?.title
  const slugs = new Set<string>()
  for (const slug of was) if (!is.has(slug) || lineChanged) slugs.add(slug)
  for (const slug of is) if (!was.has(slug) || lineChanged) slugs.add(slug)
  return [...slugs].sort().map(paths.term)
}
