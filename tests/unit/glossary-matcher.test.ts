import { describe, it, expect } from 'vitest'
import { buildMatcher, type GlossaryEntry, type GlossaryMatch } from '../../src/lib/glossary-matcher'

const ESS: GlossaryEntry = {
  id: 1,
  slug: 'ess',
  term: 'ESS',
  variants: ['économie sociale et solidaire'],
  shortDefinition: 'Économie sociale et solidaire',
}
const PTCE: GlossaryEntry = { id: 2, slug: 'ptce', term: 'PTCE', variants: ['pôle territorial de coopération économique'] }
const AMAP: GlossaryEntry = { id: 3, slug: 'amap', term: 'AMAP', variants: ['AMAPs'] }
const CIRCUITS: GlossaryEntry = { id: 4, slug: 'circuits-courts', term: 'Circuits courts' }
const CIRCUITS_ESS: GlossaryEntry = { id: 5, slug: 'ccees', term: 'Circuits courts économiques et solidaires' }
const OUTILS: GlossaryEntry = { id: 'outils', slug: 'outils-financiers-solidaires', term: 'Outils financiers solidaires' }
const COOP: GlossaryEntry = { id: 7, slug: 'cooperation', term: 'Coopération' }

const ALL = [ESS, PTCE, AMAP, CIRCUITS, CIRCUITS_ESS, OUTILS, COOP]
const matcher = buildMatcher(ALL)

/** Compact view of the matches: [matched text, entry slug]. */
const view = (matches: GlossaryMatch[]): Array<[string, string]> => matches.map((m) => [m.text, m.entry.slug])
const all = (text: string): Array<[string, string]> => view(matcher.find(text, { firstOnly: false }))

describe('buildMatcher', () => {
  it('compiles every distinct term and variant', () => {
    expect(matcher.size).toBe(10)
  })

  it('returns no match for an empty glossary or an empty text', () => {
    expect(buildMatcher([]).find('ESS')).toEqual([])
    expect(matcher.find('')).toEqual([])
  })

  it('ignores empty terms and variants', () => {
    const m = buildMatcher([{ id: 1, slug: 'x', term: '   ', variants: ['', 'ESS'] }])
    expect(m.size).toBe(1)
    expect(view(m.find('l’ESS'))).toEqual([['ESS', 'x']])
  })
})

describe('matcher.find', () => {
  describe('offsets', () => {
    it('returns offsets into the original text', () => {
      const text = 'La coopération est au cœur de l’ESS.'
      const matches = matcher.find(text)
      expect(matches).toHaveLength(2)
      for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text)
      expect(matches[0]).toMatchObject({ start: 3, end: 14, text: 'coopération', entry: COOP })
      expect(matches[1]).toMatchObject({ start: 32, end: 35, text: 'ESS', entry: ESS })
    })

    it('keeps offsets right after ligatures, emoji and decomposed accents', () => {
      const text = 'Œuvre 🎉 cœur Coope\u0301ration, puis l’ESS'
      const matches = matcher.find(text)
      expect(view(matches)).toEqual([
        ['Coope\u0301ration', 'cooperation'],
        ['ESS', 'ess'],
      ])
      for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text)
    })

    it('includes a trailing combining mark in the match', () => {
      const m = buildMatcher([{ id: 1, slug: 'cafe', term: 'café' }])
      const text = 'Un cafe\u0301 serré'
      const [match] = m.find(text)
      expect(match.text).toBe('cafe\u0301')
      expect(match.end).toBe(8)
    })
  })

  describe('case and accents', () => {
    it('is case- and accent-insensitive in both directions', () => {
      expect(all('cooperation, COOPÉRATION, Coopération, coopèration')).toEqual([
        ['cooperation', 'cooperation'],
        ['COOPÉRATION', 'cooperation'],
        ['Coopération', 'cooperation'],
        ['coopèration', 'cooperation'],
      ])
      const m = buildMatcher([{ id: 1, slug: 'x', term: 'Economie' }])
      expect(view(m.find('L’ÉCONOMIE'))).toEqual([['ÉCONOMIE', 'x']])
    })

    it('matches ligatures and their expansion alike', () => {
      const m = buildMatcher([{ id: 1, slug: 'coeur', term: 'cœur de métier' }])
      expect(view(m.find('notre coeur de metier', { firstOnly: false }))).toEqual([['coeur de metier', 'coeur']])
      expect(view(m.find('notre CŒUR DE MÉTIER'))).toEqual([['CŒUR DE MÉTIER', 'coeur']])
    })

    it('matches a term written without ligature in a text with one', () => {
      const m = buildMatcher([{ id: 1, slug: 'oeuvre', term: 'Oeuvre collective' }])
      const text = 'Une œuvre collective, une ŒUVRE  COLLECTIVE.'
      const matches = m.find(text, { firstOnly: false })
      expect(view(matches)).toEqual([
        ['œuvre collective', 'oeuvre'],
        ['ŒUVRE  COLLECTIVE', 'oeuvre'],
      ])
      expect(matches[0]).toMatchObject({ start: 4, end: 20 })
      // A term cannot end in the middle of a ligature.
      expect(buildMatcher([{ id: 2, slug: 'co', term: 'co' }]).find('cœur')).toEqual([])
    })

    it('treats ’ and \' alike, in terms and in text', () => {
      const m = buildMatcher([{ id: 1, slug: 'ei', term: 'Entreprise d’insertion' }])
      expect(view(m.find("une entreprise d'insertion"))).toEqual([["entreprise d'insertion", 'ei']])
      expect(view(m.find('une entreprise d’insertion'))).toEqual([['entreprise d’insertion', 'ei']])
    })

    it('matches multi-word terms across any whitespace', () => {
      expect(all('des circuits\u00A0courts, des circuits\n  courts')).toEqual([
        ['circuits\u00A0courts', 'circuits-courts'],
        ['circuits\n  courts', 'circuits-courts'],
      ])
    })
  })

  describe('whole words', () => {
    it('matches after apostrophes and around punctuation', () => {
      for (const text of ["l'ESS", 'l’ESS', "d'ESS", 'ESS,', '(ESS)', '« ESS »', 'ESS.', 'ESS!', 'ESS/PTCE', '"ESS"']) {
        const matches = matcher.find(text)
        expect(matches.length, text).toBeGreaterThan(0)
        expect(matches[0].text).toBe('ESS')
      }
    })

    it('does not match inside words', () => {
      for (const text of ['ESSAI', 'caresse', 'ESSONNE', 'PROCESS', 'ESS2', 'ESS_x', 'amapien']) {
        expect(matcher.find(text), text).toEqual([])
      }
    })

    it('treats the hyphen as a word joiner', () => {
      expect(matcher.find('ESS-truc')).toEqual([])
      expect(matcher.find('anti-ESS')).toEqual([])
      expect(matcher.find('co-coopération')).toEqual([])
      // A spaced dash is punctuation, not a joiner.
      expect(view(matcher.find('ESS - PTCE'))).toEqual([
        ['ESS', 'ess'],
        ['PTCE', 'ptce'],
      ])
    })

    it('does not match inside domain names or e-mail addresses', () => {
      expect(matcher.find('www.ess.fr')).toEqual([])
      expect(matcher.find('contact@ess')).toEqual([])
      expect(matcher.find('ess@labo.fr')).toEqual([])
    })

    it('matches at the very start and end of the text', () => {
      expect(all('ESS')).toEqual([['ESS', 'ess']])
      expect(all('AMAP et ESS')).toEqual([
        ['AMAP', 'amap'],
        ['ESS', 'ess'],
      ])
    })
  })

  describe('variants', () => {
    it('matches variants and returns the entry', () => {
      expect(all('Les AMAPs et l’économie sociale et solidaire')).toEqual([
        ['AMAPs', 'amap'],
        ['économie sociale et solidaire', 'ess'],
      ])
    })

    it('counts a variant and the term as the same entry for firstOnly', () => {
      expect(view(matcher.find('L’économie sociale et solidaire, ou ESS'))).toEqual([['économie sociale et solidaire', 'ess']])
    })

    it('prefers an entry term over another entry variant with the same form', () => {
      const a: GlossaryEntry = { id: 'a', slug: 'a', term: 'Insertion', variants: ['IAE'] }
      const b: GlossaryEntry = { id: 'b', slug: 'b', term: 'IAE' }
      const m = buildMatcher([a, b])
      expect(m.size).toBe(2)
      expect(view(m.find('IAE'))).toEqual([['IAE', 'b']])
    })

    it('keeps the first entry when two terms have the same folded form', () => {
      const m = buildMatcher([
        { id: 1, slug: 'first', term: 'Coopération' },
        { id: 2, slug: 'second', term: 'cooperation' },
      ])
      expect(view(m.find('coopération'))).toEqual([['coopération', 'first']])
    })
  })

  describe('longest match and overlaps', () => {
    it('prefers the longest term', () => {
      expect(all('Les circuits courts économiques et solidaires et les circuits courts.')).toEqual([
        ['circuits courts économiques et solidaires', 'ccees'],
        ['circuits courts', 'circuits-courts'],
      ])
    })

    it('falls back to the shorter term when the longer one is incomplete', () => {
      expect(all('des circuits courts économiques')).toEqual([['circuits courts', 'circuits-courts']])
    })

    it('only takes complete words for the longest match', () => {
      const m = buildMatcher([
        { id: 1, slug: 'eco', term: 'économie' },
        { id: 2, slug: 'eco-s', term: 'économie s' },
      ])
      expect(view(m.find('économie sociale'))).toEqual([['économie', 'eco']])
    })

    it('never returns overlapping matches', () => {
      const m = buildMatcher([
        { id: 1, slug: 'es', term: 'économie sociale' },
        { id: 2, slug: 'ss', term: 'sociale et solidaire' },
        { id: 3, slug: 's', term: 'solidaire' },
      ])
      expect(view(m.find('économie sociale et solidaire', { firstOnly: false }))).toEqual([
        ['économie sociale', 'es'],
        ['solidaire', 's'],
      ])
      const text = 'économie sociale et solidaire '.repeat(5)
      const matches = m.find(text, { firstOnly: false })
      for (let k = 1; k < matches.length; k++) expect(matches[k].start).toBeGreaterThanOrEqual(matches[k - 1].end)
    })

    it('returns matches in text order', () => {
      const matches = matcher.find('PTCE, AMAP, ESS, coopération, outils financiers solidaires', { firstOnly: false })
      expect(matches.map((m) => m.entry.slug)).toEqual(['ptce', 'amap', 'ess', 'cooperation', 'outils-financiers-solidaires'])
      const starts = matches.map((m) => m.start)
      expect([...starts].sort((a, b) => a - b)).toEqual(starts)
    })
  })

  describe('firstOnly, exclude and seen', () => {
    const text = 'L’ESS, encore l’ESS, et l’AMAP, toujours l’ESS et l’AMAP.'

    it('only returns the first occurrence of each entry by default', () => {
      expect(view(matcher.find(text))).toEqual([
        ['ESS', 'ess'],
        ['AMAP', 'amap'],
      ])
    })

    it('returns every occurrence with firstOnly: false', () => {
      expect(matcher.find(text, { firstOnly: false }).map((m) => m.entry.slug)).toEqual(['ess', 'ess', 'amap', 'ess', 'amap'])
    })

    it('skips excluded entries (string and number ids)', () => {
      expect(view(matcher.find(text, { exclude: new Set([1]) }))).toEqual([['AMAP', 'amap']])
      expect(view(matcher.find('Outils financiers solidaires', { exclude: new Set(['outils']) }))).toEqual([])
      // Ids are compared strictly: "1" is not 1.
      expect(view(matcher.find('ESS', { exclude: new Set(['1']) }))).toEqual([['ESS', 'ess']])
    })

    it('lets an excluded or already seen long term consume its span', () => {
      const t = 'Les circuits courts économiques et solidaires.'
      expect(matcher.find(t, { exclude: new Set([5]) })).toEqual([])
      expect(matcher.find(t, { seen: new Set([5]) })).toEqual([])
    })

    it('shares "first occurrence" across chunks through seen', () => {
      const seen = new Set<string | number>()
      const chunk1 = matcher.find('Premier paragraphe sur l’ESS.', { seen })
      const chunk2 = matcher.find('Deuxième paragraphe : ESS et AMAP.', { seen })
      const chunk3 = matcher.find('Troisième : AMAP, PTCE.', { seen })
      expect(view(chunk1)).toEqual([['ESS', 'ess']])
      expect(view(chunk2)).toEqual([['AMAP', 'amap']])
      expect(view(chunk3)).toEqual([['PTCE', 'ptce']])
      expect([...seen]).toEqual([1, 3, 2])
    })

    it('ignores seen when firstOnly is false', () => {
      const seen = new Set<string | number>([1])
      expect(view(matcher.find('ESS et ESS', { firstOnly: false, seen }))).toEqual([
        ['ESS', 'ess'],
        ['ESS', 'ess'],
      ])
      expect([...seen]).toEqual([1])
    })

    it('does not share state between calls without seen', () => {
      expect(view(matcher.find('ESS'))).toEqual([['ESS', 'ess']])
      expect(view(matcher.find('ESS'))).toEqual([['ESS', 'ess']])
    })
  })

  it('annotates a realistic paragraph', () => {
    const text =
      'Le Labo de l’ESS étudie les Circuits courts économiques et solidaires (CCES), les PTCE et les AMAP. ' +
      'Les outils financiers solidaires et la coopération entre acteurs de l’ESS y sont essentiels.'
    const matches = matcher.find(text)
    expect(view(matches)).toEqual([
      ['ESS', 'ess'],
      ['Circuits courts économiques et solidaires', 'ccees'],
      ['PTCE', 'ptce'],
      ['AMAP', 'amap'],
      ['outils financiers solidaires', 'outils-financiers-solidaires'],
      ['coopération', 'cooperation'],
    ])
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text)
  })

  it('is fast on a long text', () => {
    const words = ['le', 'projet', 'de', 'coopération', 'territoriale', 'l’ESS', 'des', 'circuits', 'courts', 'AMAP', 'solidaire']
    const text = Array.from({ length: 10000 }, (_, i) => words[(i * 7) % words.length]).join(' ')
    const t0 = performance.now()
    const matches = matcher.find(text, { firstOnly: false })
    const elapsed = performance.now() - t0
    expect(matches.length).toBeGreaterThan(1000)
    for (const m of matches.slice(0, 50)) expect(text.slice(m.start, m.end)).toBe(m.text)
    expect(elapsed).toBeLessThan(200)
  })
})
