/**
 * Keeps the fields a caller may read (or write): field-level access is evaluated for that
 * caller (the document is not known, so a field whose access depends on it counts as visible).
 */
import type { FlattenedField } from 'payload'

type Check = (field: FlattenedField) => Promise<boolean> | boolean

type WithChildren = FlattenedField & { flattenedFields?: FlattenedField[]; blocks?: ({ flattenedFields?: FlattenedField[] } & Record<string, unknown>)[] }

export async function visibleFields(fields: readonly FlattenedField[], check: Check): Promise<FlattenedField[]> {
  const kept: FlattenedField[] = []
  for (const field of fields as WithChildren[]) {
    if (!(await check(field))) continue
    let copy: WithChildren = field
    if (field.flattenedFields) copy = { ...field, flattenedFields: await visibleFields(field.flattenedFields, check) } as WithChildren
    if (field.type === 'blocks' && field.blocks) {
      copy = {
        ...copy,
        blocks: await Promise.all(field.blocks.map(async (b) => ({ ...b, flattenedFields: await visibleFields(b.flattenedFields ?? [], check) }))),
      } as WithChildren
    }
    kept.push(copy)
  }
  return kept
}

/** A field-access check for one operation, evaluated with the given request. */
export const accessCheck =
  (operation: 'read' | 'create', req: unknown): Check =>
  async (field) => {
    const access = (field as { access?: Partial<Record<'read' | 'create', (args: unknown) => unknown>> }).access?.[operation]
    if (!access) return true
    try {
      return Boolean(await access({ req, data: {}, siblingData: {}, doc: undefined }))
    } catch {
      return false
    }
  }
