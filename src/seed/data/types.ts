import type { LexicalDocument } from '../lexical'

/**
 * Seed records refer to each other by natural key (a slug, or a number for axes and themes);
 * src/seed/index.ts resolves the keys to ids when it creates the documents.
 */
export type SlugKey = string

export type SocialLinkSeed = {
  network: 'youtube' | 'twitter' | 'facebook' | 'linkedin' | 'instagram' | 'mastodon' | 'bluesky' | 'autre'
  url: string
}

export type TagSeed = { name: string; slug: SlugKey; kind: 'domaine' | 'mot-cle' }

export type PartnerSeed = {
  name: string
  slug: SlugKey
  kind: ('structure-porteuse' | 'partenaire-national' | 'partenaire-media' | 'financeur' | 'membre')[]
  legalForm: 'association' | 'scop' | 'scic' | 'sas' | 'fondation' | 'collectivite' | 'autre'
  foundedYear?: number
  founder?: string
  description?: LexicalDocument
  address?: { street?: string; postalCode?: string; city?: string; country?: string }
  email?: string
  website?: string
  socialLinks?: SocialLinkSeed[]
}

export type ProjectSeed = {
  title: string
  slug: SlugKey
  summary?: string
  year?: number
  scope?: 'national' | 'regional' | 'local' | 'europeen' | 'international'
  domains?: SlugKey[]
  lever?: string
  programme?: string
  carryingStructure?: SlugKey
  conventionDates?: { date: string; label?: string }[]
  duration?: string
  supportedProject?: LexicalDocument
  context?: LexicalDocument
  structure?: LexicalDocument
  foundationOpinion?: LexicalDocument
  relatedProjects?: SlugKey[]
  contentUpdatedAt?: string
  publishedAt?: string
}

export type ThemeSeed = {
  number: number
  title: string
  body: LexicalDocument
  workingGroup?: { status?: string; note?: string; link?: string; linkLabel?: string }
}

export type AxisSeed = {
  number: number
  title: string
  tagline: string
  keywords: SlugKey[]
  introduction: LexicalDocument
  themesLead: string
  publishedAt: string
  series: 'cahiers-d-esperances'
  parentPage: SlugKey
  themes: ThemeSeed[]
}

export type GlossarySeed = {
  term: string
  slug: SlugKey
  variants: string[]
  shortDefinition: string
  definition?: LexicalDocument
  relatedTerms?: SlugKey[]
}

export type ContentRef =
  | { relationTo: 'articles'; slug: SlugKey }
  | { relationTo: 'projects'; slug: SlugKey }
  | { relationTo: 'axes'; number: number }
  | { relationTo: 'themes'; number: number }

export type ArticleSeed = {
  title: string
  slug: SlugKey
  rubrique: 'on-parle-de-nous' | 'interviews' | 'actualites' | 'publications'
  publishedAt: string
  authors?: string[]
  excerpt?: string
  body: LexicalDocument
  source?: { medium?: string; section?: string; url?: string; label?: string; publishedOn?: string }
  tags?: SlugKey[]
  relatedContent?: ContentRef[]
  commentMode: 'default' | 'a-priori' | 'a-posteriori' | 'closed'
}

export type PageSeed = {
  title: string
  slug: SlugKey
  parent?: SlugKey
  body: LexicalDocument
}

export type MenuItemSeed =
  | { label: string; page: SlugKey }
  | { label: string; url: string }

export type SiteSeed = {
  settings: {
    name: string
    tagline: string
    contact: { address: string; email: string }
    socialLinks: SocialLinkSeed[]
    mediaPartners: SlugKey[]
    defaultCommentMode: 'a-priori' | 'a-posteriori' | 'closed'
  }
  navigation: { header: MenuItemSeed[]; footer: MenuItemSeed[] }
}
