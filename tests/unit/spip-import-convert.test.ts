/** The SPIP importer's pure parts: mapping file, project sections, contact block, dates, redirects. */
import { describe, expect, it } from 'vitest'

import { commentData, contactOf, isoDate, monthOf, plainText, publication, sections, supportedOf } from '../../src/spip-import/convert'
import { MappingError, parseMapping, plainTitle } from '../../src/spip-import/mapping'
import { redirectsOf } from '../../src/spip-import/redirects'
import type { SpipDump } from '../../src/spip-import/read'
import type { SpipForum } from '../../src/spip-import/schema'

describe('titles and text', () => {
  it('keeps the French part of <multi>, decodes entities, drops the rank prefix', () => {
    expect(plainTitle('<multi>[fr]Le Labo en bref [en]The Labo in brief</multi>')).toBe('Le Labo en bref')
    expect(plainTitle('&nbsp;&nbsp;Présentation')).toBe('Présentation')
    expect(plainTitle('10. Les statuts')).toBe('Les statuts')
    expect(plainText('{{Gras}} et [un lien->http://example.org]')).toBe('Gras et un lien')
  })

  it('maps statuses and dates', () => {
    expect([publication('publie'), publication('prop'), publication('prepa'), publication('refuse'), publication('poubelle')]).toEqual(['published', 'draft', 'draft', null, null])
    expect(isoDate('2016-02-08 09:30:00')).toBe('2016-02-08T09:30:00.000Z')
    expect(isoDate('0000-00-00 00:00:00')).toBeNull()
    expect(monthOf('Septembre 2017')).toBe('2017-09-01T12:00:00.000Z')
    expect(monthOf('06/2019')).toBe('2019-06-01T12:00:00.000Z')
    expect(monthOf('bientôt')).toBeNull()
  })
})

describe('project cards', () => {
  it('splits the text at its intertitres', () => {
    const { lead, sections: s } = sections('Intro\n\n{{{Le contexte}}}\n\nA\n\n{{{La structure}}}\n\nB')
    expect(lead).toBe('Intro')
    expect(s.map((x) => [x.slug, x.text])).toEqual([
      ['le-contexte', 'A'],
      ['la-structure', 'B'],
    ])
  })

  it('reads « Le projet soutenu » and its duration', () => {
    expect(supportedOf('{{Le projet soutenu}}\n\nSoutien au projet / 2 ans')).toEqual({ text: 'Soutien au projet', duration: '2 ans' })
  })

  it('reads the contact block', () => {
    const c = contactOf('5 rue Las Cases_ 75007 Paris_ France_ [contact@x.org->mailto:contact@x.org]\n\n[Voir site Internet->https://www.x.org]\n\n[Twitter->https://twitter.com/x]')
    expect(c).toEqual({
      email: 'contact@x.org',
      website: 'https://www.x.org',
      address: { street: '5 rue Las Cases', postalCode: '75007', city: 'Paris', country: 'France' },
      socialLinks: [{ network: 'twitter', url: 'https://twitter.com/x' }],
    })
  })
})

describe('forum messages', () => {
  const forum = (over: Partial<SpipForum>): SpipForum =>
    ({ id_forum: 1, id_parent: 0, id_thread: 1, objet: 'article', id_objet: 1, id_auteur: 0, statut: 'publie', date_heure: '2016-02-09 08:14:02', date_thread: null, titre: '', texte: 'Bonjour', auteur: 'Marc', email_auteur: 'marc@example.org', nom_site: '', url_site: '', ip: '192.0.2.1', raw: {}, ...over }) as SpipForum

  it('maps statuses, keeps author fields, never the IP', () => {
    expect(['publie', 'prop', 'off', 'spam', 'prive'].map((statut) => commentData(forum({ statut }), null)?.status ?? null)).toEqual(['approved', 'pending', 'rejected', 'spam', null])
    const c = commentData(forum({ url_site: 'javascript:alert(1)' }), null)!
    expect(c).toEqual({ authorName: 'Marc', authorEmail: 'marc@example.org', authorWebsite: null, body: 'Bonjour', status: 'approved', createdAt: '2016-02-09T08:14:02.000Z' })
    expect(JSON.stringify(c)).not.toContain('192.0.2.1')
  })
})

describe('mapping file', () => {
  it('accepts the documented keys and refuses the rest in French', () => {
    expect(parseMapping({ articles: { rubriques: { 12: 'projects' }, defaut: 'articles' }, groupes: { 1: 'glossaire' }, mots: { 20: 'programme' }, sections: { 5: 'on-parle-de-nous' } })).toMatchObject({
      articles: { rubriques: { 12: 'projects' }, defaut: 'articles' },
    })
    expect(() => parseMapping({ rubriques: {} })).toThrow(MappingError)
    expect(() => parseMapping({ articles: { ids: { 3: 'axes' } } })).toThrow(/« axes » n’est pas une valeur possible pour articles\.ids\.3/)
    expect(() => parseMapping({ groupes: { abc: 'domaine' } })).toThrow(/n’est pas un numéro SPIP/)
  })
})

describe('old addresses', () => {
  it('lists the addresses of each object, once', () => {
    const dump = {
      articles: [{ id_article: 12 }],
      rubriques: [],
      mots: [],
      documents: [{ id_document: 5, fichier: 'jpg/a b.jpg', distant: false }],
      urls: [{ url: 'Mon-article', type: 'article', id_objet: 12 }, { url: 'Mon-article', type: 'article', id_objet: 12 }],
    } as unknown as SpipDump
    const entries = redirectsOf(dump, (type, id) => (type === 'document' ? { url: `/api/media/file/${id}` } : { relationTo: 'articles', value: id }))
    expect(entries.map((e) => e.from)).toEqual([
      '/spip.php?article12',
      '/article12.html',
      '/spip.php?page=article&id_article=12',
      '/?page=article&id_article=12',
      '/Mon-article',
      '/IMG/jpg/a b.jpg',
      '/spip.php?page=backend',
      '/?page=backend',
    ])
  })
})
