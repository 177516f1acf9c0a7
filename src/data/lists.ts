/**
 * The queries behind the list pages and the home page. Each runs a fixed number of SQL
 * statements whatever the number of documents (tests/int/list-queries.test.ts counts them).
 * Access is an anonymous visitor's: `overrideAccess: false` without a user.
 */
import type { Payload, Where } from 'payload'

import type { ListFilters } from '@/lib/list-keys'
import { pageOf } from '@/lib/list-keys'

export const PROJECTS_PER_PAGE = 12
export const ARTICLES_PER_PAGE = 12
const HOME_ARTICLES = 5
const HOME_PROJECTS = 6

/** A page of projects (domains populated in one batch), the domain tags and the years for the filters. */
export async function projectList(payload: Payload, filters: ListFilters) {
  const where: Where[] = []
  if (filters.domaine) where.push({ 'domains.slug': { equals: filters.domaine } })
  if (filters.annee) where.push({ year: { equals: Number(filters.annee) } })
  if (filters.perimetre) where.push({ scope: { equals: filters.perimetre } })

  const [result, domainTags, years] = await Promise.all([
    payload.find({
      collection: 'projects',
      where: where.length ? { and: where } : undefined,
      sort: ['-year', 'title'],
      limit: PROJECTS_PER_PAGE,
      page: pageOf(filters),
      depth: 1,
      select: { title: true, slug: true, summary: true, year: true, scope: true, domains: true },
      populate: { tags: { name: true, slug: true } },
      overrideAccess: false,
    }),
    payload.find({
      collection: 'tags',
      where: { kind: { equals: 'domaine' } },
      pagination: false,
      depth: 0,
      select: { name: true, slug: true },
      overrideAccess: false,
    }),
    payload.findDistinct({ collection: 'projects', field: 'year', sort: '-year', overrideAccess: false }),
  ])
  // The database's collation puts "Éducation" after "Promotion ESS": sort them the French way.
  const domains = [...domainTags.docs].sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  const yearOptions = years.values.map((v) => v.year).filter((y): y is number => typeof y === 'number')
  return { result, domains, years: yearOptions }
}

/** A page of articles, optionally of one rubrique. */
export function articleList(payload: Payload, filters: ListFilters) {
  return payload.find({
    collection: 'articles',
    where: filters.rubrique ? { rubrique: { equals: filters.rubrique } } : undefined,
    sort: ['-publishedAt', '-id'],
    limit: ARTICLES_PER_PAGE,
    page: pageOf(filters),
    depth: 0,
    select: { title: true, slug: true, excerpt: true, rubrique: true, publishedAt: true, source: { medium: true } },
    overrideAccess: false,
  })
}

/** Latest articles, the axes, featured projects and partners (media partners aside). */
export async function homeContent(payload: Payload, mediaPartnerIds: (number | string)[], partners: number) {
  // On a hasMany select, `not_equals` keeps a partner that has another kind besides "média"
  // (and those without a kind): the few such partners are left out by the page.
  const notMedia: Where[] = [{ kind: { not_equals: 'partenaire-media' } }]
  if (mediaPartnerIds.length) notMedia.push({ id: { not_in: mediaPartnerIds } })

  const [articles, axes, projects, partnerDocs] = await Promise.all([
    payload.find({
      collection: 'articles',
      sort: ['-publishedAt', '-id'],
      limit: HOME_ARTICLES,
      pagination: false,
      depth: 0,
      select: { title: true, slug: true, rubrique: true, publishedAt: true },
      overrideAccess: false,
    }),
    payload.find({
      collection: 'axes',
      sort: 'number',
      limit: 50,
      pagination: false,
      depth: 1,
      select: { number: true, title: true, slug: true, tagline: true, keywords: true },
      populate: { tags: { name: true } },
      overrideAccess: false,
    }),
    payload.find({
      collection: 'projects',
      // Postgres puts projects without a year first in a descending sort: "latest by year"
      // only considers dated projects.
      where: { year: { exists: true } },
      sort: ['-year', '-publishedAt'],
      limit: HOME_PROJECTS,
      pagination: false,
      depth: 1,
      select: { title: true, slug: true, year: true, domains: true },
      populate: { tags: { name: true } },
      overrideAccess: false,
    }),
    payload.find({
      collection: 'partners',
      where: { and: notMedia },
      sort: 'name',
      limit: partners * 2,
      pagination: false,
      depth: 0,
      select: { name: true, website: true, kind: true },
      overrideAccess: false,
    }),
  ])
  return { articles: articles.docs, axes: axes.docs, projects: projects.docs, partners: partnerDocs.docs }
}
