import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Comments } from '@/components/comments'
import { DateText } from '@/components/DateText'
import { PrintButton } from '@/components/PrintButton'
import { RichText } from '@/components/RichText'
import { glossaryFor, glossaryOf } from '@/data/glossary'
import { pageCrumbs } from '@/data/breadcrumbs'
import { findBySlug } from '@/data/payload'
import { pageMetadata, plainText } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import type { Axis, Tag, Theme } from '@/payload-types'
import { axisTitle, themeTitle, WorkingGroupLine } from '@/components/Axis'

type Props = { params: Promise<{ slug: string }> }

export const dynamicParams = true
export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const axis = (await findBySlug('axes', (await params).slug)) as Axis | null
  if (!axis) return { title: 'Axe introuvable' }
  return pageMetadata({ title: axisTitle(axis), description: axis.tagline || plainText(axis.introduction), path: paths.axis(axis.slug), meta: axis.meta })
}

export default async function AxisPage({ params }: Props) {
  const axis = (await findBySlug('axes', (await params).slug, 2)) as Axis | null
  if (!axis) notFound()
  const glossary = await glossaryFor(axis)
  const themes = (axis.themes?.docs ?? []).filter((d): d is Theme => typeof d === 'object')
  const keywords = (axis.keywords ?? []).filter((k): k is Tag => typeof k === 'object')
  const parentCrumbs = axis.parentPage ? pageCrumbs(axis.parentPage) : [{ label: 'Axes', href: paths.axes }]

  return (
    <article>
      <Breadcrumbs items={[...parentCrumbs, { label: axisTitle(axis) }]} />
      <h1>{t(axisTitle(axis))}</h1>
      <p className="meta">
        <PrintButton /> Publié le <DateText value={axis.publishedAt} />
      </p>
      {axis.tagline ? <p className="keywords">{t(axis.tagline)}</p> : keywords.length ? <p className="keywords">{keywords.map((k) => k.name).join(', ')}</p> : null}
      {axis.themesLead ? <p>{t(axis.themesLead)}</p> : null}
      <RichText data={axis.introduction} glossary={glossary} />
      {themes.length ? (
        <section aria-labelledby="themes">
          <h2 id="themes" className="visually-hidden">Les thèmes de l’axe {axis.number}</h2>
          {themes.map((theme) => (
            <section key={theme.id} className="theme" aria-labelledby={`theme-${theme.number}`}>
              <h3 id={`theme-${theme.number}`}>
                <Link href={paths.theme(theme.slug)}>{t(themeTitle(theme))}</Link>
              </h3>
              <RichText data={theme.body} glossary={glossaryOf(theme, glossary)} />
              <WorkingGroupLine theme={theme} />
            </section>
          ))}
        </section>
      ) : null}
      <Comments collection="axes" doc={axis as Axis & { commentMode?: string | null }} path={paths.axis(axis.slug)} />
    </article>
  )
}

