import { isValid, parse } from 'date-fns'
import { fr } from 'date-fns/locale'

/**
 * What an editor may type in a month field ("juin 2025", "06/2025", "6-2025", "2025-06"…).
 * The first is how the field shows a month. The admin's date picker (react-datepicker) tries
 * every format; readMonth() reads them the same way, to tell the editor what it could not read.
 */
export const MONTH_FORMATS = [
  'MMMM yyyy',
  'MMM yyyy',
  'MM/yyyy',
  'M/yyyy',
  'MM/yy',
  'MM-yyyy',
  'M-yyyy',
  'MM.yyyy',
  'yyyy-MM',
  'yyyy/MM',
]

/** The date picker refuses anything before this year, and so do we. */
const MIN_YEAR = 1800

/** The month the text names (its first day, local time), or null when it names none. */
export function readMonth(text: string, reference = new Date()): Date | null {
  const value = text.trim().replace(/\s+/g, ' ')
  if (!value) return null
  for (const format of MONTH_FORMATS) {
    const date = parse(value, format, reference, { locale: fr })
    if (isValid(date) && date.getFullYear() >= MIN_YEAR) return date
  }
  return null
}
