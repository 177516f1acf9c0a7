/**
 * What the search index holds for a document of each searchable collection. Pure: a document as
 * the Local API returns it (depth 0) in, the row of the index out.
 *
 * Weights, from the most to the least important (Postgres' A to D):
 * - `title` (A, shown): the title as the site shows it ("Axe 4 : Développer");
 * - `keywords` (A, not shown): other names of the document (glossary variants);
 * - `summary` (B, shown): the standfirst, summary, tagline or short definition;
 * - `body` (C, shown): the rich text, as plain text;
 * - `extra` (D, not shown): facts of the card (lever, programme, authors, source, city…).
 * Excerpts are taken from `summary` and `body`.
 */
import { readingPath } from './site-paths'
import { SEARCH_TYPES, type SearchType } from './search-types'
import { cleanText, joinLines, lexicalText } from './search-text'

export type IndexRow = {
  collection: SearchType
  id: number
  title: string
  keywords: string
  summary: string
  body: string
  extra: string
  url: string
  publishedAt: string | null
}

type Doc = Record<string, unknown> & { id?: unknown }

/** Longest body indexed, in characters (a tsvector holds 1 MB at most). */
export const MAX_BODY_LENGTH = 100_000

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '')
const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {})
const arr = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.map(obj) : [])

/** The public address of a document; partners have no page of their own: their list. */
export const searchURL = (collection: SearchType, doc: Doc): string | null =>
  readingPath(collection, doc as { slug?: unknown; breadcrumbs?: unknown })

type Parts = Pick<IndexRow, 'title' | 'keywords' | 'summary' | 'body' | 'extra'>

const EXTRACTORS: Record<SearchType, (doc: Doc) => Parts> = {
  articles: (doc) => {
    const source = obj(doc.source)
    return {
      title: str(doc.title),
      keywords: '',
      summary: str(doc.excerpt),
      body: lexicalText(doc.body),
      extra: joinLines(...arr(doc.authors).map((a) => str(a.name)), str(source.medium), str(source.section)),
    }
  },
  projects: (doc) => ({
    title: str(doc.title),
    keywords: '',
    summary: str(doc.summary),
    body: joinLines(
      lexicalText(doc.supportedProject),
      lexicalText(doc.context),
      lexicalText(doc.structure),
      lexicalText(doc.foundationOpinion),
    ),
    extra: joinLines(str(doc.lever), str(doc.programme), str(doc.duration)),
  }),
  axes: (doc) => ({
    title: str(doc.number) ? `Axe ${str(doc.number)} : ${str(doc.title)}` : str(doc.title),
    keywords: '',
    summary: str(doc.tagline),
    body: lexicalText(doc.introduction),
    extra: str(doc.themesLead),
  }),
  themes: (doc) => {
    const group = obj(doc.workingGroup)
    return {
      title: str(doc.number) ? `Thème ${str(doc.number)} : ${str(doc.title)}` : str(doc.title),
      keywords: '',
      summary: '',
      body: lexicalText(doc.body),
      extra: joinLines(str(group.note), str(group.status)),
    }
  },
  pages: (doc) => ({ title: str(doc.title), keywords: '', summary: '', body: lexicalText(doc.body), extra: '' }),
  'glossary-terms': (doc) => ({
    title: str(doc.term),
    keywords: joinLines(...arr(doc.variants).map((v) => str(v.variant))),
    summary: str(doc.shortDefinition),
    body: lexicalText(doc.definition),
    extra: '',
  }),
  partners: (doc) => {
    const address = obj(doc.address)
    return {
      title: str(doc.name),
      keywords: '',
      summary: '',
      body: lexicalText(doc.description),
      // The legal form's value is a word too: "scop", "association", "collectivite"…
      extra: joinLines(str(doc.legalForm), str(doc.founder), str(address.city)),
    }
  },
}

/**
 * The index row of a document, or null when it cannot be found by a visitor (no id, no title,
 * or no public address). Whether it is published is the caller's business.
 */
export function indexRowOf(collection: SearchType, doc: Doc): IndexRow | null {
  if (!SEARCH_TYPES.includes(collection)) return null
  const id = Number(doc.id)
  if (!Number.isSafeInteger(id)) return null
  const parts = EXTRACTORS[collection](doc)
  const title = cleanText(parts.title).replace(/\n/g, ' ')
  const url = searchURL(collection, doc)
  if (!title || !url) return null
  const publishedAt = str(doc.publishedAt) || null
  return {
    collection,
    id,
    title,
    keywords: cleanText(parts.keywords),
    summary: cleanText(parts.summary),
    body: cleanText(parts.body).slice(0, MAX_BODY_LENGTH),
    extra: cleanText(parts.extra),
    url,
    publishedAt,
  }
}
