import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { axisTitle } from '@/components/Axis'
import { RichText } from '@/components/RichText'
import { glossaryFor } from '@/data/glossary'
import { pageCrumbs } from '@/data/breadcrumbs'
import { findBySlug, getPayloadClient, isPreview } from '@/data/payload'
import { pageMetadata, plainText } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import type { Page } from '@/payload-types'

type Props = { params: Promise<{ path: string[] }> }

export const dynamicParams = true
export const generateStaticParams = async () => []

/** A page of the tree, found by its last segment and checked against the whole path. */
async function findPage(segments: string[]): Promise<Page | null> {
  const slug = segments.at(-1)
  if (!slug) return null
  const page = (await findBySlug('pages', slug)) as Page | null
  const path = `/${segments.join('/')}`
  const url = page?.breadcrumbs?.at(-1)?.url ?? (page ? `/${page.slug}` : null)
  return page && url === path ? page : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await findPage((await params).path)
  if (!page) return { title: 'Page introuvable' }
  return pageMetadata({ title: page.title, description: plainText(page.body), path: `/${(await params).path.join('/')}`, meta: page.meta })
}

export default async function TreePage({ params }: Props) {
  const segments = (await params).path
  const page = await findPage(segments)
  if (!page) notFound()
  const glossary = await glossaryFor(page)
  const payload = await getPayloadClient()
  const draft = await isPreview()
  const [{ docs: children }, { docs: axes }] = await Promise.all([payload.find({
    collection: 'pages',
    where: { parent: { equals: page.id } },
    select: { title: true, slug: true, breadcrumbs: true },
    sort: 'title',
    depth: 0,
    draft,
    overrideAccess: draft,
    pagination: false,
  }), payload.find({
    collection: 'axes',
    where: { parentPage: { equals: page.id } },
    select: { title: true, slug: true, number: true, tagline: true },
    sort: 'number',
    depth: 0,
    draft,
    overrideAccess: draft,
    pagination: false,
  })])

  return (
    <article>
      <Breadcrumbs items={pageCrumbs(page, false)} />
      <h1>{t(page.title)}</h1>
      <RichText data={page.body} glossary={glossary} />
      {children.length ? (
        <nav aria-labelledby="sous-pages">
          <h2 id="sous-pages">Dans cette rubrique</h2>
          <ul>
            {children.map((c) => {
              const href = c.breadcrumbs?.at(-1)?.url ?? `/${c.slug}`
              return (
                <li key={c.id}>
                  <Link href={href}>{t(c.title)}</Link>
                </li>
              )
            })}
          </ul>
        </nav>
      ) : null}
      {axes.length ? (
        <section aria-labelledby="axes-de-la-page">
          <h2 id="axes-de-la-page">Les axes</h2>
          <ul className="card-list">
            {axes.map((a) => (
              <li key={a.id} className="card">
                <h3>
                  <Link href={paths.axis(a.slug)}>{t(axisTitle(a))}</Link>
                </h3>
                {a.tagline ? <p className="keywords">{t(a.tagline)}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
