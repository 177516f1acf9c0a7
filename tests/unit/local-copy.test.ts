import { describe, expect, it } from 'vitest'

import { copyOf, hasTyped, readCopy, restore } from '../../src/plugins/local-copy/state'

const form = {
  localCopy: { value: undefined },
  title: { value: 'Projet', initialValue: '' },
  commentMode: { value: 'closed', initialValue: 'closed' },
  conventionDates: { value: 1, initialValue: 0, rows: [{ id: 'r1', collapsed: false, isLoading: false }] },
  'conventionDates.0.date': { value: '2025-06-01T00:00:00.000Z', initialValue: undefined },
  body: { value: { root: { children: [{ type: 'paragraph' }] } }, initialValue: null },
}

describe('local copy of a creation form', () => {
  it('keeps values and array rows, nothing that renders', () => {
    const copy = copyOf(form, 1000)
    expect(copy.savedAt).toBe(1000)
    expect(copy.fields.title).toEqual({ value: 'Projet' })
    expect(copy.fields.conventionDates).toEqual({ value: 1, rows: [{ id: 'r1', collapsed: false }] })
    expect(copy.fields).not.toHaveProperty('localCopy')
    expect(readCopy(JSON.stringify(copy))).toEqual(copy)
  })

  it('counts as typed only a value that differs from the form’s start', () => {
    expect(hasTyped(form)).toBe(true)
    expect(hasTyped({ commentMode: { value: 'closed', initialValue: 'closed' }, title: { value: '', initialValue: '' } })).toBe(false)
  })

  it('puts values back as the fields’ values and initial values (the rich-text editor re-renders)', () => {
    const empty = { title: { value: '', initialValue: '', valid: true }, body: { value: null, initialValue: null } }
    const restored = restore(empty, copyOf(form))
    expect(restored.title).toEqual({ value: 'Projet', initialValue: 'Projet', valid: true })
    expect(restored.body).toEqual({ value: form.body.value, initialValue: form.body.value })
    expect(restored['conventionDates.0.date']).toMatchObject({ value: '2025-06-01T00:00:00.000Z', valid: true })
    expect(restored.conventionDates).toMatchObject({ value: 1, rows: [{ id: 'r1', collapsed: false }] })
  })

  it('ignores what is not a copy', () => {
    expect(readCopy(null)).toBeNull()
    expect(readCopy('{pas du json')).toBeNull()
    expect(readCopy('{"fields":{}}')).toBeNull()
  })
})
