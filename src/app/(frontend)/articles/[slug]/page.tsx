import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { RUBRIQUES } from '@/collections/Articles'
import { publicPath } from '@/lib/site-paths'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { TagList } from '@/components/TagList'
import { Comments } from '@/components/comments'
import { DateText } from '@/components/DateText'
import { PrintButton } from '@/components/PrintButton'
import { RichText } from '@/components/RichText'
import { glossaryFor } from '@/data/glossary'
import { findBySlug } from '@/data/payload'
import { labelOf } from '@/lib/labels'
import { pageMetadata } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import type { Article, Tag } from '@/payload-types'

type Props = { params: Promise<{ slug: string }> }

export const dynamicParams = true
export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = (await findBySlug('articles', (await params).slug)) as Article | null
  if (!article) return { title: 'Article introuvable' }
  return pageMetadata({ title: article.title, description: article.excerpt, path: paths.article(article.slug), meta: article.meta, type: 'article' })
}

export default async function ArticlePage({ params }: Props) {
  const article = (await findBySlug('articles', (await params).slug)) as Article | null
  if (!article) notFound()
  const glossary = await glossaryFor(article)
  const rubrique = labelOf(RUBRIQUES, article.rubrique)
  const tags = (article.tags ?? []).filter((x): x is Tag => typeof x === 'object')
  const related = (article.relatedContent ?? [])
    .map((r) => (typeof r.value === 'object' ? { path: publicPath(r.relationTo, r.value), title: r.value.title, id: `${r.relationTo}-${r.value.id}` } : null))
    .filter((r): r is { path: string; title: string; id: string } => Boolean(r?.path))
  const source = article.source

  return (
    <article>
      <Breadcrumbs items={[{ label: rubrique, href: `${paths.articles}?rubrique=${article.rubrique}` }, { label: article.title }]} />
      <h1>{t(article.title)}</h1>
      <p className="meta">
        <PrintButton /> Publié le <DateText value={article.publishedAt} /> · {rubrique}
        {article.authors?.length ? <> · {article.authors.map((a) => a.name).join(', ')}</> : null}
      </p>
      {source?.medium ? (
        <p className="meta source">
          Source : {t(source.medium)}
          {source.section ? `, ${t(source.section)}` : ''}
          {source.publishedOn ? <>, <DateText value={source.publishedOn} /></> : null}
        </p>
      ) : null}
      <RichText data={article.body} glossary={glossary} />
      {source?.url ? (
        <p>
          <a href={source.url}>{t(source.label || 'Lire l’intégralité')}</a>
        </p>
      ) : null}
      <TagList tags={tags} label="Mots-clés" />
      {related.length ? (
        <section aria-labelledby="voir-aussi">
          <h2 id="voir-aussi">Voir aussi</h2>
          <ul>{related.map((r) => <li key={r.id}><Link href={r.path}>{t(r.title)}</Link></li>)}</ul>
        </section>
      ) : null}
      <Comments collection="articles" doc={article} path={paths.article(article.slug)} />
    </article>
  )
}
