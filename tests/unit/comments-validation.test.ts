import { describe, expect, it } from 'vitest'

import { normalizeBody, validateVisitorInput, validateWebsite, isEmail } from '../../src/plugins/comments/validation'

describe('validateVisitorInput', () => {
  it('accepts a complete comment', () => {
    expect(validateVisitorInput({ authorName: 'Marie', authorEmail: 'marie.curie@exemple.fr', authorWebsite: 'https://exemple.fr', body: 'Bonjour' })).toEqual([])
  })

  it('reports each field, in form order, in French', () => {
    expect(validateVisitorInput({})).toEqual([
      { path: 'authorName', message: 'Indiquez votre nom.' },
      { path: 'authorEmail', message: 'Indiquez votre adresse e-mail (elle ne sera pas publiée).' },
      { path: 'body', message: 'Votre message est vide.' },
    ])
    expect(validateVisitorInput({ authorName: '   ', authorEmail: 'x', body: ' \n\n ' }).map((e) => e.path)).toEqual(['authorName', 'authorEmail', 'body'])
  })

  it('limits the name to 100 and the body to 5,000 characters', () => {
    const ok = { authorEmail: 'a@b.fr' }
    expect(validateVisitorInput({ ...ok, authorName: 'n'.repeat(100), body: 'b'.repeat(5000) })).toEqual([])
    expect(validateVisitorInput({ ...ok, authorName: 'n'.repeat(101), body: 'b'.repeat(5001) })).toEqual([
      { path: 'authorName', message: 'Votre nom ne peut dépasser 100 caractères.' },
      { path: 'body', message: 'Votre message ne peut dépasser 5\u00a0000 caractères (il en compte 5\u00a0001).' },
    ])
  })
})

describe('isEmail', () => {
  it.each(['a@b.fr', 'prenom.nom+tag@sous.domaine.org', 'élise@exemple.fr'])('accepts %s', (email) => expect(isEmail(email)).toBe(true))
  it.each(['a@b', 'a@@b.fr', 'a b@c.fr', '<a@b.fr>', 'a@b.fr,', '@b.fr', 'a@.fr', `${'a'.repeat(250)}@b.fr`])('refuses %s', (email) =>
    expect(isEmail(email)).toBe(false),
  )
})

describe('validateWebsite', () => {
  it('accepts http(s) only, or nothing', () => {
    expect(validateWebsite('')).toBe(true)
    expect(validateWebsite('https://www.lelabo-ess.org/')).toBe(true)
    for (const bad of ['javascript:alert(1)', 'ftp://x.fr', 'www.exemple.fr', 'data:text/html,x', 'https://exa mple.fr']) {
      expect(validateWebsite(bad), bad).not.toBe(true)
    }
  })
})

describe('normalizeBody', () => {
  it('uses LF line endings and drops leading blank lines and trailing blanks', () => {
    expect(normalizeBody('\r\n\r\nUn\r\n\r\nDeux  \n\n')).toBe('Un\n\nDeux')
  })
})
