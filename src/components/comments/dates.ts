import { formatDateLong, toDate } from '../../lib/dates'

const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** "8 février 2016 à 14 h 05" (Paris time). */
export function formatCommentDate(value: string): string {
  const date = toDate(value)
  if (!date) return ''
  const parts = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]))
  return `${formatDateLong(date)} à ${parts.hour} h ${parts.minute}`
}
