import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { RUBRIQUES } from '@/collections/Articles/options'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { DateText } from '@/components/DateText'
import { articleList } from '@/data/lists'
import { getPayloadClient } from '@/data/payload'
import { labelOf } from '@/lib/labels'
import { ARTICLE_LIST, decodeListKey, type ListFilters, pageOf } from '@/lib/list-keys'
import { pageMetadata } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'

import { countLabel, listHref, Pagination } from '../../../_lists/list-helpers'
import '../../../lists.css'

type Props = { params: Promise<{ cle: string }> }

// Each rubrique and page is rendered on its first request, then served from the cache until an
// article changes (the proxy maps /articles?… to this route; see src/lib/list-keys.ts).
export const dynamicParams = true
export const generateStaticParams = async () => []

async function filtersOf(params: Props['params']): Promise<ListFilters> {
  const filters = decodeListKey(ARTICLE_LIST, (await params).cle)
  if (!filters) notFound()
  return filters
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { rubrique, ...filters } = await filtersOf(params)
  const page = pageOf(filters)
  const title = rubrique ? `Articles — ${labelOf(RUBRIQUES, rubrique)}` : 'Articles'
  return pageMetadata({
    title: page > 1 ? `${title} — page ${page}` : title,
    description: 'Actualités, revue de presse, interviews et publications du Labo de l’ESS.',
    path: listHref(paths.articles, { rubrique, page }),
  })
}

export default async function ArticlesPage({ params }: Props) {
  const filters = await filtersOf(params)
  const rubrique = filters.rubrique
  const page = pageOf(filters)
  // One query (and its count) whatever the number of articles.
  const result = await articleList(await getPayloadClient(), filters)

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
