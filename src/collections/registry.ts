/**
 * The content model in one place: the collections a visitor reads, where their pages live,
 * whether they have drafts, their rich-text fields and what covers them (glossary, SEO, menus).
 * Pure data, no Payload config: collections, plugins, routes and pages all read it; no other
 * list of these slugs exists. The order is the admin's and the database enums' order.
 */
import type { CollectionSlug } from 'payload'

type Names = { singular: string; plural: string; inThe: string }

type ContentEntry = {
  /** French names: a search result, the search filter. */
  names: Names
  /**
   * Where its documents are read: at `prefix/slug`, at their place in the page tree, or only on
   * a list (partners, who have no page of their own).
   */
  route: { prefix: string } | { tree: true } | { list: string }
  /** Drafts and published versions (`_status`). */
  drafts: boolean
  /** Rich-text fields, in reading order (search, SEO description, SPIP import). */
  richText: readonly string[]
  /** Glossary terms are annotated in its rich text. */
  glossary: boolean
  /** The SEO tab (title, description, image). */
  seo: boolean
  /** A menu entry may point to its documents. */
  menu: boolean
}

export const CONTENT = {
  projects: {
    names: { singular: 'Projet', plural: 'Projets', inThe: 'dans les projets' },
    route: { prefix: '/projets' },
    drafts: true,
    richText: ['supportedProject', 'context', 'structure', 'foundationOpinion'],
    glossary: true,
    seo: true,
    menu: true,
  },
  axes: {
    names: { singular: 'Axe', plural: 'Axes', inThe: 'dans les axes' },
    route: { prefix: '/axes' },
    drafts: true,
    richText: ['introduction'],
    glossary: true,
    seo: true,
    menu: true,
  },
  themes: {
    names: { singular: 'Thème', plural: 'Thèmes', inThe: 'dans les thèmes' },
    route: { prefix: '/themes' },
    drafts: true,
    richText: ['body'],
    glossary: true,
    seo: true,
    menu: true,
  },
  articles: {
    names: { singular: 'Article', plural: 'Articles', inThe: 'dans les articles' },
    route: { prefix: '/articles' },
    drafts: true,
    richText: ['body'],
    glossary: true,
    seo: true,
    menu: true,
  },
  pages: {
    names: { singular: 'Page', plural: 'Pages', inThe: 'dans les pages' },
    route: { tree: true },
    drafts: true,
    richText: ['body'],
    glossary: true,
    seo: true,
    menu: true,
  },
  'glossary-terms': {
    names: { singular: 'Glossaire', plural: 'Glossaire', inThe: 'dans le glossaire' },
    route: { prefix: '/glossaire' },
    drafts: true,
    richText: ['definition'],
    glossary: false,
    seo: true,
    menu: true,
  },
  partners: {
    names: { singular: 'Partenaire', plural: 'Partenaires', inThe: 'parmi les partenaires' },
    route: { list: '/partenaires' },
    drafts: false,
    richText: ['description'],
    glossary: false,
    seo: false,
    menu: false,
  },
} as const satisfies Record<string, ContentEntry>

export type ContentSlug = keyof typeof CONTENT
type Where<K extends keyof ContentEntry, V> = { [S in ContentSlug]: (typeof CONTENT)[S][K] extends V ? S : never }[ContentSlug]

/** Every collection a visitor reads (editorial content). */
export const CONTENT_SLUGS = Object.keys(CONTENT) as ContentSlug[]
const slugsWhere = <S extends ContentSlug>(test: (entry: ContentEntry) => boolean) =>
  CONTENT_SLUGS.filter((slug) => test(CONTENT[slug])) as S[]

export const isContentSlug = (value: unknown): value is ContentSlug =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(CONTENT, value)

/** Collections with drafts. */
export const DRAFT_COLLECTIONS = slugsWhere<Where<'drafts', true>>((e) => e.drafts)
/** Collections with an SEO tab. */
export const SEO_COLLECTIONS = slugsWhere<Where<'seo', true>>((e) => e.seo)
/** Collections whose documents have a page of their own (at a prefix or in the page tree). */
export const PAGE_COLLECTIONS = slugsWhere<Where<'route', { prefix: string } | { tree: true }>>((e) => !('list' in e.route))
/** Documents a menu entry can point to. */
export const MENU_TARGETS = slugsWhere<Where<'menu', true>>((e) => e.menu)
/** Documents rich text may link to or embed. */
export const LINKABLE_COLLECTIONS: CollectionSlug[] = CONTENT_SLUGS

export type GlossaryCollection = Where<'glossary', true>
/** The rich-text fields annotated by the glossary, per collection. */
export const GLOSSARY_FIELDS = Object.fromEntries(
  slugsWhere<GlossaryCollection>((e) => e.glossary).map((slug) => [slug, CONTENT[slug].richText]),
) as { readonly [S in GlossaryCollection]: (typeof CONTENT)[S]['richText'] }

/**
 * Collections whose changes a visitor may see: the content and what it shows (tags, media).
 * Staff data (users, webhooks, jobs, preferences) never is.
 */
export const PUBLIC_COLLECTIONS: CollectionSlug[] = [...CONTENT_SLUGS, 'tags', 'media']
