import { describe, expect, it } from 'vitest'

import { buildMatcher } from '../../src/lib/glossary-matcher'
import { annotateLexical, isGlossaryCollection, lexicalPlainText, usageTitle, usedTermSlugs } from '../../src/plugins/glossary/annotate'

const matcher = buildMatcher([
  { id: 1, slug: 'ess', term: 'ESS', shortDefinition: 'Économie sociale et solidaire.' },
  { id: 2, slug: 'cooperation', term: 'Coopération', shortDefinition: 'Travailler ensemble.' },
  { id: 3, slug: 'circuits-courts', term: 'Circuits courts', variants: ['circuit court'], shortDefinition: 'Peu d’intermédiaires.' },
])

const text = (t: string, format = 0) => ({ type: 'text', text: t, format })
const p = (...children: unknown[]) => ({ type: 'paragraph', children })
const doc = (...children: unknown[]) => ({ root: { type: 'root', children } })

describe('annotateLexical', () => {
  it('annotates the first occurrence of each term, with offsets in the plain text', () => {
    const state = doc(p(text('L’ESS et la cooperation.')), p(text('Encore l’ESS, en circuit court.')))
    const { text: plain, occurrences } = annotateLexical(state, matcher)
    expect(plain).toBe('L’ESS et la cooperation.\nEncore l’ESS, en circuit court.')
    expect(occurrences.map((o) => [o.slug, o.text, plain.slice(o.start, o.end)])).toEqual([
      ['ess', 'ESS', 'ESS'],
      ['cooperation', 'cooperation', 'cooperation'],
      ['circuits-courts', 'circuit court', 'circuit court'],
    ])
    expect(occurrences[0]).toMatchObject({ term: 'ESS', shortDefinition: 'Économie sociale et solidaire.', start: 2, end: 5 })
  })

  it('never annotates links, headings, code or quotes', () => {
    const state = doc(
      { type: 'heading', tag: 'h2', children: [text('L’ESS')] },
      p({ type: 'link', fields: { url: 'https://x' }, children: [text('ESS')] }, text(' puis '), text('ESS', 16)),
      { type: 'quote', children: [text('ESS')] },
      { type: 'code', children: [text('ESS')] },
      p(text('Enfin l’ESS ici.')),
    )
    const { text: plain, occurrences } = annotateLexical(state, matcher)
    expect(occurrences).toHaveLength(1)
    expect(plain.slice(0, occurrences[0].start).endsWith('Enfin l’')).toBe(true)
  })

  it('shares the seen set across fields, and can annotate every occurrence', () => {
    const seen = new Set<string | number>()
    expect(annotateLexical(doc(p(text('ESS'))), matcher, { seen }).occurrences).toHaveLength(1)
    expect(annotateLexical(doc(p(text('ESS'))), matcher, { seen }).occurrences).toHaveLength(0)
    expect(annotateLexical(doc(p(text('ESS, ESS'))), matcher, { firstOnly: false }).occurrences).toHaveLength(2)
  })

  it('excludes a term (its own page) and ignores non-rich-text values', () => {
    expect(annotateLexical(doc(p(text('ESS'))), matcher, { exclude: new Set([1]) }).occurrences).toEqual([])
    expect(annotateLexical(null, matcher)).toEqual({ text: '', occurrences: [] })
    expect(annotateLexical('ESS', matcher).occurrences).toEqual([])
    expect(lexicalPlainText(doc(p(text('a'), { type: 'linebreak' }, text('b')), p(text('c'))))).toBe('a\nb\nc')
  })

  it('knows the annotated collections', () => {
    expect(isGlossaryCollection('articles')).toBe(true)
    expect(isGlossaryCollection('users')).toBe(false)
    expect(isGlossaryCollection('toString')).toBe(false)
  })
})

describe('the terms a document uses ("Utilisé dans")', () => {
  it('every term with an annotatable occurrence in any annotated field, not in headings or links', () => {
    const project = {
      supportedProject: doc(p(text('Un projet d’ESS.'))),
      context: doc({ type: 'heading', children: [text('Coopération')] }),
      structure: doc(p(text('En circuits courts, encore l’ESS.'))),
      title: 'Coopération partout',
    }
    expect(usedTermSlugs('projects', project, matcher)).toEqual(['circuits-courts', 'ess'])
  })

  it('the switch does not matter: a document that is not annotated still uses its terms', () => {
    expect(usedTermSlugs('articles', { body: doc(p(text('La coopération.'))), glossaryDisabled: true }, matcher)).toEqual(['cooperation'])
  })

  it('the title a document is listed under', () => {
    expect(usageTitle('axes', { number: 4, title: 'Développer' })).toBe('Axe 4 : Développer')
    expect(usageTitle('articles', { title: 'Un article' })).toBe('Un article')
  })
})
