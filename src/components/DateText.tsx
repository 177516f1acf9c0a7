import { formatDateLong, formatDateShort, formatMonthYear, toDate } from '@/lib/dates'

const formats = { long: formatDateLong, short: formatDateShort, month: formatMonthYear }

/** A date in French ("11 janvier 2012", "09/03/2023", "septembre 2017") with its machine value. */
export function DateText({ value, format = 'long' }: { value: string | null | undefined; format?: keyof typeof formats }) {
  const date = value ? toDate(value) : null
  if (!date) return null
  return <time dateTime={date.toISOString().slice(0, 10)}>{formats[format](date)}</time>
}
