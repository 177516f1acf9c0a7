import type { Metadata } from 'next'
import Link from 'next/link'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { DateText } from '@/components/DateText'
import { getPayloadClient } from '@/data/payload'
import { firstValue, normalizeSearchQuery, SEARCH_QUERY_MAX_LENGTH } from '@/lib/search-query'
import { resultCountLabel } from '@/lib/search-text'
import { isSearchType, SEARCH_TYPE_LABELS, SEARCH_TYPES, type SearchType } from '@/lib/search-types'
import { frenchTypography as t } from '@/lib/typography'
import { searchSite, type SearchResponse } from '@/plugins/search'

import './search.css'

type SearchParams = Record<string, string | string[] | undefined>
type Props = { searchParams: Promise<SearchParams> }

const PATH = '/recherche'
const PER_PAGE = 10

/** What the address asks for; the page is lenient where the API is strict (type, page). */
function readParams(sp: SearchParams) {
  const raw = firstValue(sp.q)
  const typeValue = firstValue(sp.type)
  const type: SearchType | undefined = isSearchType(typeValue) ? typeValue : undefined
  const pageValue = firstValue(sp.page)
  const page = pageValue && /^\d{1,4}$/.test(pageValue) && Number(pageValue) >= 1 ? Number(pageValue) : 1
  return { raw, q: raw === undefined ? '' : normalizeSearchQuery(raw), type, page }
}

const href = (q: string, type: SearchType | undefined, page = 1) => {
  const params = new URLSearchParams({ q })
  if (type) params.set('type', type)
  if (page > 1) params.set('page', String(page))
  return `${PATH}?${params}`
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = readParams(await searchParams)
  return {
    title: q ? t(`Recherche : « ${q.slice(0, 80)} »`) : 'Rechercher',
    description: 'Rechercher dans les projets, articles, axes, thèmes, pages, le glossaire et les partenaires du Labo de l’ESS.',
    // Result pages are not content: not indexed by search engines, their links followed.
    robots: { index: false, follow: true },
    alternates: { canonical: PATH },
  }
}

/** "12 résultats pour « coopératives » dans les projets." ("Plus de 500 résultats…" past the count cap) */
function countSentence(result: SearchResponse, type: SearchType | undefined): string {
  const where = type ? ` ${SEARCH_TYPE_LABELS[type].inThe}` : ''
  return t(`${resultCountLabel(result.totalDocs, result.totalCapped)} pour « ${result.query} »${where}.`)
}

export default async function SearchPage({ searchParams }: Props) {
  const { raw, q, type, page } = readParams(await searchParams)
  const asked = raw !== undefined
  const payload = await getPayloadClient()
  // An anonymous visitor's search: published documents only (see src/plugins/search).
  const outcome = asked ? await searchSite(payload, { q: raw, type, page: String(page), limit: String(PER_PAGE) }) : null
  const error = outcome && !outcome.ok ? outcome.error : null
  const result = outcome?.ok ? outcome.result : null

  return (
    <>
      <Breadcrumbs items={[{ label: 'Rechercher' }]} />
      <h1>Rechercher</h1>

      <form className="search-form" method="get" action={PATH} role="search" aria-label="Rechercher dans le site">
        <div className="search-field search-field-q">
          <label htmlFor="recherche-mots">Mots à rechercher</label>
          <input
            id="recherche-mots"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={SEARCH_QUERY_MAX_LENGTH}
            aria-describedby={error ? 'recherche-erreur recherche-aide' : 'recherche-aide'}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="search-field">
          <label htmlFor="recherche-type">Type de contenu</label>
          <select id="recherche-type" name="type" defaultValue={type ?? ''}>
            <option value="">Tous les contenus</option>
            {SEARCH_TYPES.map((value) => (
              <option key={value} value={value}>
                {SEARCH_TYPE_LABELS[value].plural}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Rechercher</button>
        <p id="recherche-aide" className="search-help">
          {t('Astuces : ')}
          <span className="search-syntax">{'"mots entre guillemets"'}</span> pour une expression exacte,{' '}
          <span className="search-syntax">-mot</span> pour exclure un mot, <span className="search-syntax">OR</span> entre deux
          mots pour l’un ou l’autre. Les accents et les pluriels sont pris en compte.
        </p>
      </form>

      {error ? (
        <p id="recherche-erreur" className="search-message search-error" role="alert">
          {t(error.message)}
        </p>
      ) : null}

      {result ? (
        <section aria-labelledby="recherche-resultats" className="search-results-section">
          <h2 id="recherche-resultats" className="visually-hidden">
            Résultats
          </h2>
          <p className="search-count" role="status">
            {countSentence(result, type)}
            {result.totalPages > 1 && page <= result.totalPages ? ` Page ${page} sur ${result.totalPages}.` : null}
          </p>

          {result.totalDocs === 0 ? (
            <div className="search-message">
              <p>Quelques pistes :</p>
              <ul>
                <li>vérifiez l’orthographe des mots ;</li>
                <li>essayez des mots plus généraux, ou moins de mots ;</li>
                {type ? (
                  <li>
                    <Link href={href(result.query, undefined)}>{t(`cherchez « ${result.query} » dans tous les contenus`)}</Link>.
                  </li>
                ) : (
                  <li>parcourez les <Link href="/projets">projets</Link> et les <Link href="/articles">articles</Link>.</li>
                )}
              </ul>
            </div>
          ) : result.docs.length === 0 ? (
            <p className="search-message">
              Cette page de résultats n’existe pas. <Link href={href(result.query, type)}>Revenir à la première page</Link>.
            </p>
          ) : (
            <ol className="search-results" start={(page - 1) * PER_PAGE + 1}>
              {result.docs.map((doc) => (
                <li key={`${doc.type}-${doc.id}`} className="search-result">
                  <article>
                    <h3>
                      <Link href={doc.url}>{t(doc.title)}</Link>
                    </h3>
                    <p className="meta search-meta">
                      <span className="search-type">{doc.typeLabel}</span>
                      {doc.publishedAt ? (
                        <>
                          {' · '}
                          <DateText value={doc.publishedAt} />
                        </>
                      ) : null}
                    </p>
                    {doc.excerpt ? (
                      // Escaped text whose only markup is <mark> (src/lib/search-text.ts, excerptHtml).
                      <p className="search-excerpt" dangerouslySetInnerHTML={{ __html: doc.excerpt }} />
                    ) : null}
                  </article>
                </li>
              ))}
            </ol>
          )}

          {result.totalPages > 1 && result.docs.length > 0 ? (
            <nav className="search-pagination" aria-label="Pages de résultats">
              {result.hasPrevPage ? (
                <Link href={href(result.query, type, page - 1)} rel="prev">
                  Résultats précédents
                </Link>
              ) : null}
              <span aria-current="page">
                Page {page} sur {result.totalPages}
              </span>
              {result.hasNextPage ? (
                <Link href={href(result.query, type, page + 1)} rel="next">
                  Résultats suivants
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  )
}
