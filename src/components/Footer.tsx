import { SOCIAL_NETWORKS } from '@/fields/socialLinks'
import type { Site } from '@/data/payload'
import { labelOf } from '@/lib/labels'
import type { Partner } from '@/payload-types'

import { MenuItems } from './MenuItems'

export function Footer({ site }: { site: Site }) {
  const partners = (site.settings.mediaPartners ?? []).filter((p): p is Partner => typeof p === 'object')
  const social = site.settings.socialLinks ?? []
  const menu = site.navigation.footer ?? []
  return (
    <footer className="site-footer" role="contentinfo">
      <div className="container footer-grid">
        <section aria-labelledby="footer-media">
          <h2 id="footer-media">Nos partenaires média</h2>
          {partners.length ? (
            <ul>
              {partners.map((p) => (
                <li key={p.id}>{p.website ? <a href={p.website}>{p.name}</a> : p.name}</li>
              ))}
            </ul>
          ) : (
            <p>Aucun partenaire média pour le moment.</p>
          )}
        </section>
        <section aria-labelledby="footer-follow">
          <h2 id="footer-follow">Nous suivre</h2>
          <ul className="social-links">
            {social.map((s) => (
              <li key={s.id ?? s.url}>
                <a href={s.url}>{labelOf(SOCIAL_NETWORKS, s.network)}</a>
              </li>
            ))}
          </ul>
        </section>
        {menu.length ? (
          <nav aria-label="Liens de pied de page">
            <MenuItems items={menu} />
          </nav>
        ) : null}
        {site.settings.contact?.email ? (
          <p className="footer-contact">
            Contact : <a href={`mailto:${site.settings.contact.email}`}>{site.settings.contact.email}</a>
          </p>
        ) : null}
      </div>
    </footer>
  )
}
