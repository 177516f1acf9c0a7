import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { LEGAL_FORMS, SOCIAL_NETWORKS } from '@/collections/Partners'
import { PROJECT_SCOPES } from '@/collections/Projects'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { TagList } from '@/components/TagList'
import { Comments } from '@/components/comments'
import { DateText } from '@/components/DateText'
import { MediaImage } from '@/components/Media'
import { RichText } from '@/components/RichText'
import { glossaryFor } from '@/data/glossary'
import { findBySlug } from '@/data/payload'
import { labelOf } from '@/lib/labels'
import { pageMetadata } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import type { Partner, Project, Tag } from '@/payload-types'

type Props = { params: Promise<{ slug: string }> }

export const dynamicParams = true
export const generateStaticParams = async () => []

const objects = <T,>(list: (number | T)[] | null | undefined): T[] => (list ?? []).filter((x): x is T => typeof x === 'object' && x !== null)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const project = (await findBySlug('projects', (await params).slug)) as Project | null
  if (!project) return { title: 'Projet introuvable' }
  return pageMetadata({ title: project.title, description: project.summary, path: paths.project(project.slug), meta: project.meta, image: project.cover })
}

export default async function ProjectPage({ params }: Props) {
  const project = (await findBySlug('projects', (await params).slug)) as Project | null
  if (!project) notFound()
  const glossary = await glossaryFor(project)

  const structure = typeof project.carryingStructure === 'object' ? (project.carryingStructure as Partner | null) : null
  const domains = objects<Tag>(project.domains)
  const related = objects<Project>(project.relatedProjects)
  const partners = objects<Partner>(project.partners)
  const address = structure?.address
  const sections = [
    { id: 'projet-soutenu', title: 'Le projet soutenu', body: project.supportedProject, extra: project.duration },
    { id: 'contexte', title: 'Le contexte', body: project.context },
    { id: 'structure', title: 'La structure', body: project.structure },
    { id: 'avis', title: 'L’avis de la fondation', body: project.foundationOpinion },
  ]

  return (
    <article>
      <Breadcrumbs items={[{ label: 'Projets', href: paths.projects }, { label: project.title }]} />
      <h1>{t(project.title)}</h1>
      <p className="meta">
        Mis à jour le <DateText value={project.contentUpdatedAt ?? project.updatedAt} format="short" />
      </p>
      <MediaImage media={project.cover} size="hero" priority />
      {project.summary ? <p className="lead">{t(project.summary)}</p> : null}

      <div className="project-card">
        <aside className="fact-sheet" aria-labelledby="fiche">
          <h2 id="fiche">Fiche du projet</h2>
          <dl>
            {project.year ? (<><dt>Année</dt><dd>{project.year}</dd></>) : null}
            {project.scope ? (<><dt>Périmètre</dt><dd>{labelOf(PROJECT_SCOPES, project.scope)}</dd></>) : null}
            {domains.length ? (
              <>
                <dt>Domaines</dt>
                <dd>
                  <TagList tags={domains} />
                </dd>
              </>
            ) : null}
            {project.lever ? (<><dt>Levier</dt><dd>{t(project.lever)}</dd></>) : null}
            {structure?.legalForm ? (<><dt>Forme d’organisation</dt><dd>{labelOf(LEGAL_FORMS, structure.legalForm)}</dd></>) : null}
            {project.conventionDates?.length ? (
              <>
                <dt>Date de signature de la convention</dt>
                <dd>
                  <ul>
                    {project.conventionDates.map((c) => (
                      <li key={c.id ?? c.date}>
                        <DateText value={c.date} format="month" />
                        {c.label ? ` (${c.label})` : ''}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {project.programme ? (<><dt>Programme</dt><dd>{t(project.programme)}</dd></>) : null}
          </dl>

          {structure ? (
            <>
              <h3>Infos de contact</h3>
              <p>
                <strong>{structure.name}</strong>
                {address?.street ? <><br />{address.street}</> : null}
                {address?.postalCode || address?.city ? <><br />{[address?.postalCode, address?.city].filter(Boolean).join(' ')}</> : null}
                {address?.country ? <><br />{address.country}</> : null}
              </p>
              {structure.email ? <p><a href={`mailto:${structure.email}`}>{structure.email}</a></p> : null}
              {structure.website ? <p><a href={structure.website}>Voir le site Internet de {structure.name}</a></p> : null}
              {structure.socialLinks?.length ? (
                <ul className="social-links">
                  {structure.socialLinks.map((s) => (
                    <li key={s.id ?? s.url}><a href={s.url}>{labelOf(SOCIAL_NETWORKS, s.network)}</a></li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}

          {related.length ? (
            <>
              <h3>Voir d’anciens projets</h3>
              <ul>
                {related.map((r) => (
                  <li key={r.id}><Link href={paths.project(r.slug)}>{t(`« ${r.title} »`)}</Link></li>
                ))}
              </ul>
            </>
          ) : null}
        </aside>

        <div>
          {sections.map((s) =>
            s.body || s.extra ? (
              <section key={s.id} aria-labelledby={s.id}>
                <h2 id={s.id}>{t(s.title)}</h2>
                <RichText data={s.body} glossary={glossary} />
                {s.extra ? <p className="meta">Durée du soutien : {s.extra}</p> : null}
              </section>
            ) : null,
          )}
          {partners.length ? (
            <section aria-labelledby="partenaires">
              <h2 id="partenaires">Partenaires</h2>
              <ul>{partners.map((p) => <li key={p.id}>{p.website ? <a href={p.website}>{p.name}</a> : p.name}</li>)}</ul>
            </section>
          ) : null}
        </div>
      </div>
      <Comments collection="projects" doc={project as Project & { commentMode?: string | null }} path={paths.project(project.slug)} />
    </article>
  )
}
