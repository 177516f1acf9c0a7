import { describe, expect, it } from 'vitest'

import { indexRowOf, searchURL } from '../../src/lib/search-documents'
import { SEARCH_TYPE_LABELS, SEARCH_TYPES } from '../../src/lib/search-types'
import { richText } from '../../src/seed/lexical'

describe('indexRowOf', () => {
  it('article: title, standfirst, text; authors and source as card facts', () => {
    const row = indexRowOf('articles', {
      id: 7,
      title: '  Décideurs en région ',
      slug: 'decideurs-en-region',
      excerpt: 'Le Labo de l’ESS veut rendre accessibles des solutions concrètes.',
      body: richText('Premier paragraphe.', 'Second paragraphe.'),
      authors: [{ name: 'Christelle Layre' }],
      source: { medium: 'Les Echos', section: 'Cahier Expertises' },
      publishedAt: '2016-02-08T00:00:00.000Z',
      _status: 'published',
    })
    expect(row).toEqual({
      collection: 'articles',
      id: 7,
      title: 'Décideurs en région',
      keywords: '',
      summary: 'Le Labo de l’ESS veut rendre accessibles des solutions concrètes.',
      body: 'Premier paragraphe.\nSecond paragraphe.',
      extra: 'Christelle Layre\nLes Echos\nCahier Expertises',
      url: '/articles/decideurs-en-region',
      publishedAt: '2016-02-08T00:00:00.000Z',
    })
  })

  it('project: the four sections as body, lever and programme as facts', () => {
    const row = indexRowOf('projects', {
      id: 1,
      title: 'Des lieux pour accueillir l’ESS',
      slug: 'lieux',
      summary: 'Résumé.',
      supportedProject: richText('Le projet.'),
      context: richText('Le contexte.'),
      structure: null,
      foundationOpinion: richText('L’avis.'),
      lever: 'Faire (re)connaître l’ESS',
      programme: 'Création de valeurs',
      duration: '2 ans',
    })
    expect(row).toMatchObject({
      title: 'Des lieux pour accueillir l’ESS',
      summary: 'Résumé.',
      body: 'Le projet.\nLe contexte.\nL’avis.',
      extra: 'Faire (re)connaître l’ESS\nCréation de valeurs\n2 ans',
      url: '/projets/lieux',
    })
  })

  it('axes and themes are titled as the site shows them', () => {
    expect(indexRowOf('axes', { id: 4, number: 4, title: 'Développer', slug: 'developper', tagline: 'Innover, essaimer' })).toMatchObject({
      title: 'Axe 4 : Développer',
      summary: 'Innover, essaimer',
      url: '/axes/developper',
    })
    expect(
      indexRowOf('themes', { id: 9, number: 10, title: 'Circuits courts', slug: 'circuits-courts', workingGroup: { note: 'Un groupe travaille' } }),
    ).toMatchObject({ title: 'Thème 10 : Circuits courts', extra: 'Un groupe travaille', url: '/themes/circuits-courts' })
  })

  it('glossary: variants are keywords (weighted as the title)', () => {
    expect(
      indexRowOf('glossary-terms', {
        id: 3,
        term: 'Circuits courts',
        slug: 'circuits-courts',
        variants: [{ variant: 'circuit court' }, { variant: 'CCES' }],
        shortDefinition: 'Définition du concept',
      }),
    ).toMatchObject({ title: 'Circuits courts', keywords: 'circuit court\nCCES', summary: 'Définition du concept', url: '/glossaire/circuits-courts' })
  })

  it('pages use their tree path; partners lead to the partners page', () => {
    expect(
      indexRowOf('pages', { id: 2, title: 'Présentation', slug: 'presentation', breadcrumbs: [{ url: '/le-labo' }, { url: '/le-labo/presentation' }] }),
    ).toMatchObject({ url: '/le-labo/presentation' })
    expect(indexRowOf('pages', { id: 2, title: 'Présentation', slug: 'presentation' })).toMatchObject({ url: '/presentation' })
    expect(
      indexRowOf('partners', { id: 5, name: 'Le Labo de l’ESS', slug: 'labo', legalForm: 'association', address: { city: 'Paris' } }),
    ).toMatchObject({ title: 'Le Labo de l’ESS', url: '/partenaires', extra: 'association\nParis' })
  })

  it('nothing to index without an id, a title or an address', () => {
    expect(indexRowOf('articles', { title: 'Sans id', slug: 'x' })).toBeNull()
    expect(indexRowOf('articles', { id: 1, title: '  ', slug: 'x' })).toBeNull()
    expect(indexRowOf('articles', { id: 1, title: 'Sans slug' })).toBeNull()
    expect(indexRowOf('users' as never, { id: 1, title: 'x', slug: 'x' })).toBeNull()
  })

  it('titles are one line, even when an editor typed a newline', () => {
    expect(indexRowOf('pages', { id: 1, title: 'Deux\nlignes', slug: 'p' })?.title).toBe('Deux lignes')
  })
})

describe('types', () => {
  it('every searchable type has French labels and an address rule', () => {
    for (const type of SEARCH_TYPES) {
      expect(SEARCH_TYPE_LABELS[type].singular).toBeTruthy()
      expect(searchURL(type, { slug: 'x', breadcrumbs: [] })).toMatch(/^\//)
    }
  })
})
