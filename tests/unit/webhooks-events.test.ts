import { createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { isPublicVersion as isPublic } from '../../src/lib/publication'
import { changeEvent, confirmedByStoredStatus, deleteEvent } from '../../src/plugins/webhooks/events'
import { deliveryHeaders, generateSecret, signBody, verifySignature, webhookBody } from '../../src/plugins/webhooks/signature'

const published = { _status: 'published' }
const draft = { _status: 'draft' }

describe('webhook events of a change', () => {
  it('publish: a document becomes public, or a public one is saved again', () => {
    expect(changeEvent(published, undefined, true)).toBe('publish')
    expect(changeEvent(published, draft, true)).toBe('publish')
    expect(changeEvent(published, published, true)).toBe('publish')
  })

  it('drafts and autosaves of an unpublished document: nothing', () => {
    expect(changeEvent(draft, undefined, true)).toBeNull()
    expect(changeEvent(draft, draft, true)).toBeNull()
  })

  it('published → draft is an unpublication only if the collection table says draft', () => {
    expect(changeEvent(draft, published, true)).toBe('unpublish')
    // A draft saved over the published version leaves the table published.
    expect(confirmedByStoredStatus('unpublish', 'published')).toBeNull()
    expect(confirmedByStoredStatus('unpublish', 'draft')).toBe('unpublish')
    expect(confirmedByStoredStatus('publish', 'published')).toBe('publish')
  })

  it('trash and deletion of public documents only', () => {
    expect(changeEvent({ ...published, deletedAt: '2026-01-01' }, published, true)).toBe('delete')
    expect(deleteEvent(published, true)).toBe('delete')
    expect(deleteEvent(draft, true)).toBeNull()
    expect(deleteEvent({ ...published, deletedAt: '2026-01-01' }, true)).toBeNull()
  })

  it('collections without drafts: every save is a publication', () => {
    expect(isPublic({}, false)).toBe(true)
    expect(changeEvent({}, undefined, false)).toBe('publish')
    expect(deleteEvent({}, false)).toBe('delete')
  })
})

describe('webhook signature', () => {
  const body = webhookBody({ event: 'publish', collection: 'articles', id: 12, slug: 'un-article', url: 'https://exemple.test/articles/un-article', time: '2026-11-26T10:00:00.000Z' })

  it('serialises the fields in a fixed order', () => {
    expect(body).toBe(
      '{"event":"publish","collection":"articles","id":12,"slug":"un-article","url":"https://exemple.test/articles/un-article","time":"2026-11-26T10:00:00.000Z"}',
    )
  })

  it('is sha256=<hex HMAC-SHA256 of the raw body>', () => {
    const secret = generateSecret()
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    expect(signBody(secret, body)).toBe(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`)
    expect(verifySignature(secret, body, signBody(secret, body))).toBe(true)
    expect(verifySignature(secret, `${body} `, signBody(secret, body))).toBe(false)
    expect(verifySignature('autre', body, signBody(secret, body))).toBe(false)
    expect(verifySignature(secret, body, undefined)).toBe(false)
  })

  it('sends event, delivery id, timestamp and signature headers', () => {
    const headers = deliveryHeaders('s'.repeat(32), body, 'publish', '42', new Date('2026-11-26T10:00:05Z'))
    expect(headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Labo-Event': 'publish',
      'X-Labo-Delivery': '42',
      'X-Labo-Timestamp': String(Date.parse('2026-11-26T10:00:05Z') / 1000),
      'X-Labo-Signature': signBody('s'.repeat(32), body),
    })
  })
})
