import type { CollectionSlug, NumberFieldSingleValidation, PayloadRequest, Where } from 'payload'
import { number as defaultNumberValidation } from 'payload/shared'

type UniqueCheck = {
  collection: string | undefined
  field: string
  value: unknown
  id: number | string | undefined
  req: PayloadRequest
}

/**
 * True when no other document of the collection holds `value` in `field`. Drafts count too: they
 * live in the main table and would make the database's unique index fail.
 */
export async function isUnique({ collection, field, value, id, req }: UniqueCheck): Promise<boolean> {
  if (!collection || value === null || value === undefined || value === '') return true
  const conditions: Where[] = [{ [field]: { equals: value } }]
  if (id !== undefined && id !== null) conditions.push({ id: { not_equals: id } })
  const { totalDocs } = await req.payload.count({
    collection: collection as CollectionSlug,
    where: { and: conditions },
    overrideAccess: true,
    req,
  })
  return totalDocs === 0
}

/** Number validation (Payload's: required, min, max) plus uniqueness, with `message` when taken. */
export const uniqueNumber =
  (message: string): NumberFieldSingleValidation =>
  async (value, options) => {
    const base = await defaultNumberValidation(value, options)
    if (base !== true) return base
    const field = String(options.path[options.path.length - 1] ?? options.name)
    const unique = await isUnique({ collection: options.collectionSlug, field, value, id: options.id, req: options.req })
    return unique ? true : message
  }
