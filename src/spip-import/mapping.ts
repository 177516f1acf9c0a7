/**
 * Where each SPIP object goes: the mapping file (`--mapping file.json`) over defaults read from
 * the dump (rubrique and group titles). Pure: no Payload here.
 *
 * {
 *   "articles": {                       // what an article becomes: articles | pages | projects | ignore
 *     "ids": { "27": "projects" },      // one article
 *     "groupes": { "5": "projects" },   // articles linked to a keyword of this group
 *     "rubriques": { "12": "projects" },// articles of this rubrique and its sub-rubriques
 *     "defaut": "articles"
 *   },
 *   "sections": { "5": "on-parle-de-nous" }, // rubrique → section of the articles (no page)
 *   "groupes": { "1": "glossaire", "3": "domaine" }, // keyword group → what its keywords become
 *   "mots": { "20": "programme" }       // one keyword, over its group
 * }
 */
import { decodeHTML } from 'entities'

import { RUBRIQUES } from '../collections/Articles/options'
import { resolveMulti } from '../lib/spip-markup/parse'
import { slugify } from '../lib/slug'
import type { SpipDump } from './read'

export const ARTICLE_TARGETS = ['articles', 'pages', 'projects', 'ignore'] as const
export type ArticleTarget = (typeof ARTICLE_TARGETS)[number]

/** What a keyword becomes: a tag (mot-clé or domaine), a glossary term, a project field, nothing. */
export const MOT_TARGETS = ['mot-cle', 'domaine', 'glossaire', 'perimetre', 'levier', 'programme', 'forme-juridique', 'ignore'] as const
export type MotTarget = (typeof MOT_TARGETS)[number]

export type SpipMapping = {
  articles: { ids: Record<string, ArticleTarget>; groupes: Record<string, ArticleTarget>; rubriques: Record<string, ArticleTarget>; defaut: ArticleTarget }
  sections: Record<string, string>
  groupes: Record<string, MotTarget>
  mots: Record<string, MotTarget>
}

export class MappingError extends Error {
  constructor(message: string) {
    super(`Fichier de correspondance : ${message}`)
    this.name = 'MappingError'
  }
}

/** A SPIP title as plain text: the French part of <multi>, entities decoded, rank prefix "10. " and tags removed. */
export function plainTitle(s: string): string {
  return decodeHTML(resolveMulti(s).replace(/<[^>]+>/g, ''))
    .replace(/^\s*\d+\.\s+/, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
}

const SECTION_BY_SLUG = new Map(RUBRIQUES.map((r) => [slugify(r.label), r.value]))

const GROUP_DEFAULTS: [RegExp, MotTarget][] = [
  [/^glossaires?$/, 'glossaire'],
  [/^domaines?$/, 'domaine'],
  [/^leviers?$/, 'levier'],
  [/^programmes?$/, 'programme'],
  [/^(type-de-partenariat|perimetres?)$/, 'perimetre'],
  [/^forme(s)?-(d-organisation|juridique)s?$/, 'forme-juridique'],
]

function check<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  throw new MappingError(`« ${String(value)} » n’est pas une valeur possible pour ${where} (valeurs : ${allowed.join(', ')}).`)
}

function record<T extends string>(value: unknown, allowed: readonly T[], where: string): Record<string, T> {
  if (value === undefined) return {}
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new MappingError(`${where} doit être un objet { "id": "valeur" }.`)
  const out: Record<string, T> = {}
  for (const [id, v] of Object.entries(value)) {
    if (!/^\d+$/.test(id)) throw new MappingError(`${where} : « ${id} » n’est pas un numéro SPIP.`)
    out[id] = check(v, allowed, `${where}.${id}`)
  }
  return out
}

/** Checks a parsed mapping file; French errors name the faulty entry. */
export type MappingFile = Omit<Partial<SpipMapping>, 'articles'> & { articles?: Partial<SpipMapping['articles']> }

export function parseMapping(input: unknown): MappingFile {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new MappingError('le fichier doit contenir un objet JSON.')
  const o = input as Record<string, unknown>
  for (const key of Object.keys(o)) {
    if (!['articles', 'sections', 'groupes', 'mots'].includes(key)) {
      throw new MappingError(`clé « ${key} » inconnue (clés possibles : articles, sections, groupes, mots).`)
    }
  }
  const a = (o.articles ?? {}) as Record<string, unknown>
  for (const key of Object.keys(a)) {
    if (!['ids', 'groupes', 'rubriques', 'defaut'].includes(key)) {
      throw new MappingError(`clé « articles.${key} » inconnue (clés possibles : ids, groupes, rubriques, defaut).`)
    }
  }
  return {
    articles: {
      ids: record(a.ids, ARTICLE_TARGETS, 'articles.ids'),
      groupes: record(a.groupes, ARTICLE_TARGETS, 'articles.groupes'),
      rubriques: record(a.rubriques, ARTICLE_TARGETS, 'articles.rubriques'),
      ...(a.defaut !== undefined ? { defaut: check(a.defaut, ARTICLE_TARGETS, 'articles.defaut') } : {}),
    },
    sections: record(o.sections, RUBRIQUES.map((r) => r.value), 'sections'),
    groupes: record(o.groupes, MOT_TARGETS, 'groupes'),
    mots: record(o.mots, MOT_TARGETS, 'mots'),
  }
}

/**
 * The defaults, from the dump: the rubrique titled « Projets » holds projects; rubriques titled
 * like an article section (« On parle de nous », « Actualités »…) are that section; groups
 * « Glossaire », « Domaines », « Levier », « Programme », « Type de partenariat » / « Périmètre »,
 * « Forme d’organisation » map to the glossary, domains and project fields; other groups are
 * keywords; every other article is an article.
 */
export function defaultMapping(dump: SpipDump): SpipMapping {
  const mapping: SpipMapping = { articles: { ids: {}, groupes: {}, rubriques: {}, defaut: 'articles' }, sections: {}, groupes: {}, mots: {} }
  for (const r of dump.rubriques) {
    const slug = slugify(plainTitle(r.titre))
    if (slug === 'projets') mapping.articles.rubriques[r.id_rubrique] = 'projects'
    const section = SECTION_BY_SLUG.get(slug)
    if (section) mapping.sections[r.id_rubrique] = section
  }
  for (const g of dump.groupesMots) {
    const slug = slugify(plainTitle(g.titre))
    mapping.groupes[g.id_groupe] = GROUP_DEFAULTS.find(([re]) => re.test(slug))?.[1] ?? 'mot-cle'
  }
  return mapping
}

/** The mapping file over the defaults. */
export function resolveMapping(dump: SpipDump, file?: MappingFile): SpipMapping {
  const m = defaultMapping(dump)
  if (!file) return m
  return {
    articles: {
      ids: { ...m.articles.ids, ...file.articles?.ids },
      groupes: { ...m.articles.groupes, ...file.articles?.groupes },
      rubriques: { ...m.articles.rubriques, ...file.articles?.rubriques },
      defaut: file.articles?.defaut ?? m.articles.defaut,
    },
    sections: { ...m.sections, ...file.sections },
    groupes: { ...m.groupes, ...file.groupes },
    mots: { ...m.mots, ...file.mots },
  }
}

/** Lookups over one dump and its mapping. */
export class Placement {
  private readonly parents = new Map<number, number>()
  private readonly motGroup = new Map<number, number>()
  private readonly articleMots = new Map<number, number[]>()

  constructor(
    readonly dump: SpipDump,
    readonly mapping: SpipMapping,
  ) {
    for (const r of dump.rubriques) this.parents.set(r.id_rubrique, r.id_parent)
    for (const m of dump.mots) this.motGroup.set(m.id_mot, m.id_groupe)
    for (const l of dump.motsLiens) {
      if (l.objet !== 'article') continue
      const list = this.articleMots.get(l.id_objet) ?? []
      list.push(l.id)
      this.articleMots.set(l.id_objet, list)
    }
  }

  /** The rubrique and its ancestors, nearest first. */
  chain(id: number): number[] {
    const out: number[] = []
    for (let r = id; r > 0 && !out.includes(r); r = this.parents.get(r) ?? 0) out.push(r)
    return out
  }

  motsOf(article: number): number[] {
    return this.articleMots.get(article) ?? []
  }

  motTarget(id: number): MotTarget {
    return this.mapping.mots[id] ?? this.mapping.groupes[this.motGroup.get(id) ?? 0] ?? 'mot-cle'
  }

  articleTarget(id: number, rubrique: number): ArticleTarget {
    const a = this.mapping.articles
    if (a.ids[id]) return a.ids[id]
    for (const mot of this.motsOf(id)) {
      const g = this.motGroup.get(mot)
      if (g !== undefined && a.groupes[g]) return a.groupes[g]
    }
    for (const r of this.chain(rubrique)) if (a.rubriques[r]) return a.rubriques[r]
    return a.defaut
  }

  /** The article section of a rubrique (itself or its nearest ancestor that has one). */
  sectionOf(rubrique: number): string | null {
    for (const r of this.chain(rubrique)) if (this.mapping.sections[r]) return this.mapping.sections[r]
    return null
  }

  /** A rubrique is a page of the tree unless it is an article section or holds projects. */
  rubriqueIsPage(id: number): boolean {
    if (this.sectionOf(id)) return false
    return !this.chain(id).some((r) => this.mapping.articles.rubriques[r] === 'projects')
  }

  /** The nearest rubrique (itself or above) that is a page. */
  pageRubriqueOf(id: number): number | null {
    return this.chain(id).find((r) => this.rubriqueIsPage(r)) ?? null
  }
}
