import type { Metadata } from 'next'
import Link from 'next/link'

import { RUBRIQUES } from '@/collections/Articles'
import { DateText } from '@/components/DateText'
import { TagList } from '@/components/TagList'
import { homeContent } from '@/data/lists'
import { getPayloadClient, getSite } from '@/data/payload'
import { labelOf } from '@/lib/labels'
import { pageMetadata } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import type { Tag } from '@/payload-types'

import './lists.css'

const PARTNERS = 12

const tagsOf = (list: (number | Tag)[] | null | undefined): Tag[] =>
  (list ?? []).filter((x): x is Tag => typeof x === 'object' && x !== null)

export async function generateMetadata(): Promise<Metadata> {
  const { settings } = await getSite()
  return {
    ...pageMetadata({ title: settings.name, description: settings.tagline, path: paths.home }),
    // The layout's template would repeat the name ("Le Labo de l’ESS — Le Labo de l’ESS").
    title: { absolute: settings.name },
  }
}

export default async function HomePage() {
  const site = await getSite()
  const payload = await getPayloadClient()

  const mediaIds = (site.settings.mediaPartners ?? []).map((p) => (typeof p === 'object' && p !== null ? p.id : p))
  const { articles, axes, projects, partners } = await homeContent(payload, mediaIds, PARTNERS)

  const homePartners = partners
    .filter((p) => !p.kind?.includes('partenaire-media'))
    .slice(0, PARTNERS)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))

  return (
    <>
      <h1>{t(site.settings.name)}</h1>
      {site.settings.tagline ? <p className="lead">{t(site.settings.tagline)}</p> : null}

      <div className="home-sections">
        {articles.length ? (
          <section aria-labelledby="accueil-articles" className="home-section">
            <h2 id="accueil-articles">Derniers articles</h2>
            <ul className="item-list">
              {articles.map((article) => (
                <li key={article.id}>
                  <h3>
                    <Link href={paths.article(article.slug)}>{t(article.title)}</Link>
                  </h3>
                  <p className="meta">
                    <DateText value={article.publishedAt} />
                    {article.publishedAt ? ' · ' : null}
                    {labelOf(RUBRIQUES, article.rubrique)}
                  </p>
                </li>
              ))}
            </ul>
            <p className="see-all">
              <Link href={paths.articles}>Voir tous les articles</Link>
            </p>
          </section>
        ) : null}

        {axes.length ? (
          <section aria-labelledby="accueil-axes" className="home-section">
            <h2 id="accueil-axes">Les axes</h2>
            <ol className="item-list axis-list">
              {axes.map((axis) => {
                const tagline = axis.tagline || tagsOf(axis.keywords).map((k) => k.name).join(', ')
                return (
                  <li key={axis.id}>
                    <h3>
                      <Link href={paths.axis(axis.slug)}>{t(`Axe ${axis.number} : ${axis.title}`)}</Link>
                    </h3>
                    {tagline ? <p className="keywords">{t(tagline)}</p> : null}
                  </li>
                )
              })}
            </ol>
            <p className="see-all">
              <Link href={paths.axes}>Voir tous les axes</Link>
            </p>
          </section>
        ) : null}

        {projects.length ? (
          <section aria-labelledby="accueil-projets" className="home-section">
            <h2 id="accueil-projets">Projets soutenus</h2>
            <ul className="card-list">
              {projects.map((project) => {
                const domains = tagsOf(project.domains)
                return (
                  <li key={project.id} className="card">
                    <h3>
                      <Link href={paths.project(project.slug)}>{t(project.title)}</Link>
                    </h3>
                    {project.year ? <p className="meta">{project.year}</p> : null}
                    <TagList tags={domains} label="Domaines" />
                  </li>
                )
              })}
            </ul>
            <p className="see-all">
              <Link href={paths.projects}>Voir tous les projets</Link>
            </p>
          </section>
        ) : null}

        {homePartners.length ? (
          <section aria-labelledby="accueil-partenaires" className="home-section">
            <h2 id="accueil-partenaires">Nos partenaires</h2>
            <ul className="inline-list">
              {homePartners.map((partner) => (
                <li key={partner.id}>{partner.website ? <a href={partner.website}>{t(partner.name)}</a> : t(partner.name)}</li>
              ))}
            </ul>
            <p className="see-all">
              <Link href={paths.partners}>Voir tous les partenaires</Link>
            </p>
          </section>
        ) : null}
      </div>
    </>
  )
}
