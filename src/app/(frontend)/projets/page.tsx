import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import type { Where } from 'payload'

import { PROJECT_SCOPES } from '@/collections/Projects'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { getPayloadClient } from '@/data/payload'
import { labelOf } from '@/lib/labels'
import { pageMetadata } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import type { Tag } from '@/payload-types'

import { countLabel, firstParam, listHref, Pagination, parsePage, parseSlug, type SearchParams } from '../_lists/list-helpers'
import '../lists.css'

const PER_PAGE = 12

type Props = { searchParams: Promise<SearchParams> }

type Filters = { domaine?: string; annee?: string; perimetre?: string }

/** Filters from the query string; a malformed value is ignored (as if absent). */
function parseFilters(sp: SearchParams): Filters {
  const year = firstParam(sp.annee)
  const scope = firstParam(sp.perimetre)
  return {
    domaine: parseSlug(sp.domaine),
    annee: year && /^\d{4}$/.test(year) ? year : undefined,
    perimetre: scope && PROJECT_SCOPES.some((s) => s.value === scope) ? scope : undefined,
  }
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const page = parsePage((await searchParams).page)
  return pageMetadata({
    title: page > 1 ? `Projets — page ${page}` : 'Projets',
    description: 'Les projets soutenus, par domaine, année et périmètre.',
    path: listHref(paths.projects, { page }),
  })
}

export default async function ProjectsPage({ searchParams }: Props) {
  const sp = await searchParams
  const filters = parseFilters(sp)
  const page = parsePage(sp.page)

  const where: Where[] = []
  if (filters.domaine) where.push({ 'domains.slug': { equals: filters.domaine } })
  if (filters.annee) where.push({ year: { equals: Number(filters.annee) } })
  if (filters.perimetre) where.push({ scope: { equals: filters.perimetre } })

  const payload = await getPayloadClient()
  // Three queries whatever the number of projects: the page of projects (with its domains,
  // populated in one batch), the domain tags and the distinct years for the filters.
  const [result, domainTags, years] = await Promise.all([
    payload.find({
      collection: 'projects',
      where: where.length ? { and: where } : undefined,
      sort: ['-year', 'title'],
      limit: PER_PAGE,
      page,
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

  if (page > 1 && page > result.totalPages) notFound()

  // The database's collation puts "Éducation" after "Promotion ESS": sort them the French way.
  const domainOptions = [...domainTags.docs].sort((a, b) => a.name.localeCompare(b.name, 'fr'))
  const yearOptions = years.values.map((v) => v.year).filter((y): y is number => typeof y === 'number')
  const filtered = Boolean(filters.domaine || filters.annee || filters.perimetre)
  const filterParams = { ...filters }

  return (
    <>
      <Breadcrumbs items={[{ label: 'Projets' }]} />
      <h1>Projets</h1>
      <p className="lead">Les projets soutenus, par domaine, année et périmètre.</p>

      <form className="filters" method="get" action={paths.projects} aria-label="Filtrer les projets">
        <div>
          <label htmlFor="filtre-domaine">Domaine</label>
          <select id="filtre-domaine" name="domaine" defaultValue={filters.domaine ?? ''}>
            <option value="">Tous les domaines</option>
            {domainOptions.map((tag) => (
              <option key={tag.id} value={tag.slug}>
                {tag.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-annee">Année</label>
          <select id="filtre-annee" name="annee" defaultValue={filters.annee ?? ''}>
            <option value="">Toutes les années</option>
            {yearOptions.map((year) => (
              <option key={year} value={String(year)}>
                {year}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filtre-perimetre">Périmètre</label>
          <select id="filtre-perimetre" name="perimetre" defaultValue={filters.perimetre ?? ''}>
            <option value="">Tous les périmètres</option>
            {PROJECT_SCOPES.map((scope) => (
              <option key={scope.value} value={scope.value}>
                {scope.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Filtrer</button>
        {filtered ? <Link href={paths.projects}>Réinitialiser les filtres</Link> : null}
      </form>

      {result.totalDocs === 0 ? (
        <div className="empty-state">
          <p>{filtered ? 'Aucun projet ne correspond à ces critères.' : 'Aucun projet publié pour le moment.'}</p>
          {filtered ? (
            <p>
              <Link href={paths.projects}>Voir tous les projets</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="result-count">{countLabel(result.totalDocs, 'projet', 'projets')}</p>
          <ul className="card-list">
            {result.docs.map((project) => {
              const domains = (project.domains ?? []).filter((d): d is Tag => typeof d === 'object' && d !== null)
              return (
                <li key={project.id} className="card">
                  <h2>
                    <Link href={paths.project(project.slug)}>{t(project.title)}</Link>
                  </h2>
                  {project.year || project.scope ? (
                    <p className="meta">
                      {[project.year ? String(project.year) : null, project.scope ? labelOf(PROJECT_SCOPES, project.scope) : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                  ) : null}
                  {project.summary ? <p>{t(project.summary)}</p> : null}
                  {domains.length ? (
                    <ul className="tags" aria-label="Domaines">
                      {domains.map((d) => (
                        <li key={d.id}>{d.name}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              )
            })}
          </ul>
          <Pagination base={paths.projects} params={filterParams} page={page} totalPages={result.totalPages} />
        </>
      )}
    </>
  )
}
