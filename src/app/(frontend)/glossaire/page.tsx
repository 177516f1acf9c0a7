import type { Metadata } from 'next'
import Link from 'next/link'

import { Breadcrumbs } from '@/components/Breadcrumbs'
import { getPayloadClient, isPreview } from '@/data/payload'
import { pageMetadata } from '@/lib/seo'
import { paths } from '@/lib/site-paths'
import { normalizeForMatch } from '@/lib/text'
import { frenchTypography as t } from '@/lib/typography'

import '@/components/glossary/glossary.css'

export const metadata: Metadata = pageMetadata({
  title: 'Glossaire',
  description: 'Les mots de l’économie sociale et solidaire, définis par le Labo de l’ESS.',
  path: paths.glossary,
})

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')

/** Letter a term is filed under: its first letter without accent, "#" for the rest. */
const letterOf = (term: string): string => {
  const first = normalizeForMatch(term).charAt(0).toUpperCase()
  return ALPHABET.includes(first) ? first : '#'
}

export default async function GlossaryPage() {
  const payload = await getPayloadClient()
  const draft = await isPreview()
  const { docs } = await payload.find({
    collection: 'glossary-terms',
    depth: 0,
    pagination: false,
    draft,
    overrideAccess: draft,
    select: { term: true, slug: true, shortDefinition: true },
  })
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })
  const terms = [...docs].sort((a, b) => collator.compare(a.term, b.term))
  const groups = new Map<string, typeof terms>()
  for (const term of terms) {
    const letter = letterOf(term.term)
    groups.set(letter, [...(groups.get(letter) ?? []), term])
  }
  const letters = [...ALPHABET, ...(groups.has('#') ? ['#'] : [])]
  const anchor = (letter: string) => (letter === '#' ? 'lettre-autres' : `lettre-${letter.toLowerCase()}`)

  return (
    <>
      <Breadcrumbs items={[{ label: 'Glossaire' }]} />
      <h1>Glossaire</h1>
      <p className="lead">Les mots de l’économie sociale et solidaire, de A à Z.</p>
      {terms.length ? (
        <>
          <nav aria-label="Lettres du glossaire">
            <ul className="glossary-letters">
              {letters.map((letter) => (
                <li key={letter}>
                  {groups.has(letter) ? <a href={`#${anchor(letter)}`}>{letter}</a> : <span aria-hidden="true">{letter}</span>}
                </li>
              ))}
            </ul>
          </nav>
          {letters
            .filter((letter) => groups.has(letter))
            .map((letter) => (
              <section key={letter} aria-labelledby={anchor(letter)}>
                <h2 id={anchor(letter)}>{letter === '#' ? 'Autres' : letter}</h2>
                <dl className="glossary-list">
                  {(groups.get(letter) ?? []).map((term) => (
                    <div key={term.id}>
                      <dt>
                        <Link href={paths.term(term.slug)}>{t(term.term)}</Link>
                      </dt>
                      <dd>{t(term.shortDefinition ?? '')}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
        </>
      ) : (
        <p>Le glossaire est vide pour le moment.</p>
      )}
    </>
  )
}
