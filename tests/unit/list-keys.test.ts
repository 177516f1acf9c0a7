import { describe, expect, it } from 'vitest'

import { ALL, ARTICLE_LIST, decodeListKey, encodeListKey, filtersFrom, listPattern, listRoute, listSpecOf, pageOf, PROJECT_LIST } from '../../src/lib/list-keys'

const route = (spec: typeof PROJECT_LIST, query: string) => listRoute(spec, new URLSearchParams(query))

describe('list keys: one cached page per filter combination', () => {
  it.each([
    ['', '/projets/liste/tout'],
    ['page=1', '/projets/liste/tout'],
    ['page=2', '/projets/liste/page-2'],
    ['domaine=emploi&annee=2012', '/projets/liste/annee-2012.domaine-emploi'],
    ['annee=2012&domaine=emploi', '/projets/liste/annee-2012.domaine-emploi'],
    ['perimetre=regional&page=3&domaine=circuits-courts', '/projets/liste/domaine-circuits-courts.perimetre-regional.page-3'],
    // Malformed or unknown values are ignored, as if absent.
    ['annee=12&domaine=Emploi!&perimetre=mars&page=0&utm_source=x', '/projets/liste/tout'],
    ['page=abc', '/projets/liste/tout'],
    ['domaine=%20emploi%20', '/projets/liste/domaine-emploi'],
  ])('/projets?%s → %s', (query, expected) => {
    expect(route(PROJECT_LIST, query)).toBe(expected)
  })

  it('articles by rubrique', () => {
    expect(route(ARTICLE_LIST, 'rubrique=interviews&page=2')).toBe('/articles/liste/rubrique-interviews.page-2')
    expect(route(ARTICLE_LIST, 'rubrique=inconnue')).toBe('/articles/liste/tout')
  })

  it('decodes only canonical keys', () => {
    expect(decodeListKey(PROJECT_LIST, ALL)).toEqual({})
    expect(decodeListKey(PROJECT_LIST, 'annee-2012.domaine-emploi')).toEqual({ annee: '2012', domaine: 'emploi' })
    expect(decodeListKey(PROJECT_LIST, 'domaine-circuits-courts.page-3')).toEqual({ domaine: 'circuits-courts', page: '3' })
    for (const key of ['domaine-emploi.annee-2012', 'page-1', 'page-0', 'annee-12', 'x-1', 'annee-2012.annee-2013', '', 'tout.page-2', 'domaine-']) {
      expect(decodeListKey(PROJECT_LIST, key), key).toBeNull()
    }
  })

  it('round-trips and reads the page', () => {
    const filters = filtersFrom(PROJECT_LIST, new URLSearchParams('perimetre=local&page=12'))
    expect(decodeListKey(PROJECT_LIST, encodeListKey(PROJECT_LIST, filters))).toEqual(filters)
    expect(pageOf(filters)).toBe(12)
    expect(pageOf({})).toBe(1)
  })

  it('knows which addresses are lists and how to revalidate them', () => {
    expect(listSpecOf('/projets')).toBe(PROJECT_LIST)
    expect(listSpecOf('/articles')).toBe(ARTICLE_LIST)
    expect(listSpecOf('/projets/un-projet')).toBeUndefined()
    expect(listPattern(PROJECT_LIST)).toBe('/(frontend)/projets/liste/[cle]')
  })
})
