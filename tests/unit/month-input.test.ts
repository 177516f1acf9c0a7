import { describe, expect, it } from 'vitest'

import { MONTH_FORMATS, readMonth } from '@/lib/month-input'

const month = (text: string) => {
  const date = readMonth(text)
  return date ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}` : null
}

describe('readMonth', () => {
  it('reads the numeric forms an editor types', () => {
    expect(month('06/2025')).toBe('2025-06')
    expect(month('6/2025')).toBe('2025-06')
    expect(month('06/25')).toBe('2025-06')
    expect(month('06-2025')).toBe('2025-06')
    expect(month('06.2025')).toBe('2025-06')
    expect(month('2025-06')).toBe('2025-06')
    expect(month(' 11/2016 ')).toBe('2016-11')
  })

  it('reads French month names, in any case, full or abbreviated', () => {
    expect(month('juin 2025')).toBe('2025-06')
    expect(month('Septembre 2017')).toBe('2017-09')
    expect(month('FÉVRIER 2020')).toBe('2020-02')
    expect(month('déc. 2019')).toBe('2019-12')
    expect(month('juin  2025')).toBe('2025-06')
  })

  it('refuses what names no month, instead of guessing', () => {
    expect(month('13/2025')).toBeNull()
    expect(month('00/2025')).toBeNull()
    expect(month('June 2025')).toBeNull()
    expect(month('2 ans')).toBeNull()
    expect(month('06/0025')).toBeNull()
    expect(month('2025')).toBeNull()
    expect(month('')).toBeNull()
  })

  it('shows a month the way the first format writes it', () => {
    expect(MONTH_FORMATS[0]).toBe('MMMM yyyy')
  })
})
