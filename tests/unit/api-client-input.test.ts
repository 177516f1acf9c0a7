/** API clients' input checked before Payload (src/lib/bad-input.ts, src/lib/http/policy.ts). */
import { describe, expect, it } from 'vitest'

import { isNumericId, listParamsError, maxListLimit } from '../../src/lib/bad-input'
import { listRequestError, unsupportedBody } from '../../src/lib/http/policy'

describe('list parameters', () => {
  it('accepts a page size from 1 to the maximum and pages from 1', () => {
    expect(listParamsError({}, 100)).toBeNull()
    expect(listParamsError({ limit: '1', page: '3' }, 100)).toBeNull()
    expect(listParamsError({ limit: 100, page: 1 }, 100)).toBeNull()
  })

  it('refuses the rest with a French sentence naming the parameter', () => {
    for (const limit of ['0', '101', 'abc', '-1', '1e400', '2.5']) expect(listParamsError({ limit }, 100)).toMatch(/^« limit » .* de 1 à 100/)
    for (const page of ['0', '-2', 'abc', '1e400']) expect(listParamsError({ page }, 100)).toMatch(/^« page »/)
    expect(listParamsError({ pagination: 'false' }, 100)).toMatch(/pagination/)
  })

  it('reads the maximum from API_MAX_LIMIT, 100 otherwise', () => {
    expect(maxListLimit({})).toBe(100)
    expect(maxListLimit({ API_MAX_LIMIT: '250' })).toBe(250)
    expect(maxListLimit({ API_MAX_LIMIT: 'beaucoup' })).toBe(100)
  })

  it('applies to API clients’ collection lists only', () => {
    const ctx = { corsOrigins: [], apiRoute: '/api', collections: ['articles'], maxLimit: 100 }
    const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://site.test${path}`, { headers })
    expect(listRequestError(get('/api/articles?limit=0'), ctx)).toMatch(/limit/)
    expect(listRequestError(get('/api/articles?limit=0', { Authorization: 'users API-Key abc' }), ctx)).toMatch(/limit/)
    // Logged-in staff (the admin) and other routes are not bounded here.
    expect(listRequestError(get('/api/articles?limit=0', { Cookie: 'payload-token=x' }), ctx)).toBeNull()
    expect(listRequestError(get('/api/articles/12?limit=0'), ctx)).toBeNull()
    expect(listRequestError(get('/api/search?limit=0'), ctx)).toBeNull()
  })
})

describe('ids and bodies', () => {
  it('a numeric id is a positive whole number', () => {
    expect(isNumericId('12')).toBe(true)
    expect(isNumericId(12)).toBe(true)
    for (const id of ['abc', '0', '1e400', '-3', '1.5']) expect(isNumericId(id)).toBe(false)
  })

  it('a body the API does not read: 415', () => {
    // As the server hands them over: with the length of the body received.
    const post = (type: string | null, body = 'x') =>
      new Request('http://site.test/api/comments', {
        method: 'POST',
        body,
        headers: { 'Content-Length': String(body.length), ...(type ? { 'Content-Type': type } : {}) },
      })
    expect(unsupportedBody(post('text/plain'))).toBe(true)
    expect(unsupportedBody(post('application/json; charset=utf-8'))).toBe(false)
    expect(unsupportedBody(post('multipart/form-data; boundary=x'))).toBe(false)
    expect(unsupportedBody(post(null))).toBe(true)
    expect(unsupportedBody(post('text/plain', ''))).toBe(false)
    expect(unsupportedBody(new Request('http://site.test/api/comments', { method: 'GET' }))).toBe(false)
  })
})
