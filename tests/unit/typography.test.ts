import { describe, it, expect } from 'vitest'
import { frenchTypography, NBSP, NNBSP } from '../../src/lib/typography'

const N = NNBSP // narrow no-break space U+202F
const B = NBSP // no-break space U+00A0

describe('frenchTypography', () => {
  it('exports the right characters', () => {
    expect(NNBSP).toBe('\u202F')
    expect(NBSP).toBe('\u00A0')
  })

  describe('; ! ?', () => {
    it('replaces an ordinary space with a narrow no-break space', () => {
      expect(frenchTypography('Bonjour !')).toBe(`Bonjour${N}!`)
      expect(frenchTypography('Vraiment ?')).toBe(`Vraiment${N}?`)
      expect(frenchTypography('un ; deux')).toBe(`un${N}; deux`)
    })

    it('replaces runs of spaces and wrong no-break spaces', () => {
      expect(frenchTypography('Bonjour   !')).toBe(`Bonjour${N}!`)
      expect(frenchTypography(`Bonjour${B}!`)).toBe(`Bonjour${N}!`)
      expect(frenchTypography(`Bonjour ${N}!`)).toBe(`Bonjour${N}!`)
      expect(frenchTypography('Bonjour\u2009!')).toBe(`Bonjour${N}!`)
    })

    it('adds the space when missing after a letter or a digit', () => {
      expect(frenchTypography('Bonjour!')).toBe(`Bonjour${N}!`)
      expect(frenchTypography('Quoi? Vraiment!')).toBe(`Quoi${N}? Vraiment${N}!`)
      expect(frenchTypography('un; deux')).toBe(`un${N}; deux`)
      expect(frenchTypography('Combien en 2023?')).toBe(`Combien en 2023${N}?`)
      expect(frenchTypography('Déjà là?')).toBe(`Déjà là${N}?`)
    })

    it('adds the space before closing punctuation', () => {
      expect(frenchTypography('(pourquoi?)')).toBe(`(pourquoi${N}?)`)
      expect(frenchTypography('« Ah! »')).toBe(`«${B}Ah${N}!${B}»`)
    })

    it('handles sequences of signs without spaces between them', () => {
      expect(frenchTypography('Quoi?!')).toBe(`Quoi${N}?!`)
      expect(frenchTypography('Quoi ?!')).toBe(`Quoi${N}?!`)
      expect(frenchTypography('Non!!!')).toBe(`Non${N}!!!`)
    })

    it('does not add a space when the sign is not preceded by a letter or digit', () => {
      expect(frenchTypography('?')).toBe('?')
      expect(frenchTypography('!important')).toBe('!important')
      expect(frenchTypography('(sic)!')).toBe('(sic)!')
      expect(frenchTypography('...?')).toBe('...?')
    })

    it('does not touch code-like text where the sign is glued to the next word', () => {
      expect(frenchTypography('a?b:c')).toBe('a?b:c')
      expect(frenchTypography('x;y;z')).toBe('x;y;z')
      expect(frenchTypography('page?id=3')).toBe('page?id=3')
    })
  })

  describe(':', () => {
    it('replaces the space before a colon with a no-break space', () => {
      expect(frenchTypography('Axe 4 : Développer')).toBe(`Axe 4${B}: Développer`)
      expect(frenchTypography(`Note${N}: ok`)).toBe(`Note${B}: ok`)
      expect(frenchTypography('Note   :')).toBe(`Note${B}:`)
    })

    it('never adds a missing space before a colon', () => {
      expect(frenchTypography('Note: ok')).toBe('Note: ok')
    })

    it('leaves times untouched', () => {
      expect(frenchTypography('Rendez-vous à 10:30 ou à 10h30.')).toBe('Rendez-vous à 10:30 ou à 10h30.')
      expect(frenchTypography('De 9:00 à 17:45')).toBe('De 9:00 à 17:45')
    })

    it('does not treat a colon glued to the next word as punctuation', () => {
      expect(frenchTypography('clé :valeur')).toBe('clé :valeur')
    })
  })

  describe('« »', () => {
    it('puts no-break spaces inside guillemets', () => {
      expect(frenchTypography('«Bonjour»')).toBe(`«${B}Bonjour${B}»`)
      expect(frenchTypography('« Bonjour »')).toBe(`«${B}Bonjour${B}»`)
      expect(frenchTypography('«  Bonjour  »')).toBe(`«${B}Bonjour${B}»`)
      expect(frenchTypography(`«${N}Bonjour${N}»`)).toBe(`«${B}Bonjour${B}»`)
    })

    it('handles guillemets inside a sentence', () => {
      expect(frenchTypography('Le projet «Faire ESS» est lancé.')).toBe(`Le projet «${B}Faire ESS${B}» est lancé.`)
    })

    it('does not put spaces across line breaks or in empty guillemets', () => {
      expect(frenchTypography('«\nBonjour\n»')).toBe('«\nBonjour\n»')
      expect(frenchTypography('«»')).toBe('«»')
    })
  })

  describe('protected zones', () => {
    it('leaves URLs untouched', () => {
      expect(frenchTypography('Voir https://example.org/page?x=1;y=2!')).toBe('Voir https://example.org/page?x=1;y=2!')
      expect(frenchTypography('http://a.fr/b:c')).toBe('http://a.fr/b:c')
      expect(frenchTypography('Écrivez à mailto:contact@labo.fr?subject=Bonjour')).toBe(
        'Écrivez à mailto:contact@labo.fr?subject=Bonjour',
      )
      expect(frenchTypography('www.labo-ess.org/?q=a;b')).toBe('www.labo-ess.org/?q=a;b')
    })

    it('still fixes punctuation after a URL', () => {
      expect(frenchTypography('Voir https://example.org !')).toBe(`Voir https://example.org${N}!`)
      expect(frenchTypography('Voir https://example.org.')).toBe('Voir https://example.org.')
    })

    it('leaves emoticons untouched', () => {
      expect(frenchTypography('Super :)')).toBe('Super :)')
      expect(frenchTypography('Super;)')).toBe('Super;)')
      expect(frenchTypography('Bien vu ;-) et :D ou :p ou :( ou :/')).toBe('Bien vu ;-) et :D ou :p ou :( ou :/')
    })

    it('leaves inline and fenced code untouched', () => {
      expect(frenchTypography('Tapez `a ? b : c` puis validez!')).toBe(`Tapez \`a ? b : c\` puis validez${N}!`)
      const fenced = '```\nif (a) { b(); }\nx = y ? 1 : 2;\ns = "«x»"\n```'
      expect(frenchTypography(fenced)).toBe(fenced)
      expect(frenchTypography('Tapez `«x»` ou `x = «y»!` ici')).toBe('Tapez `«x»` ou `x = «y»!` ici')
    })
  })

  it('does not touch indentation before a sign at the start of a line', () => {
    expect(frenchTypography('Liste\n  : élément')).toBe('Liste\n  : élément')
  })

  it('returns text without French punctuation unchanged', () => {
    const text = 'Le Labo de l’ESS, think tank, 2024.'
    expect(frenchTypography(text)).toBe(text)
    expect(frenchTypography('')).toBe('')
  })

  it('handles a realistic paragraph', () => {
    const input =
      "L'ESS : un modèle d'avenir ? Oui! Selon le rapport « Faire ESS » ; voir https://www.lelabo-ess.org/rapport?id=4 à 10:30."
    expect(frenchTypography(input)).toBe(
      `L'ESS${B}: un modèle d'avenir${N}? Oui${N}! Selon le rapport «${B}Faire ESS${B}»${N}; voir https://www.lelabo-ess.org/rapport?id=4 à 10:30.`,
    )
  })

  it('handles pathological input in linear-ish time', () => {
    const inputs = [
      `http://x${'.'.repeat(30000)}a!`,
      `:${')'.repeat(30000)}a!`,
      ' !'.repeat(20000),
      '« '.repeat(20000),
      `${' '.repeat(50000)}x !`,
    ]
    const t0 = Date.now()
    for (const s of inputs) frenchTypography(s)
    expect(Date.now() - t0).toBeLessThan(1000)
  })

  it('is idempotent', () => {
    const samples = [
      'Bonjour ! Ça va ?',
      'Quoi?! «Ah» : oui; non',
      'Voir https://a.fr?x=1 ! :) `a?b`',
      "L'ESS : un modèle d'avenir ? Oui! « Faire ESS » ; 10:30",
      `Déjà${B}!${N}?`,
    ]
    for (const s of samples) {
      const once = frenchTypography(s)
      expect(frenchTypography(once)).toBe(once)
    }
  })

  it('never doubles no-break spaces', () => {
    const out = frenchTypography(`« ${B}Bonjour ${N} » ${B}!`)
    expect(out).toBe(`«${B}Bonjour${B}»${N}!`)
    expect(out).not.toMatch(/[\u00A0\u202F ]{2}/)
  })
})
