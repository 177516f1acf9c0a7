import type {
  CollectionSlug,
  PayloadRequest,
  RelationshipField,
  RelationshipFieldValidation,
  UploadField,
  UploadFieldValidation,
} from 'payload'
import { relationship as defaultRelationshipValidation, upload as defaultUploadValidation } from 'payload/shared'

import { MESSAGES } from './messages'

type Reference = { collection: string; id: unknown }

const idOf = (value: unknown): unknown =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value

/** Flattens single, hasMany and polymorphic values into (collection, id) pairs. */
function referencesOf(value: unknown, relationTo: string | string[]): Reference[] {
  const items = Array.isArray(value) ? value : [value]
  const refs: Reference[] = []
  for (const item of items) {
    if (item === null || item === undefined || item === '') continue
    if (Array.isArray(relationTo)) {
      if (item && typeof item === 'object' && 'relationTo' in item) {
        const { relationTo: collection, value: inner } = item as { relationTo: unknown; value: unknown }
        refs.push({ collection: String(collection), id: idOf(inner) })
      } else {
        refs.push({ collection: '', id: item })
      }
    } else {
      refs.push({ collection: relationTo, id: idOf(item) })
    }
  }
  return refs
}

const collectionLabel = (req: PayloadRequest, slug: string): string => {
  const labels = req.payload.collections[slug as CollectionSlug]?.config.labels
  const singular = labels?.singular
  return typeof singular === 'string' ? `« ${singular} »` : `« ${slug} »`
}

/**
 * Every referenced document must exist: Payload does not check it (the database would refuse the
 * row with a foreign-key error, reported as a server error). Messages are French.
 */
export async function checkReferences(value: unknown, relationTo: string | string[], req: PayloadRequest): Promise<string | true> {
  const refs = referencesOf(value, relationTo)
  const byCollection = new Map<string, number[]>()
  for (const { collection, id } of refs) {
    const numeric = typeof id === 'number' ? id : typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : NaN
    const known = Array.isArray(relationTo) ? relationTo.includes(collection) : true
    if (!known || !Number.isSafeInteger(numeric) || numeric <= 0) {
      return MESSAGES.relationInvalidId(typeof id === 'object' ? JSON.stringify(id) : String(id))
    }
    byCollection.set(collection, [...(byCollection.get(collection) ?? []), numeric])
  }
  for (const [collection, ids] of byCollection) {
    const unique = [...new Set(ids)]
    const { docs } = await req.payload.find({
      collection: collection as CollectionSlug,
      where: { id: { in: unique } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const found = new Set(docs.map((doc) => Number(doc.id)))
    const missing = unique.filter((id) => !found.has(id))
    if (missing.length > 0) return MESSAGES.relationMissing(missing.join(', '), collectionLabel(req, collection))
  }
  return true
}

export const validateRelationship: RelationshipFieldValidation = async (value, options) => {
  const checked = await checkReferences(value, options.relationTo, options.req)
  if (checked !== true) return checked
  return defaultRelationshipValidation(value, options)
}

export const validateUpload: UploadFieldValidation = async (value, options) => {
  const checked = await checkReferences(value, options.relationTo, options.req)
  if (checked !== true) return checked
  return defaultUploadValidation(value, options)
}

type RelationOptions = Omit<RelationshipField, 'type' | 'validate'>

/** A relationship whose references are checked to exist, with French messages. */
export const relationshipField = (field: RelationOptions): RelationshipField =>
  ({ ...field, type: 'relationship', validate: validateRelationship }) as RelationshipField

type UploadOptions = Omit<UploadField, 'type' | 'validate'>

export const uploadField = (field: UploadOptions): UploadField =>
  ({ ...field, type: 'upload', validate: validateUpload }) as UploadField
