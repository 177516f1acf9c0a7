import Link from 'next/link'

/** `base?key=value&…`, leaving out empty values and page 1. */
export function listHref(base: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue
    if (key === 'page' && Number(value) <= 1) continue
    query.set(key, String(value))
  }
  const qs = query.toString()
  return qs ? `${base}?${qs}` : base
}

const numberFormat = new Intl.NumberFormat('fr-FR')

/** "1 projet", "3 projets", "1 234 articles". */
export function countLabel(count: number, singular: string, plural: string): string {
  return `${numberFormat.format(count)} ${count > 1 ? plural : singular}`
}

/** « Page précédente » · "Page 2 sur 5" · « Page suivante », keeping the list's filters. */
export function Pagination({
  base,
  params,
  page,
  totalPages,
}: {
  base: string
  params: Record<string, string | undefined>
  page: number
  totalPages: number
}) {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <Link href={listHref(base, { ...params, page: Math.min(page - 1, totalPages) })} rel="prev">
          Page précédente
        </Link>
      ) : null}
      <p aria-current="page">
        Page {page} sur {totalPages}
      </p>
      {page < totalPages ? (
        <Link href={listHref(base, { ...params, page: page + 1 })} rel="next">
          Page suivante
        </Link>
      ) : null}
    </nav>
  )
}
