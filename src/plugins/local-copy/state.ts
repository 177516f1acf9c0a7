/** What the browser keeps of an unsaved creation form, and how it goes back into the form. */

export type SavedField = { value?: unknown; rows?: { id: string; blockType?: string; collapsed?: boolean }[] }
export type LocalCopy = { savedAt: number; fields: Record<string, SavedField> }

type FieldLike = { value?: unknown; initialValue?: unknown; rows?: { id: string; blockType?: string; collapsed?: boolean }[] }

export const storageKey = (collection: string) => `labo:saisie-non-enregistree:${collection}`

/** Values (and array rows) of the form state: what the editor typed, nothing that renders. */
export function copyOf(fields: Record<string, FieldLike>, now = Date.now()): LocalCopy {
  const saved: Record<string, SavedField> = {}
  for (const [path, field] of Object.entries(fields)) {
    if (path === 'localCopy' || field.value === undefined) continue
    saved[path] = field.rows ? { value: field.value, rows: field.rows.map(({ id, blockType, collapsed }) => ({ id, blockType, collapsed })) } : { value: field.value }
  }
  return { savedAt: now, fields: saved }
}

/** True when the form holds something the editor typed (a value that differs from the form's start). */
export function hasTyped(fields: Record<string, FieldLike>): boolean {
  return Object.entries(fields).some(
    ([path, field]) => path !== 'localCopy' && !isEmpty(field.value) && JSON.stringify(field.value) !== JSON.stringify(field.initialValue),
  )
}

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

/**
 * The form state with the copy put back: each field takes its saved value as its value and its
 * initial value (a rich-text editor re-renders on a new initial value); array rows come back.
 */
export function restore<F extends FieldLike>(current: Record<string, F>, copy: LocalCopy): Record<string, F> {
  const next: Record<string, F> = { ...current }
  for (const [path, saved] of Object.entries(copy.fields)) {
    const base = (current[path] ?? { valid: true, passesCondition: true }) as F
    next[path] = { ...base, value: saved.value, initialValue: saved.value, ...(saved.rows ? { rows: saved.rows } : {}) }
  }
  return next
}

export function readCopy(raw: string | null): LocalCopy | null {
  if (!raw) return null
  try {
    const parsed = JSON.parse(raw) as LocalCopy
    return typeof parsed?.savedAt === 'number' && parsed.fields && typeof parsed.fields === 'object' ? parsed : null
  } catch {
    return null
  }
}
