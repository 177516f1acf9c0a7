import type { Metadata } from 'next'
import Link from 'next/link'

import { AXIS_SERIES } from '@/collections/Axes'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { DateText } from '@/components/DateText'
import { getPayloadClient } from '@/data/payload'
import { pageMetadata } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import type { Tag } from '@/payload-types'

import '../lists.css'

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata({
    title: 'Les axes',
    description: 'Les axes structurants des Cahiers d’espérances et leurs thèmes de travail.',
    path: paths.axes,
  })
}

export default async function AxesPage() {
  const payload = await getPayloadClient()
  // One query for every axis, and one batch for their keywords.
  const { docs } = await payload.find({
    collection: 'axes',
    sort: 'number',
    pagination: false,
    depth: 1,
    select: { number: true, title: true, slug: true, tagline: true, keywords: true, series: true, publishedAt: true },
    populate: { tags: { name: true } },
    overrideAccess: false,
  })

  const groups = AXIS_SERIES.map((s) => ({ value: s.value, title: s.label, axes: docs.filter((a) => a.series === s.value) }))
  const others = docs.filter((a) => !AXIS_SERIES.some((s) => s.value === a.series))
  if (others.length) groups.push({ value: 'autres', title: docs.length === others.length ? 'Tous les axes' : 'Autres axes', axes: others })

  return (
    <>
      <Breadcrumbs items={[{ label: 'Les axes' }]} />
      <h1>Les axes</h1>
      <p className="lead">
        {t('Les axes structurants de l’économie sociale et solidaire : chacun réunit des thèmes numérotés qui donnent lieu à des groupes de travail.')}
      </p>
      {docs.length === 0 ? <p className="empty-state">Aucun axe publié pour le moment.</p> : null}
      {groups
        .filter((g) => g.axes.length)
        .map((group) => (
          <section key={group.value} aria-labelledby={`serie-${group.value}`}>
            <h2 id={`serie-${group.value}`}>{t(group.title)}</h2>
            <ol className="item-list axis-list">
              {group.axes.map((axis) => {
                const keywords = (axis.keywords ?? []).filter((k): k is Tag => typeof k === 'object' && k !== null)
                const tagline = axis.tagline || keywords.map((k) => k.name).join(', ')
                return (
                  <li key={axis.id}>
                    <article>
                      <h3>
                        <Link href={paths.axis(axis.slug)}>{t(`Axe ${axis.number} : ${axis.title}`)}</Link>
                      </h3>
                      {tagline ? <p className="keywords">{t(tagline)}</p> : null}
                      {axis.publishedAt ? (
                        <p className="meta">
                          Publié le <DateText value={axis.publishedAt} />
                        </p>
                      ) : null}
                    </article>
                  </li>
                )
              })}
            </ol>
          </section>
        ))}
    </>
  )
}
