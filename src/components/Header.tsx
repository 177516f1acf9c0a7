import Link from 'next/link'

import type { Site } from '@/data/payload'
import { frenchTypography } from '@/lib/typography'

import { MenuItems } from './MenuItems'

export function Header({ site }: { site: Site }) {
  const items = site.navigation.header ?? []
  return (
    <header className="site-header" role="banner">
      <div className="container">
        <p className="site-name">
          <Link href="/">{site.settings.name}</Link>
        </p>
        {site.settings.tagline ? <p className="site-tagline">{frenchTypography(site.settings.tagline)}</p> : null}
        <nav aria-label="Navigation principale" className="site-nav">
          <MenuItems items={items} />
        </nav>
        <form action="/recherche" method="get" role="search" className="site-search">
          <label htmlFor="recherche-q">Rechercher sur le site</label>
          <input id="recherche-q" name="q" type="search" maxLength={200} />
          <button type="submit">Rechercher</button>
        </form>
      </div>
    </header>
  )
}
