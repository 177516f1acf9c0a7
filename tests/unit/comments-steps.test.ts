/** The comments hook's decisions, step by step (src/plugins/comments/steps.ts). */
import { describe, expect, it } from 'vitest'

import { HOLD_REASONS, LIMITS, MESSAGES } from '../../src/plugins/comments/constants'
import {
  checkNewComment,
  decideStatus,
  normalizeAuthor,
  placeReply,
  refusalOf,
  requestedParent,
  stampModeration,
  takeHoneypot,
  type Writer,
} from '../../src/plugins/comments/steps'
import type { ResolvedPolicy } from '../../src/plugins/comments/types'

const visitor: Writer = { staff: false }
const moderator: Writer = { staff: true, id: 7, name: 'Camille Durand', email: 'camille@exemple.test' }
const NOW = '2026-12-05T08:00:00.000Z'
const policy: ResolvedPolicy = { defaultMode: 'a-priori', maxLinks: 2, floodLimit: 5, floodWindowSeconds: 600, moderationWords: [], disallowedWords: ['casino'] }
const valid = () => ({ target: { relationTo: 'articles', value: '12' }, authorName: '  Marie   Curie ', authorEmail: 'marie@exemple.test', body: 'Bonjour\r\n\r\n' })

describe('update: the moderation stamp', () => {
  it('records who changed the status and when, only when it changes', () => {
    expect(stampModeration({ status: 'approved' }, { status: 'pending' }, 7, NOW)).toMatchObject({ moderatedBy: 7, moderatedAt: NOW })
    expect(stampModeration({ status: 'pending' }, { status: 'pending' }, 7, NOW)).not.toHaveProperty('moderatedBy')
    expect(stampModeration({ body: 'Texte  \r\n' }, { status: 'pending' }, 7, NOW)).toEqual({ body: 'Texte' })
  })
})

describe('create: author and input', () => {
  it('takes the honeypot out of the data', () => {
    const data: Record<string, unknown> = { honeypot: ' x ' }
    expect(takeHoneypot(data)).toBe(true)
    expect(data).not.toHaveProperty('honeypot')
    expect(takeHoneypot({ honeypot: '   ' })).toBe(false)
    expect(takeHoneypot({})).toBe(false)
  })

  it('cleans the author fields; a moderator’s own identity fills empty ones, a visitor’s stay empty', () => {
    const data: Record<string, unknown> = valid()
    normalizeAuthor(data, visitor)
    expect(data).toMatchObject({ authorName: 'Marie Curie', authorWebsite: null, body: 'Bonjour' })
    const mine: Record<string, unknown> = { body: 'Réponse' }
    normalizeAuthor(mine, moderator)
    expect(mine).toMatchObject({ authorName: 'Camille Durand', authorEmail: 'camille@exemple.test' })
    const theirs: Record<string, unknown> = { body: 'Réponse' }
    normalizeAuthor(theirs, visitor)
    expect(theirs).toMatchObject({ authorName: '', authorEmail: '' })
  })

  it('lists a visitor’s field errors, the target first; a moderator is only checked on website and body', () => {
    const empty = checkNewComment({ body: '' }, visitor, ['articles'])
    expect(empty.ref).toBeNull()
    expect(empty.errors[0]).toEqual({ path: 'target', message: MESSAGES.targetRequired })
    expect(empty.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['authorName', 'authorEmail', 'body']))
    expect(checkNewComment({ ...valid(), target: { relationTo: 'users', value: 1 } }, visitor, ['articles']).errors[0]).toEqual({
      path: 'target',
      message: MESSAGES.targetMissing,
    })
    const ok = checkNewComment({ ...valid(), body: 'Bonjour' }, visitor, ['articles'])
    expect(ok).toEqual({ ref: { relationTo: 'articles', value: 12 }, errors: [] })
    expect(checkNewComment({ target: { relationTo: 'articles', value: 12 }, body: 'Réponse' }, moderator, ['articles']).errors).toEqual([])
  })
})

describe('create: the place of a reply', () => {
  it('reads the parent asked for', () => {
    expect(requestedParent(undefined)).toBeNull()
    expect(requestedParent('')).toBeNull()
    expect(requestedParent('42')).toBe(42)
    expect(requestedParent({ id: 42 })).toBe(42)
    expect(requestedParent('abc')).toBe('invalid')
    expect(requestedParent(-1)).toBe('invalid')
  })

  it('under a public comment of the same page, three levels at most', () => {
    const parent = { status: 'approved', targetKey: 'articles:12', level: 1 }
    expect(placeReply(parent, 'articles:12', false)).toEqual({ level: 2 })
    expect(placeReply(null, 'articles:12', false)).toEqual({ error: MESSAGES.parentMissing })
    expect(placeReply({ ...parent, status: 'pending' }, 'articles:12', false)).toEqual({ error: MESSAGES.parentMissing })
    // An import keeps its threads whatever their status.
    expect(placeReply({ ...parent, status: 'pending' }, 'articles:12', true)).toEqual({ level: 2 })
    expect(placeReply(parent, 'articles:13', false)).toEqual({ error: MESSAGES.parentOtherTarget })
    expect(placeReply({ ...parent, level: LIMITS.maxDepth }, 'articles:12', false)).toEqual({ error: MESSAGES.parentTooDeep })
  })
})

describe('create: the status', () => {
  it('refuses the same message again, then a flood above the limit', () => {
    expect(refusalOf({ duplicate: true, flood: { count: 99, retryAfter: 30 } as never }, 5)).toEqual({ message: MESSAGES.duplicate, status: 409 })
    expect(refusalOf({ duplicate: false, flood: { count: 6, retryAfter: 30 } as never }, 5)).toEqual({ message: MESSAGES.flood(30), status: 429, retryAfter: 30 })
    expect(refusalOf({ duplicate: false, flood: { count: 5, retryAfter: 30 } as never }, 5)).toBeNull()
    expect(refusalOf({ duplicate: false, flood: null }, 5)).toBeNull()
  })

  it('an import keeps its status; a moderator’s comment is approved and signed', () => {
    expect(decideStatus({ status: 'spam' }, { trusted: true }, null, NOW)).toEqual({ status: 'spam', byStaff: false })
    expect(decideStatus({}, { trusted: true }, null, NOW)).toMatchObject({ status: 'approved' })
    expect(decideStatus({}, { trusted: false, writer: moderator }, null, NOW)).toEqual({
      status: 'approved',
      byStaff: true,
      holdReason: null,
      moderatedBy: 7,
      moderatedAt: NOW,
    })
  })

  it('a visitor’s comment gets the anti-spam verdict under the page’s mode', () => {
    const data = { authorName: 'Marie', authorEmail: 'marie@exemple.test', authorWebsite: null, body: 'Bonjour' }
    const held = decideStatus({ ...data }, { trusted: false, writer: visitor }, { policy, mode: 'a-priori', ip: null, honeypot: false }, NOW)
    expect(held).toMatchObject({ status: 'pending', holdReason: HOLD_REASONS.aPriori, moderatedBy: null, byStaff: false })
    const open = decideStatus({ ...data }, { trusted: false, writer: visitor }, { policy, mode: 'a-posteriori', ip: null, honeypot: false }, NOW)
    expect(open).toMatchObject({ status: 'approved', holdReason: null })
    const robot = decideStatus({ ...data }, { trusted: false, writer: visitor }, { policy, mode: 'a-posteriori', ip: null, honeypot: true }, NOW)
    expect(robot).toMatchObject({ status: 'spam', holdReason: HOLD_REASONS.honeypot })
    expect(() => decideStatus({ ...data }, { trusted: false, writer: visitor }, null, NOW)).toThrow()
  })
})
