import { describe, expect, it } from 'vitest'

import { DIGEST_LISTED, moderationMail, type HeldMail } from '../../src/plugins/comments/notify'

const QUEUE = 'https://lelabo-ess.org/admin/collections/comments'
const held = (n: number, title = 'Les monnaies locales'): HeldMail => ({
  title,
  authorName: `Lectrice ${n}`,
  status: 'En attente',
  holdReason: n === 2 ? 'Trop de liens' : null,
  excerpt: `Commentaire ${n}.`,
  link: `${QUEUE}/${n}`,
})

describe('moderators’ message', () => {
  it('one held comment: its page, author, status, text and link', () => {
    const mail = moderationMail([held(1)], QUEUE)
    expect(mail.subject).toBe('Commentaire à modérer : Les monnaies locales')
    expect(mail.text.split('\n')).toEqual([
      'Un commentaire attend votre validation sur « Les monnaies locales ».',
      '',
      'Auteur : Lectrice 1',
      'Statut : En attente',
      '',
      'Commentaire 1.',
      '',
      `Le modérer : ${QUEUE}/1`,
    ])
  })

  it('a digest of one page: counted in the subject, each comment with its link, then the queue', () => {
    const mail = moderationMail([held(1), held(2)], QUEUE)
    expect(mail.subject).toBe('2 commentaires à modérer : Les monnaies locales')
    expect(mail.text.split('\n')).toEqual([
      '2 commentaires attendent votre validation sur « Les monnaies locales ».',
      '',
      '1. Lectrice 1',
      'Statut : En attente',
      '',
      'Commentaire 1.',
      '',
      `Le modérer : ${QUEUE}/1`,
      '',
      '2. Lectrice 2',
      'Statut : En attente (Trop de liens)',
      '',
      'Commentaire 2.',
      '',
      `Le modérer : ${QUEUE}/2`,
      '',
      `Tous les commentaires à modérer : ${QUEUE}`,
    ])
  })

  it('a digest of several pages names each page', () => {
    const mail = moderationMail([held(1), held(3, 'Les tiers-lieux')], QUEUE)
    expect(mail.subject).toBe('2 commentaires à modérer')
    expect(mail.text).toContain('2 commentaires attendent votre validation.')
    expect(mail.text).toContain('1. « Les monnaies locales », Lectrice 1')
    expect(mail.text).toContain('2. « Les tiers-lieux », Lectrice 3')
  })

  it('a long digest lists the first comments and counts the others', () => {
    const mail = moderationMail(Array.from({ length: DIGEST_LISTED + 3 }, (_, i) => held(i + 1)), QUEUE)
    expect(mail.subject).toBe(`${DIGEST_LISTED + 3} commentaires à modérer : Les monnaies locales`)
    expect(mail.text).toContain(`Le modérer : ${QUEUE}/${DIGEST_LISTED}\n`)
    expect(mail.text).not.toContain(`${QUEUE}/${DIGEST_LISTED + 1}`)
    expect(mail.text).toContain('… et 3 autres.')
    expect(mail.text.endsWith(`Tous les commentaires à modérer : ${QUEUE}`)).toBe(true)
  })
})
