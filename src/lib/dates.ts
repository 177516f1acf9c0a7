/**
 * French date formatting, always in the Europe/Paris time zone (the site's
 * editorial time zone), whatever the time zone of the server.
 *
 * Every function accepts a Date, an ISO 8601 string (as stored by Payload) or
 * a timestamp in milliseconds, and returns "" for an invalid date so that a
 * missing or corrupt value never breaks a page.
 */

export type DateInput = Date | string | number

const TIME_ZONE = 'Europe/Paris'

const longFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})
const shortFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
})
const monthYearFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: TIME_ZONE,
  month: 'long',
  year: 'numeric',
})

/** Converts the input into a valid Date, or null. */
export function toDate(d: DateInput): Date | null {
  const date = d instanceof Date ? d : new Date(d)
  return Number.isNaN(date.getTime()) ? null : date
}

type Parts = { day: string; month: string; year: string }

function parts(format: Intl.DateTimeFormat, date: Date): Parts {
  const result: Parts = { day: '', month: '', year: '' }
  for (const part of format.formatToParts(date)) {
    if (part.type === 'day' || part.type === 'month' || part.type === 'year') {
      result[part.type] = part.value
    }
  }
  return result
}

/**
 * "11 janvier 2012"; the first day of a month is written "1er":
 * "1er mars 2020".
 */
export function formatDateLong(d: DateInput): string {
  const date = toDate(d)
  if (!date) return ''
  const { day, month, year } = parts(longFormat, date)
  return `${day === '1' ? '1er' : day} ${month} ${year}`
}

/** "09/03/2023" (day/month/year, zero-padded). */
export function formatDateShort(d: DateInput): string {
  const date = toDate(d)
  if (!date) return ''
  const { day, month, year } = parts(shortFormat, date)
  return `${day}/${month}/${year}`
}

/** "septembre 2017". */
export function formatMonthYear(d: DateInput): string {
  const date = toDate(d)
  if (!date) return ''
  const { month, year } = parts(monthYearFormat, date)
  return `${month} ${year}`
}
