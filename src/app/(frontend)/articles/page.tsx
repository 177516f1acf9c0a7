import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { RUBRIQUES } from '@/collections/Articles'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { DateText } from '@/components/DateText'
import { getPayloadClient } from '@/data/payload'
import { labelOf } from '@/lib/labels'
import { pageMetadata } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'

import { countLabel, firstParam, listHref, Pagination, parsePage, type SearchParams } from '../_lists/list-helpers'
import '../lists.css'

const PER_PAGE = 12

type Props = { searchParams: Promise<SearchParams> }

/** The rubrique of the query string, if it is one of RUBRIQUES. */
const parseRubrique = (sp: SearchParams): string | undefined => {
  const value = firstParam(sp.rubrique)
  return value && RUBRIQUES.some((r) => r.value === value) ? value : undefined
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const sp = await searchParams
  const rubrique = parseRubrique(sp)
  const page = parsePage(sp.page)
  const title = rubrique ? `Articles — ${labelOf(RUBRIQUES, rubrique)}` : 'Articles'
  return pageMetadata({
    title: page > 1 ? `${title} — page ${page}` : title,
    description: 'Actualités, revue de presse, interviews et publications du Labo de l’ESS.',
    path: listHref(paths.articles, { rubrique, page }),
  })
}

export default async function ArticlesPage({ searchParams }: Props) {
  const sp = await searchParams
  const rubrique = parseRubrique(sp)
  const page = parsePage(sp.page)

  const payload = await getPayloadClient()
  // One query (and its count) whatever the number of articles.
  const result = await payload.find({
    collection: 'articles',
    where: rubrique ? { rubrique: { equals: rubrique } } : undefined,
    sort: ['-publishedAt', '-id'],
    limit: PER_PAGE,
    page,
    depth: 0,
    select: { title: true, slug: true, excerpt: true, rubrique: true, publishedAt: true, source: { medium: true } },
    overrideAccess: false,
  })

  if (page > 1 && page > result.totalPages) notFound()

  const heading = rubrique ? labelOf(RUBRIQUES, rubrique) : 'Articles'

  return (
    <>
      <Breadcrumbs items={rubrique ? [{ label: 'Articles', href: paths.articles }, { label: heading }] : [{ label: 'Articles' }]} />
      <h1>{t(heading)}</h1>

      <form className="filters" method="get" action={paths.articles} aria-label="Filtrer les articles">
        <div>
          <label htmlFor="filtre-rubrique">Rubrique</label>
          <select id="filtre-rubrique" name="rubrique" defaultValue={rubrique ?? ''}>
            <option value="">Toutes les rubriques</option>
            {RUBRIQUES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Afficher</button>
        {rubrique ? <Link href={paths.articles}>Toutes les rubriques</Link> : null}
      </form>

      {result.totalDocs === 0 ? (
        <div className="empty-state">
          <p>{rubrique ? 'Aucun article publié dans cette rubrique pour le moment.' : 'Aucun article publié pour le moment.'}</p>
          {rubrique ? (
            <p>
              <Link href={paths.articles}>Voir tous les articles</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <p className="result-count">{countLabel(result.totalDocs, 'article', 'articles')}</p>
          <ul className="item-list">
            {result.docs.map((article) => (
              <li key={article.id}>
                <article>
                  <h2>
                    <Link href={paths.article(article.slug)}>{t(article.title)}</Link>
                  </h2>
                  <p className="meta">
                    <DateText value={article.publishedAt} />
                    {article.publishedAt ? ' · ' : null}
                    {labelOf(RUBRIQUES, article.rubrique)}
                    {article.source?.medium ? <> · {t(`Source : ${article.source.medium}`)}</> : null}
                  </p>
                  {article.excerpt ? <p>{t(article.excerpt)}</p> : null}
                </article>
              </li>
            ))}
          </ul>
          <Pagination base={paths.articles} params={{ rubrique }} page={page} totalPages={result.totalPages} />
        </>
      )}
    </>
  )
}
