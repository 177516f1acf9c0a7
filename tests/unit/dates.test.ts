import { describe, it, expect } from 'vitest'
import { formatDateLong, formatDateShort, formatMonthYear, toDate } from '../../src/lib/dates'

describe('formatDateLong', () => {
  it('writes the day, the French month name and the year', () => {
    expect(formatDateLong('2012-01-11')).toBe('11 janvier 2012')
    expect(formatDateLong(new Date('2023-12-25T12:00:00Z'))).toBe('25 décembre 2023')
    expect(formatDateLong('2021-08-15T10:00:00.000Z')).toBe('15 août 2021')
    expect(formatDateLong('2019-02-28T10:00:00.000Z')).toBe('28 février 2019')
  })

  it('uses all the French month names', () => {
    const months = [
      'janvier',
      'février',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'septembre',
      'octobre',
      'novembre',
      'décembre',
    ]
    months.forEach((name, index) => {
      expect(formatDateLong(new Date(Date.UTC(2022, index, 10, 12)))).toBe(`10 ${name} 2022`)
    })
  })

  it('writes "1er" for the first day of the month', () => {
    expect(formatDateLong('2020-03-01T12:00:00Z')).toBe('1er mars 2020')
    expect(formatDateLong('2024-01-01')).toBe('1er janvier 2024')
  })

  it('does not add "er" to other days starting with 1', () => {
    expect(formatDateLong('2020-03-10T12:00:00Z')).toBe('10 mars 2020')
    expect(formatDateLong('2020-03-21T12:00:00Z')).toBe('21 mars 2020')
    expect(formatDateLong('2020-03-31T12:00:00Z')).toBe('31 mars 2020')
  })

  it('uses the Europe/Paris time zone (winter, UTC+1)', () => {
    // 23:30 UTC on 29 February is 00:30 on 1 March in Paris.
    expect(formatDateLong('2020-02-29T23:30:00Z')).toBe('1er mars 2020')
    expect(formatDateLong('2020-02-29T22:59:59Z')).toBe('29 février 2020')
  })

  it('uses the Europe/Paris time zone (summer, UTC+2)', () => {
    // 22:30 UTC on 30 June is 00:30 on 1 July in Paris.
    expect(formatDateLong('2023-06-30T22:30:00Z')).toBe('1er juillet 2023')
    expect(formatDateLong('2023-06-30T21:59:00Z')).toBe('30 juin 2023')
  })

  it('accepts timestamps', () => {
    expect(formatDateLong(Date.UTC(2012, 0, 11, 9))).toBe('11 janvier 2012')
  })

  it('returns an empty string for invalid dates', () => {
    expect(formatDateLong('not a date')).toBe('')
    expect(formatDateLong(new Date(Number.NaN))).toBe('')
    expect(formatDateLong('')).toBe('')
  })
})

describe('formatDateShort', () => {
  it('writes a zero-padded dd/mm/yyyy date', () => {
    expect(formatDateShort('2023-03-09')).toBe('09/03/2023')
    expect(formatDateShort(new Date('2023-11-25T12:00:00Z'))).toBe('25/11/2023')
  })

  it('uses the Europe/Paris time zone', () => {
    expect(formatDateShort('2022-12-31T23:30:00Z')).toBe('01/01/2023')
    expect(formatDateShort('2022-07-31T22:30:00Z')).toBe('01/08/2022')
    expect(formatDateShort('2022-07-31T21:30:00Z')).toBe('31/07/2022')
  })

  it('returns an empty string for invalid dates', () => {
    expect(formatDateShort('31/12/2022')).toBe('')
  })
})

describe('formatMonthYear', () => {
  it('writes the French month name and the year', () => {
    expect(formatMonthYear('2017-09-15')).toBe('septembre 2017')
    expect(formatMonthYear(new Date('2021-08-01T12:00:00Z'))).toBe('août 2021')
  })

  it('uses the Europe/Paris time zone', () => {
    expect(formatMonthYear('2017-09-30T22:30:00Z')).toBe('octobre 2017')
    expect(formatMonthYear('2017-12-31T23:30:00Z')).toBe('janvier 2018')
  })

  it('returns an empty string for invalid dates', () => {
    expect(formatMonthYear('n/a')).toBe('')
  })
})

describe('toDate', () => {
  it('returns a Date for valid input and null otherwise', () => {
    const d = new Date('2020-01-01T00:00:00Z')
    expect(toDate(d)).toBe(d)
    expect(toDate('2020-01-01T00:00:00Z')?.getTime()).toBe(d.getTime())
    expect(toDate(d.getTime())?.getTime()).toBe(d.getTime())
    expect(toDate('nope')).toBeNull()
  })
})
