import { describe, expect, it } from 'vitest'

import type { GlossaryEntry } from '../../src/lib/glossary-matcher'
import {
  annotationChanged,
  pathsForTermChange,
  TERM_PAGES_ROUTE,
  termForms,
  termPagesForDocumentChange,
  type TextDocument,
} from '../../src/lib/glossary-refresh'

const ess: GlossaryEntry = { id: 1, slug: 'ess', term: 'ESS', variants: ['économie sociale et solidaire'], shortDefinition: 'Économie sociale et solidaire.' }

const DOCS: TextDocument[] = [
  { paths: ['/articles/ess'], text: 'Le Labo de l’ESS réunit des acteurs.' },
  { paths: ['/articles/long'], text: 'Une Économie   sociale et solidaire, partout.' },
  { paths: ['/articles/essai'], text: 'Un ESSAI sur la caresse.' },
  { paths: ['/themes/cooperer', '/axes/organiser'], text: 'La coopération entre pôles (PTCE).' },
  { paths: ['/projets/amap'], text: 'Les AMAP et les circuits courts.' },
]

const LISTS = ['/glossaire', '/sitemap.xml', TERM_PAGES_ROUTE]

describe('pages to refresh when a term changes', () => {
  it('an added term: the pages containing it (term or variant, any case, accents, spacing), the lists and term pages', () => {
    expect(pathsForTermChange(null, ess, DOCS).sort()).toEqual([...LISTS, '/articles/ess', '/articles/long'].sort())
  })

  it('a removed term: the pages that contained it', () => {
    expect(pathsForTermChange(ess, null, DOCS).sort()).toEqual([...LISTS, '/articles/ess', '/articles/long'].sort())
  })

  it('a renamed term: pages with the old spelling and pages with the new one', () => {
    const renamed = { ...ess, term: 'Coopération', variants: [] }
    expect(pathsForTermChange(ess, renamed, DOCS).sort()).toEqual(
      [...LISTS, '/articles/ess', '/articles/long', '/themes/cooperer', '/axes/organiser'].sort(),
    )
  })

  it('a new variant: pages with the term or with the variant', () => {
    const ptce: GlossaryEntry = { id: 2, slug: 'ptce', term: 'PTCE' }
    const withVariant = { ...ptce, variants: ['AMAP'] }
    expect(pathsForTermChange(ptce, withVariant, DOCS).sort()).toEqual([...LISTS, '/themes/cooperer', '/axes/organiser', '/projets/amap'].sort())
  })

  it('a new short definition changes every popover of the term', () => {
    expect(pathsForTermChange(ess, { ...ess, shortDefinition: 'Autre.' }, DOCS)).toEqual(expect.arrayContaining(['/articles/ess', '/articles/long']))
  })

  it('a change that no annotation shows (full definition, related terms): only the glossary pages', () => {
    expect(pathsForTermChange(ess, { ...ess }, DOCS).sort()).toEqual([...LISTS].sort())
    // Folding-equivalent spellings annotate the same text.
    expect(annotationChanged(ess, { ...ess, term: 'ess' })).toBe(false)
    expect(annotationChanged(ess, { ...ess, slug: 'e-s-s' })).toBe(true)
  })

  it('nothing public (a draft term saved as a draft): nothing', () => {
    expect(pathsForTermChange(null, null, DOCS)).toEqual([])
  })

  it('never an unrelated page, even with a word of the term in it', () => {
    const paths = pathsForTermChange(null, { id: 3, slug: 'circuits-courts', term: 'Circuits courts' }, DOCS)
    expect(paths).toContain('/projets/amap')
    expect(paths).not.toContain('/articles/essai')
    expect(paths).not.toContain('/articles/ess')
  })

  it('the forms looked for: old and new, without empty ones or duplicates', () => {
    expect(termForms(ess, { ...ess, variants: ['ESS', '  ', 'Éco. sociale'] }, null)).toEqual(['ESS', 'économie sociale et solidaire', 'Éco. sociale'])
  })
})

describe('term pages to refresh when a document changes', () => {
  const line = { path: '/articles/a', title: 'Un article' }

  it('a document published: the pages of every term it uses', () => {
    expect(termPagesForDocumentChange(null, { ...line, terms: ['ess', 'amap'] })).toEqual(['/glossaire/amap', '/glossaire/ess'])
  })

  it('a document unpublished or deleted: the pages of every term it used', () => {
    expect(termPagesForDocumentChange({ ...line, terms: ['ess'] }, null)).toEqual(['/glossaire/ess'])
  })

  it('a text edited: only the terms that appear or disappear', () => {
    expect(termPagesForDocumentChange({ ...line, terms: ['ess', 'amap'] }, { ...line, terms: ['ess', 'ptce'] })).toEqual([
      '/glossaire/amap',
      '/glossaire/ptce',
    ])
    expect(termPagesForDocumentChange({ ...line, terms: ['ess'] }, { ...line, terms: ['ess'] })).toEqual([])
  })

  it('a new title or address: every term page that lists it', () => {
    expect(termPagesForDocumentChange({ ...line, terms: ['ess'] }, { ...line, title: 'Nouveau titre', terms: ['ess', 'amap'] })).toEqual([
      '/glossaire/amap',
      '/glossaire/ess',
    ])
    expect(termPagesForDocumentChange({ ...line, terms: ['ess'] }, { ...line, path: '/articles/b', terms: ['ess'] })).toEqual(['/glossaire/ess'])
  })

  it('a document without a public address is listed nowhere', () => {
    expect(termPagesForDocumentChange(null, { path: null, title: 'Sans adresse', terms: ['ess'] })).toEqual([])
  })

  it('not public before nor after: nothing', () => {
    expect(termPagesForDocumentChange(null, null)).toEqual([])
  })
})
