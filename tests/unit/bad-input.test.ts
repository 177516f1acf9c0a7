import { describe, expect, it } from 'vitest'

import { geoOperatorIn, isInvalidValueError, isPlainObject } from '../../src/lib/bad-input'

describe('bad input', () => {
  it('recognises Postgres data exceptions, however deep in the causes', () => {
    expect(isInvalidValueError({ code: '2201X', message: 'OFFSET must not be negative' })).toBe(true)
    expect(isInvalidValueError(new Error('Failed query', { cause: Object.assign(new Error('x'), { code: '22P02' }) }))).toBe(true)
    expect(isInvalidValueError(new Error('Failed query', { cause: Object.assign(new Error('x'), { code: '22021' }) }))).toBe(true)
    expect(isInvalidValueError(Object.assign(new Error('unique'), { code: '23505' }))).toBe(false)
    expect(isInvalidValueError(Object.assign(new Error('down'), { code: 'ECONNREFUSED' }))).toBe(false)
    expect(isInvalidValueError(null)).toBe(false)
  })

  it('finds a geographic operator anywhere in a where, with its path', () => {
    expect(geoOperatorIn({ title: { near: '1,2' } })).toEqual(['near', 'title'])
    expect(geoOperatorIn({ or: [{ slug: { equals: 'a' } }, { and: [{ 'meta.place': { within: {} } }] }] })).toEqual(['within', 'meta.place'])
    expect(geoOperatorIn({ title: { like: 'near' }, near: undefined })).toEqual(['near', ''])
    expect(geoOperatorIn({ title: { equals: 'x' } })).toBeNull()
    expect(geoOperatorIn(undefined)).toBeNull()
  })

  it('a body must be an object', () => {
    expect(isPlainObject({})).toBe(true)
    expect([null, [], 'x', 3].map(isPlainObject)).toEqual([false, false, false, false])
  })
})
