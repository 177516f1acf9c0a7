import { describe, expect, it } from 'vitest'

import { evaluateComment, findWord, parseWordList, type CommentPolicy } from '../../src/plugins/comments/policy'

const policy = (extra: Partial<CommentPolicy> = {}): CommentPolicy => ({
  mode: 'a-priori',
  maxLinks: 2,
  moderationWords: [],
  disallowedWords: [],
  ...extra,
})

const input = (body: string, extra = {}) => ({ authorName: 'Marie', authorEmail: 'marie@exemple.test', body, ...extra })

describe('parseWordList', () => {
  it('reads one entry per line or comma, trimmed, without blanks, notes or duplicates', () => {
    expect(parseWordList('viagra\n  Casino en ligne \n\n# une note\nVIAGRA, crédit,credit')).toEqual(['viagra', 'Casino en ligne', 'crédit'])
    expect(parseWordList(['a', 'b\nc'])).toEqual(['a', 'b', 'c'])
    expect(parseWordList(null)).toEqual([])
  })
})

describe('findWord', () => {
  it('matches whole words and phrases, without case or accents', () => {
    expect(findWord('Un CRÉDIT facile', ['credit'])).toBe('credit')
    expect(findWord('le meilleur casino   en LIGNE', ['casino en ligne'])).toBe('casino en ligne')
    expect(findWord('Essex et Sussex', ['sex'])).toBeNull()
    expect(findWord('accréditation', ['crédit'])).toBeNull()
    expect(findWord('https://spam.example/x', ['spam.example'])).toBe('spam.example')
    expect(findWord('198.51.100.7', ['198.51.100.7'])).toBe('198.51.100.7')
    expect(findWord('rien', [])).toBeNull()
  })

  it('treats regular-expression characters literally', () => {
    expect(findWord('a.b', ['a+b'])).toBeNull()
    expect(findWord('prix (promo)', ['(promo)'])).toBe('(promo)')
  })
})

describe('evaluateComment', () => {
  it('a priori: pending; a posteriori: approved', () => {
    expect(evaluateComment(input('Bonjour'), policy())).toEqual({ status: 'pending', reason: 'Modération a priori' })
    expect(evaluateComment(input('Bonjour'), policy({ mode: 'a-posteriori' }))).toEqual({ status: 'approved', reason: null })
  })

  it('honeypot → spam, before anything else', () => {
    expect(evaluateComment(input('Bonjour', { honeypot: true }), policy({ mode: 'a-posteriori' }))).toEqual({
      status: 'spam',
      reason: 'Champ piège rempli (robot probable)',
    })
  })

  it('a disallowed word anywhere (name, e-mail, website, body, address, user agent) → spam', () => {
    const p = policy({ mode: 'a-posteriori', disallowedWords: ['viagra', 'evilbot', '203.0.113.9'] })
    expect(evaluateComment(input('Du VIAGRA pas cher'), p).status).toBe('spam')
    expect(evaluateComment(input('Bonjour', { authorName: 'Viagra Shop' }), p).status).toBe('spam')
    expect(evaluateComment(input('Bonjour', { userAgent: 'EvilBot/1.0' }), p).reason).toBe('Mot interdit : « evilbot »')
    expect(evaluateComment(input('Bonjour', { ip: '203.0.113.9' }), p).status).toBe('spam')
  })

  it('more than N links → held with the count', () => {
    const p = policy({ mode: 'a-posteriori' })
    expect(evaluateComment(input('[a->https://a.fr] [b->https://b.fr]'), p).status).toBe('approved')
    expect(evaluateComment(input('[a->https://a.fr] [b->https://b.fr] www.c.fr'), p)).toEqual({ status: 'pending', reason: '3 liens (2 au plus)' })
    expect(evaluateComment(input('https://a.fr'), policy({ mode: 'a-posteriori', maxLinks: 0 }))).toEqual({
      status: 'pending',
      reason: '1 lien (0 au plus)',
    })
  })

  it('a moderation word → held with the word', () => {
    expect(evaluateComment(input('Un prêt rapide'), policy({ mode: 'a-posteriori', moderationWords: ['pret'] }))).toEqual({
      status: 'pending',
      reason: 'Mot à modérer : « pret »',
    })
  })

  it('spam wins over a hold', () => {
    const p = policy({ mode: 'a-posteriori', disallowedWords: ['viagra'], moderationWords: ['pret'] })
    expect(evaluateComment(input('viagra https://a https://b https://c pret'), p).status).toBe('spam')
  })
})
