import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { PROJECT_SCOPES } from '@/collections/Projects/options'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { TagList } from '@/components/TagList'
import { projectList } from '@/data/lists'
import { getPayloadClient } from '@/data/payload'
import { labelOf } from '@/lib/labels'
import { decodeListKey, type ListFilters, pageOf, PROJECT_LIST } from '@/lib/list-keys'
import { pageMetadata } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import type { Tag } from '@/payload-types'

import { countLabel, listHref, Pagination } from '../../../_lists/list-helpers'
import '../../../lists.css'

type Props = { params: Promise<{ cle: string }> }

// Each filter combination is rendered on its first request, then served from the cache until a
// project or tag changes (the proxy maps /projets?… to this route; see src/lib/list-keys.ts).
export const dynamicParams = true
export const generateStaticParams = async () => []

async function filtersOf(params: Props['params']): Promise<ListFilters> {
  const filters = decodeListKey(PROJECT_LIST, (await params).cle)
  if (!filters) notFound()
  return filters
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const filters = await filtersOf(params)
  const page = pageOf(filters)
  return pageMetadata({
    title: page > 1 ? `Projets — page ${page}` : 'Projets',
    description: 'Les projets soutenus, par domaine, année et périmètre.',
    path: listHref(paths.projects, { page }),
  })
}

export default async function ProjectsPage({ params }: Props) {
  const filters = await filtersOf(params)
  const page = pageOf(filters)
  const { result, domains: domainOptions, years: yearOptions } = await projectList(await getPayloadClient(), filters)

  if (page > 1 && page > result.totalPages) notFound()

  const filtered = Boolean(filters.domaine || filters.annee || filters.perimetre)
  const filterParams = { domaine: filters.domaine, annee: filters.annee, perimetre: filters.perimetre }

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
                  <TagList tags={domains} label="Domaines" />
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
