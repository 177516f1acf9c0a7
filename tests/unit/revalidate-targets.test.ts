import { describe, expect, it } from 'vitest'

import { EVERYTHING, ownPaths, touchesPublic } from '../../src/plugins/revalidate/targets'

describe('what a change invalidates', () => {
  it('ignores drafts and autosaves of never-published documents', () => {
    expect(touchesPublic({ _status: 'draft' }, undefined, true)).toBe(false)
    expect(touchesPublic({ _status: 'draft' }, { _status: 'draft' }, true)).toBe(false)
  })

  it('counts publishing, unpublishing and edits of published documents', () => {
    expect(touchesPublic({ _status: 'published' }, { _status: 'draft' }, true)).toBe(true)
    expect(touchesPublic({ _status: 'draft' }, { _status: 'published' }, true)).toBe(true)
    expect(touchesPublic({}, undefined, false)).toBe(true)
  })

  it('refreshes a project page at its old and new address, the lists and the home page', () => {
    expect(ownPaths('projects', { slug: 'nouveau' }, { slug: 'ancien' }).sort()).toEqual(
      ['/', '/projets', '/projets/ancien', '/projets/nouveau', '/sitemap.xml'].sort(),
    )
  })

  it('refreshes the RSS feed with articles', () => {
    expect(ownPaths('articles', { slug: 'a' }, undefined)).toEqual(expect.arrayContaining(['/articles/a', '/articles', '/rss.xml', '/']))
  })

  it('refreshes everything for site-wide content', () => {
    for (const collection of ['pages', 'tags', 'media']) {
      expect(ownPaths(collection, { slug: 'x' }, undefined)).toEqual([EVERYTHING])
    }
  })

  it('refreshes a glossary term at its old and new address and the glossary list, not the whole site', () => {
    // The pages that show the term in their text are chosen by the glossary plugin.
    expect(ownPaths('glossary-terms', { slug: 'ess' }, { slug: 'e-s-s' }).sort()).toEqual(
      ['/glossaire', '/glossaire/e-s-s', '/glossaire/ess', '/sitemap.xml'].sort(),
    )
  })
})
