import Link from 'next/link'

import { frenchTypography } from '@/lib/typography'

export type Crumb = { label: string; href?: string }

/** "Accueil > Le Labo de l’ESS > …": the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const all: Crumb[] = [{ label: 'Accueil', href: '/' }, ...items]
  return (
    <nav aria-label="Fil d’Ariane" className="breadcrumbs">
      <ol>
        {all.map((item, i) => {
          const last = i === all.length - 1
          return (
            <li key={`${i}-${item.label}`}>
              {last || !item.href ? (
                <span aria-current={last ? 'page' : undefined}>{frenchTypography(item.label)}</span>
              ) : (
                <Link href={item.href}>{frenchTypography(item.label)}</Link>
              )}
            </li>
          )
        })}
      </ol>
    </nav>
  )
}
