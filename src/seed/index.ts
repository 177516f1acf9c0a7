/**
 * Loads the demo content: everything the five seed pages show (src/seed/data). Called by
 * `npm run seed` and by `npm start` on every start, so it is idempotent and never overwrites an
 * editor's work:
 *
 * - each seed document has a natural key (a slug, or the number of an axis or a theme);
 * - a document is created only if the seed never created it before (remembered in Payload's
 *   key-value store) and no document with that key exists (one that does is adopted as is);
 * - so a seed document an editor renamed or deleted is not created again, and two runs create
 *   nothing the second time.
 */
import type { CollectionSlug, GlobalSlug, Payload, RequiredDataFromCollectionSlug, Where } from 'payload'

import { slugify } from '../lib/slug'
import { articles } from './data/articles'
import { axes } from './data/axes'
import { glossary } from './data/glossary'
import { pages } from './data/pages'
import { partners } from './data/partners'
import { projects } from './data/projects'
import { site } from './data/site'
import { tags } from './data/tags'
import type { ContentRef, MenuItemSeed } from './data/types'

const KV_PREFIX = 'seed:'

type Id = number

const keyWhere = (collection: CollectionSlug, key: string): Where =>
  collection === 'axes' || collection === 'themes' ? { number: { equals: Number(key) } } : { slug: { equals: key } }

class Seeder {
  created = 0
  private readonly ids = new Map<string, Id | null>()

  constructor(private readonly payload: Payload) {}

  private async exists(collection: CollectionSlug, id: Id): Promise<boolean> {
    const { totalDocs } = await this.payload.count({ collection, where: { id: { equals: id } }, overrideAccess: true })
    return totalDocs > 0
  }

  private async findByKey(collection: CollectionSlug, key: string): Promise<Id | undefined> {
    const { docs } = await this.payload.find({
      collection,
      where: keyWhere(collection, key),
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    return docs[0] ? Number(docs[0].id) : undefined
  }

  /** The id of a seed document (by natural key), if it still exists. */
  async idOf(collection: CollectionSlug, key: string): Promise<Id | undefined> {
    const cacheKey = `${collection}:${key}`
    if (this.ids.has(cacheKey)) return this.ids.get(cacheKey) ?? undefined
    const stored = await this.payload.kv.get<{ id: Id }>(`${KV_PREFIX}${cacheKey}`)
    let id: Id | undefined
    if (stored && (await this.exists(collection, stored.id))) id = stored.id
    else if (!stored) id = await this.findByKey(collection, key)
    this.ids.set(cacheKey, id ?? null)
    return id
  }

  /** Ids of the documents that still exist, in order. */
  async idsOf(collection: CollectionSlug, keys: readonly (string | number)[] = []): Promise<Id[]> {
    const ids = await Promise.all(keys.map((key) => this.idOf(collection, String(key))))
    return ids.filter((id): id is Id => id !== undefined)
  }

  /** Creates the document unless the seed created it before or one with its key exists. */
  async ensure<S extends CollectionSlug>(
    collection: S,
    key: string | number,
    build: () => Promise<RequiredDataFromCollectionSlug<S>> | RequiredDataFromCollectionSlug<S>,
  ): Promise<{ id: Id | undefined; created: boolean }> {
    const cacheKey = `${collection}:${key}`
    const kvKey = `${KV_PREFIX}${cacheKey}`
    if (await this.payload.kv.has(kvKey)) return { id: await this.idOf(collection, String(key)), created: false }
    const existing = await this.findByKey(collection, String(key))
    if (existing !== undefined) {
      await this.payload.kv.set(kvKey, { id: existing })
      this.ids.set(cacheKey, existing)
      return { id: existing, created: false }
    }
    const doc = await this.payload.create({
      collection,
      data: await build(),
      depth: 0,
      overrideAccess: true,
      context: { seed: true },
    })
    const id = Number(doc.id)
    await this.payload.kv.set(kvKey, { id })
    this.ids.set(cacheKey, id)
    this.created++
    return { id, created: true }
  }

  /** Fills a global once, unless an editor has already saved it. */
  async ensureGlobal(slug: GlobalSlug, build: () => Promise<Record<string, unknown>>): Promise<void> {
    const kvKey = `${KV_PREFIX}global:${slug}`
    if (await this.payload.kv.has(kvKey)) return
    const current = (await this.payload.findGlobal({ slug, depth: 0, overrideAccess: true })) as { updatedAt?: unknown }
    if (!current.updatedAt) {
      await this.payload.updateGlobal({ slug, data: await build(), depth: 0, overrideAccess: true, context: { seed: true } })
      this.created++
    }
    await this.payload.kv.set(kvKey, { done: true })
  }

  async contentRefs(refs: ContentRef[] = []) {
    const resolved = await Promise.all(
      refs.map(async (ref) => {
        const key = 'slug' in ref ? ref.slug : String(ref.number)
        const value = await this.idOf(ref.relationTo, key)
        return value === undefined ? null : { relationTo: ref.relationTo, value }
      }),
    )
    return resolved.filter((ref) => ref !== null)
  }

  async menu(items: MenuItemSeed[]) {
    const entries = await Promise.all(
      items.map(async (item) => {
        if ('url' in item) return { label: item.label, link: { type: 'custom' as const, url: item.url } }
        const value = await this.idOf('pages', item.page)
        return value === undefined
          ? null
          : { label: item.label, link: { type: 'internal' as const, reference: { relationTo: 'pages' as const, value } } }
      }),
    )
    return entries.filter((entry) => entry !== null)
  }
}

const PUBLISHED = { _status: 'published' as const }

export async function seed(payload: Payload): Promise<{ created: number }> {
  const s = new Seeder(payload)

  for (const tag of tags) {
    await s.ensure('tags', tag.slug, () => ({ name: tag.name, slug: tag.slug, kind: tag.kind }))
  }

  for (const partner of partners) {
    await s.ensure('partners', partner.slug, () => ({ ...partner }))
  }

  // Parents before children: the nested-docs plugin builds the breadcrumbs from the parent.
  for (const page of pages) {
    await s.ensure('pages', page.slug, async () => ({
      ...PUBLISHED,
      title: page.title,
      slug: page.slug,
      body: page.body,
      parent: page.parent ? ((await s.idOf('pages', page.parent)) ?? null) : null,
    }))
  }

  // Glossary: the terms first, then the links between the terms created now.
  const createdTerms: (typeof glossary)[number][] = []
  for (const term of glossary) {
    const { created } = await s.ensure('glossary-terms', term.slug, () => ({
      ...PUBLISHED,
      term: term.term,
      slug: term.slug,
      variants: term.variants.map((variant) => ({ variant })),
      shortDefinition: term.shortDefinition,
      definition: term.definition ?? null,
    }))
    if (created) createdTerms.push(term)
  }
  for (const term of createdTerms) {
    const id = await s.idOf('glossary-terms', term.slug)
    const relatedTerms = await s.idsOf('glossary-terms', term.relatedTerms)
    if (id !== undefined && relatedTerms.length > 0) {
      await payload.update({ collection: 'glossary-terms', id, data: { relatedTerms }, depth: 0, context: { seed: true } })
    }
  }

  for (const axis of axes) {
    await s.ensure('axes', axis.number, async () => ({
      ...PUBLISHED,
      number: axis.number,
      title: axis.title,
      slug: slugify(axis.title),
      tagline: axis.tagline,
      keywords: await s.idsOf('tags', axis.keywords),
      introduction: axis.introduction,
      themesLead: axis.themesLead,
      publishedAt: axis.publishedAt,
      series: axis.series,
      parentPage: (await s.idOf('pages', axis.parentPage)) ?? null,
    }))
    const axisId = await s.idOf('axes', String(axis.number))
    if (axisId === undefined) continue
    for (const theme of axis.themes) {
      await s.ensure('themes', theme.number, () => ({
        ...PUBLISHED,
        number: theme.number,
        title: theme.title,
        slug: slugify(theme.title),
        axis: axisId,
        body: theme.body,
        workingGroup: theme.workingGroup ?? {},
        publishedAt: axis.publishedAt,
      }))
    }
  }

  for (const project of projects) {
    await s.ensure('projects', project.slug, async () => ({
      ...PUBLISHED,
      ...project,
      domains: await s.idsOf('tags', project.domains),
      carryingStructure: project.carryingStructure ? ((await s.idOf('partners', project.carryingStructure)) ?? null) : null,
      relatedProjects: await s.idsOf('projects', project.relatedProjects),
    }))
  }

  for (const article of articles) {
    await s.ensure('articles', article.slug, async () => ({
      ...PUBLISHED,
      ...article,
      authors: (article.authors ?? []).map((name) => ({ name })),
      tags: await s.idsOf('tags', article.tags),
      relatedContent: await s.contentRefs(article.relatedContent),
    }))
  }

  await s.ensureGlobal('site-settings', async () => ({
    ...site.settings,
    mediaPartners: await s.idsOf('partners', site.settings.mediaPartners),
  }))
  await s.ensureGlobal('navigation', async () => ({
    header: await s.menu(site.navigation.header),
    footer: await s.menu(site.navigation.footer),
  }))

  if (s.created > 0) payload.logger.info(`Contenu de démonstration : ${s.created} document(s) créé(s).`)
  return { created: s.created }
}
