import { describe, it, expect } from 'vitest'
import { isValidSlug, slugify, SLUG_MAX_LENGTH } from '../../src/lib/slug'

describe('slugify', () => {
  it('handles the reference examples', () => {
    expect(slugify('Axe 4 : Développer')).toBe('axe-4-developper')
    expect(slugify('Culture & ESS')).toBe('culture-et-ess')
    expect(slugify("Le Labo de l'ESS - Des lieux pour accueillir l'ESS")).toBe(
      'le-labo-de-l-ess-des-lieux-pour-accueillir-l-ess',
    )
  })

  it('lowercases and strips accents', () => {
    expect(slugify('Économie À Côté Où Noël Ça Île Ûne')).toBe('economie-a-cote-ou-noel-ca-ile-une')
    expect(slugify('ÉLÈVE ÊTRE ÇÀ')).toBe('eleve-etre-ca')
  })

  it('strips accents written in decomposed (NFD) form', () => {
    expect(slugify('Coope\u0301ration')).toBe('cooperation')
  })

  it('expands ligatures and non-decomposable letters', () => {
    expect(slugify('Œuvre du cœur')).toBe('oeuvre-du-coeur')
    expect(slugify('Ex æquo, Cæsar')).toBe('ex-aequo-caesar')
    expect(slugify('Straße Øresund Łódź')).toBe('strasse-oresund-lodz')
  })

  it('turns straight and typographic apostrophes into hyphens', () => {
    expect(slugify("l'ESS")).toBe('l-ess')
    expect(slugify('l’ESS')).toBe('l-ess')
    expect(slugify('aujourd’hui c‘est ʼbien')).toBe('aujourd-hui-c-est-bien')
  })

  it('turns & into "et"', () => {
    expect(slugify('Recherche&Développement')).toBe('recherche-et-developpement')
    expect(slugify('&')).toBe('et')
  })

  it('removes guillemets and punctuation, collapsing separator runs', () => {
    expect(slugify('« Faire ESS » : le guide !')).toBe('faire-ess-le-guide')
    expect(slugify('Quoi ?!… (vraiment) — oui ; non / peut-être')).toBe('quoi-vraiment-oui-non-peut-etre')
    expect(slugify('a   b\t\nc\u00A0d\u202Fe')).toBe('a-b-c-d-e')
    expect(slugify('1,5 % des emplois = 20 €')).toBe('1-5-des-emplois-20')
  })

  it('trims leading and trailing hyphens', () => {
    expect(slugify('  --Bonjour--  ')).toBe('bonjour')
    expect(slugify('« Titre »')).toBe('titre')
    expect(slugify("'ESS'")).toBe('ess')
  })

  it('drops emoji and non-Latin scripts', () => {
    expect(slugify('ESS 🎉 солидарность 2024')).toBe('ess-2024')
  })

  it('returns an empty string when nothing usable remains', () => {
    expect(slugify('')).toBe('')
    expect(slugify('   ')).toBe('')
    expect(slugify('!!! « » ?')).toBe('')
  })

  it('limits slugs to 96 characters, cutting at a hyphen boundary', () => {
    const title = 'Des lieux pour accueillir et développer l’économie sociale et solidaire dans tous les territoires de France'
    const slug = slugify(title)
    expect(SLUG_MAX_LENGTH).toBe(96)
    expect(slug.length).toBeLessThanOrEqual(96)
    expect(isValidSlug(slug)).toBe(true)
    // Every word kept is a whole word of the full slug.
    const full = 'des-lieux-pour-accueillir-et-developper-l-economie-sociale-et-solidaire-dans-tous-les-territoires-de-france'
    expect(full.startsWith(slug)).toBe(true)
    expect(full[slug.length]).toBe('-')
    expect(slug).toBe('des-lieux-pour-accueillir-et-developper-l-economie-sociale-et-solidaire-dans-tous-les')
  })

  it('keeps exactly 96 characters when the cut falls on a word boundary', () => {
    const words = `${'a'.repeat(47)} ${'b'.repeat(48)} ccc`
    const slug = slugify(words)
    expect(slug).toBe(`${'a'.repeat(47)}-${'b'.repeat(48)}`)
    expect(slug.length).toBe(96)
  })

  it('does not cut a slug of exactly 96 characters', () => {
    const words = `${'a'.repeat(47)} ${'b'.repeat(48)}`
    expect(slugify(words)).toBe(`${'a'.repeat(47)}-${'b'.repeat(48)}`)
  })

  it('hard-cuts a single word longer than the limit', () => {
    expect(slugify('x'.repeat(200))).toBe('x'.repeat(96))
  })

  it('always produces valid slugs', () => {
    const samples = ['Axe 4 : Développer', "L'ESS", '---', 'Été 2023 — bilan', 'A&B', 'x'.repeat(300), `${'mot '.repeat(50)}`]
    for (const s of samples) {
      const slug = slugify(s)
      expect(slug === '' || isValidSlug(slug)).toBe(true)
      expect(slug.length).toBeLessThanOrEqual(96)
    }
  })

  it('is idempotent', () => {
    const slug = slugify("Le Labo de l'ESS - Des lieux pour accueillir l'ESS")
    expect(slugify(slug)).toBe(slug)
  })
})

describe('isValidSlug', () => {
  it('accepts lowercase words joined by single hyphens', () => {
    expect(isValidSlug('ess')).toBe(true)
    expect(isValidSlug('axe-4-developper')).toBe(true)
    expect(isValidSlug('2024')).toBe(true)
    expect(isValidSlug('a-b-c')).toBe(true)
  })

  it('rejects everything else', () => {
    expect(isValidSlug('')).toBe(false)
    expect(isValidSlug('-ess')).toBe(false)
    expect(isValidSlug('ess-')).toBe(false)
    expect(isValidSlug('a--b')).toBe(false)
    expect(isValidSlug('Ess')).toBe(false)
    expect(isValidSlug('économie')).toBe(false)
    expect(isValidSlug('a b')).toBe(false)
    expect(isValidSlug('a_b')).toBe(false)
    expect(isValidSlug('a/b')).toBe(false)
    expect(isValidSlug('ess\n')).toBe(false)
  })
})
