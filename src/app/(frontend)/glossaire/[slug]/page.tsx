import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { publicPath } from '@/lib/site-paths'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { RichText } from '@/components/RichText'
import { glossaryFor } from '@/data/glossary'
import { findBySlug, getPayloadClient } from '@/data/payload'
import { pageMetadata } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import { GLOSSARY_FIELDS, type GlossaryCollection } from '@/collections/registry'
import { getGlossaryMatcher, usageTitle, usedTermSlugs } from '@/plugins/glossary'
import type { GlossaryTerm } from '@/payload-types'

import '@/components/glossary/glossary.css'

type Props = { params: Promise<{ slug: string }> }

export const dynamicParams = true
export const generateStaticParams = async () => []

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const term = (await findBySlug('glossary-terms', (await params).slug)) as GlossaryTerm | null
  if (!term) return { title: 'Terme introuvable' }
  return pageMetadata({ title: `${term.term} — Glossaire`, description: term.shortDefinition, path: paths.term(term.slug) })
}

const COLLECTION_LABELS: Record<GlossaryCollection, string> = {
  articles: 'Article',
  projects: 'Projet',
  axes: 'Axe',
  themes: 'Thème',
  pages: 'Page',
}

type UsingDoc = { key: string; path: string; title: string; kind: string }

/**
 * Published documents whose rich text uses the term: an annotatable occurrence under the site's
 * matching rules (all terms at once, longest match), whether or not the document switched its
 * annotations off. Kept current by the glossary plugin's hooks (src/plugins/glossary/refresh.ts).
 */
async function documentsUsing(term: GlossaryTerm): Promise<UsingDoc[]> {
  const payload = await getPayloadClient()
  const matcher = await getGlossaryMatcher(payload)
  const results: UsingDoc[] = []
  for (const collection of Object.keys(GLOSSARY_FIELDS) as GlossaryCollection[]) {
    const { docs } = await payload.find({
      collection,
      where: { _status: { equals: 'published' } },
      depth: 0,
      pagination: false,
      overrideAccess: false,
      draft: false,
    })
    for (const doc of docs as unknown as Record<string, unknown>[]) {
      const path = publicPath(collection, doc as { slug?: unknown; breadcrumbs?: unknown })
      if (!path || !usedTermSlugs(collection, doc, matcher).includes(term.slug)) continue
      results.push({ key: `${collection}-${String(doc.id)}`, path, title: usageTitle(collection, doc), kind: COLLECTION_LABELS[collection] })
    }
  }
  return results
}

export default async function TermPage({ params }: Props) {
  const term = (await findBySlug('glossary-terms', (await params).slug)) as GlossaryTerm | null
  if (!term) notFound()
  // The term's own page is never annotated with itself.
  const glossary = await glossaryFor(undefined, term.id)
  const related = (term.relatedTerms ?? []).filter((r): r is GlossaryTerm => typeof r === 'object' && r !== null)
  const variants = (term.variants ?? []).map((v) => v.variant).filter(Boolean)
  const using = await documentsUsing(term)

  return (
    <article>
      <Breadcrumbs items={[{ label: 'Glossaire', href: paths.glossary }, { label: term.term }]} />
      <h1>
        <dfn>{t(term.term)}</dfn>
      </h1>
      <p className="lead">{t(term.shortDefinition)}</p>
      {term.definition ? <RichText data={term.definition} glossary={glossary} /> : null}
      {variants.length ? (
        <section aria-labelledby="variantes">
          <h2 id="variantes">Autres formes</h2>
          <ul className="tags">
            {variants.map((v) => (
              <li key={v}>{t(v)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {related.length ? (
        <section aria-labelledby="termes-associes">
          <h2 id="termes-associes">Termes associés</h2>
          <ul>
            {related.map((r) => (
              <li key={r.id}>
                <Link href={paths.term(r.slug)}>{t(r.term)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {using.length ? (
        <section aria-labelledby="utilise-dans">
          <h2 id="utilise-dans">Utilisé dans</h2>
          <ul>
            {using.map((d) => (
              <li key={d.key}>
                {d.kind} : <Link href={d.path}>{t(d.title)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link href={paths.glossary}>Retour au glossaire</Link>
      </p>
    </article>
  )
}
