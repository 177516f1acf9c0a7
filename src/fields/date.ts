import type { DateField, DateFieldValidation, FieldHook } from 'payload'

import { MONTH_FORMATS } from '../lib/month-input'
import { MESSAGES } from './messages'

/** "2016-02-08", "2016-02-08T12:00", "2016-02-08T12:00:00.000Z", "2016-02-08T12:00:00+01:00". */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/** A real calendar date written in ISO 8601 (Payload's admin and API format), or a Date. */
export function isIsoDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime())
  if (typeof value !== 'string') return false
  const m = ISO_DATE.exec(value.trim())
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1) return false
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return false
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false
  return !Number.isNaN(Date.parse(value))
}

/** Rejects "31/12/2016", "Septembre 2017" or "2016-02-30" with a French message. */
export const validateDate: DateFieldValidation = (value, { req, required }) => {
  if (value === null || value === undefined || (value as unknown) === '') {
    return required ? req.t('validation:required') : true
  }
  return isIsoDate(value) ? true : MESSAGES.dateInvalid(String(value))
}

type DateOptions = {
  name: string
  label: string
  required?: boolean
  description?: string
  /** 'dayOnly' (default), 'monthOnly' ("Septembre 2017") or 'dayAndTime'. */
  appearance?: 'dayAndTime' | 'dayOnly' | 'monthOnly'
  admin?: DateField['admin']
  hooks?: DateField['hooks']
  defaultValue?: DateField['defaultValue']
}

const DISPLAY_FORMATS = {
  dayOnly: 'd MMMM yyyy',
  monthOnly: 'MMMM yyyy',
  dayAndTime: 'd MMMM yyyy HH:mm',
} as const

export const dateField = ({
  name,
  label,
  required = false,
  description,
  appearance = 'dayOnly',
  admin,
  hooks,
  defaultValue,
}: DateOptions): DateField => ({
  name,
  label,
  type: 'date',
  required,
  validate: validateDate,
  ...(hooks ? { hooks } : {}),
  ...(defaultValue !== undefined ? { defaultValue } : {}),
  admin: {
    date: {
      pickerAppearance: appearance,
      displayFormat: DISPLAY_FORMATS[appearance],
      // A month is typed "juin 2025" or "06/2025" (src/lib/month-input.ts), never guessed.
      ...(appearance === 'monthOnly' ? { overrides: { dateFormat: MONTH_FORMATS } } : {}),
    },
    ...(appearance === 'monthOnly' ? { components: { Field: '@/components/admin/MonthField#MonthField' } } : {}),
    ...(description ? { description } : {}),
    ...admin,
  },
})

/** Publishing without a publication date stamps the current date. */
const stampOnPublish: FieldHook = ({ value, siblingData }) => {
  if (value) return value
  if ((siblingData as { _status?: string } | undefined)?._status === 'published') return new Date().toISOString()
  return value
}

/** The public publication date ("Publié le 11 janvier 2012"), shown in the sidebar. */
export const publishedAtField = (): DateField =>
  dateField({
    name: 'publishedAt',
    label: 'Date de publication',
    description: 'Affichée « Publié le … ». Renseignée automatiquement à la première publication.',
    admin: { position: 'sidebar' },
    // A copy is a new, unpublished document: it gets its own date when published.
    hooks: { beforeChange: [stampOnPublish], beforeDuplicate: [() => null] },
  })
