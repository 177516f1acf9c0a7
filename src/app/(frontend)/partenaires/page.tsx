import type { Metadata } from 'next'

import { LEGAL_FORMS, PARTNER_KINDS } from '@/collections/Partners'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { MediaImage } from '@/components/Media'
import { getPayloadClient, getSite } from '@/data/payload'
import { labelOf } from '@/lib/labels'
import { pageMetadata } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import type { Partner } from '@/payload-types'

import '../lists.css'

type Kind = NonNullable<Partner['kind']>[number]

const MEDIA: Kind = 'partenaire-media'

/** Section headings, in the plural; the order is PARTNER_KINDS'. */
const GROUP_TITLES: Partial<Record<Kind, string>> = {
  'structure-porteuse': 'Structures porteuses',
  'partenaire-national': 'Partenaires nationaux',
  financeur: 'Financeurs',
  membre: 'Membres',
}

/** "lelabo-ess.org" for "https://www.lelabo-ess.org/": a short, readable link text. */
const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^www\./, '')
  } catch {
    return url
  }
}

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata({
    title: 'Nos partenaires',
    description: 'Les structures porteuses, partenaires, financeurs, membres et partenaires média du Labo de l’ESS.',
    path: paths.partners,
  })
}

export default async function PartnersPage() {
  const payload = await getPayloadClient()
  // One query for every partner (and one batch for their logos), plus the cached site settings.
  const [found, site] = await Promise.all([
    payload.find({
      collection: 'partners',
      pagination: false,
      depth: 1,
      select: { name: true, slug: true, kind: true, legalForm: true, website: true, logo: true },
      overrideAccess: false,
    }),
    getSite(),
  ])

  // In French alphabetical order (the database's collation would put "Économie…" after "Z…").
  const docs = [...found.docs].sort((a, b) => a.name.localeCompare(b.name, 'fr'))

  // Media partners: by their kind, or listed as such in the site settings (the footer's list).
  const mediaIds = new Set((site.settings.mediaPartners ?? []).map((p) => (typeof p === 'object' && p !== null ? p.id : p)))
  const isMedia = (p: (typeof docs)[number]) => mediaIds.has(p.id) || (p.kind ?? []).includes(MEDIA)

  const media = docs.filter(isMedia)
  // Every other partner appears once, under its first kind (the first one its editors chose).
  const groups = PARTNER_KINDS.filter((k) => k.value !== MEDIA).map((k) => ({
    value: k.value,
    title: GROUP_TITLES[k.value as Kind] ?? k.label,
    partners: docs.filter((p) => !isMedia(p) && p.kind?.[0] === k.value),
  }))
  const others = docs.filter((p) => !isMedia(p) && !p.kind?.length)
  if (others.length) groups.push({ value: 'autres', title: 'Autres partenaires', partners: others })

  const sections = [
    ...groups.filter((g) => g.partners.length),
    ...(media.length ? [{ value: MEDIA as string, title: 'Nos partenaires média', partners: media }] : []),
  ]

  return (
    <>
      <Breadcrumbs items={[{ label: 'Nos partenaires' }]} />
      <h1>Nos partenaires</h1>
      <p className="lead">
        {t('Les structures porteuses des projets, les partenaires, les financeurs, les membres et les partenaires média du Labo de l’ESS.')}
      </p>
      {sections.length === 0 ? <p className="empty-state">Aucun partenaire pour le moment.</p> : null}
      {sections.map((section) => (
        <section key={section.value} aria-labelledby={`groupe-${section.value}`}>
          <h2 id={`groupe-${section.value}`}>{section.title}</h2>
          <ul className="partner-list">
            {section.partners.map((partner) => (
              <li key={partner.id} className="partner">
                {partner.logo && typeof partner.logo === 'object' ? (
                  <div className="partner-logo">
                    <MediaImage media={partner.logo} size="thumbnail" sizes="5rem" />
                  </div>
                ) : null}
                <div>
                  <h3>{t(partner.name)}</h3>
                  {partner.legalForm ? <p className="meta">{labelOf(LEGAL_FORMS, partner.legalForm)}</p> : null}
                  {partner.website ? (
                    <p>
                      Site Internet&nbsp;: <a href={partner.website}>{hostOf(partner.website)}</a>
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
