import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { axisTitle, themeTitle, WorkingGroupLine } from '@/components/Axis'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Comments } from '@/components/comments'
import { RichText } from '@/components/RichText'
import { glossaryFor } from '@/data/glossary'
import { pageCrumbs } from '@/data/breadcrumbs'
import { findBySlug } from '@/data/payload'
import { pageMetadata, plainText } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import type { Axis, Project, Theme } from '@/payload-types'

type Props = { params: Promise<{ slug: string }> }

export const dynamicParams = true
export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const theme = (await findBySlug('themes', (await params).slug)) as Theme | null
  if (!theme) return { title: 'Thème introuvable' }
  return pageMetadata({ title: themeTitle(theme), description: plainText(theme.body), path: paths.theme(theme.slug), meta: theme.meta })
}

export default async function ThemePage({ params }: Props) {
  const theme = (await findBySlug('themes', (await params).slug, 2)) as Theme | null
  if (!theme) notFound()
  const glossary = await glossaryFor(theme)
  const axis = typeof theme.axis === 'object' ? (theme.axis as Axis) : null
  const projects = (theme.relatedProjects ?? []).filter((p): p is Project => typeof p === 'object')
  const crumbs = axis ? [...(axis.parentPage ? pageCrumbs(axis.parentPage) : []), { label: axisTitle(axis), href: paths.axis(axis.slug) }] : []

  return (
    <article>
      <Breadcrumbs items={[...crumbs, { label: themeTitle(theme) }]} />
      <h1>{t(themeTitle(theme))}</h1>
      {axis ? (
        <p className="meta">
          Axe : <Link href={paths.axis(axis.slug)}>{t(axisTitle(axis))}</Link>
        </p>
      ) : null}
      <RichText data={theme.body} glossary={glossary} />
      <WorkingGroupLine theme={theme} />
      {projects.length ? (
        <section aria-labelledby="projets-lies">
          <h2 id="projets-lies">Projets liés</h2>
          <ul>
            {projects.map((p) => (
              <li key={p.id}>
                <Link href={paths.project(p.slug)}>{t(p.title)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Comments collection="themes" doc={theme as Theme & { commentMode?: string | null }} path={paths.theme(theme.slug)} />
    </article>
  )
}
