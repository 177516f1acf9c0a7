import type { FieldHook, TextField, TextFieldSingleValidation } from 'payload'

import { isValidSlug, slugify } from '../lib/slug'
import { MESSAGES } from './messages'
import { isUnique } from './unique'

/** Fills an empty slug from the source field (the title); keeps whatever the editor typed. */
const fillSlugFrom =
  (sourceField: string): FieldHook =>
  ({ value, data, originalDoc, operation }) => {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
    // A partial update that does not touch the slug keeps the stored one.
    if (value === undefined && operation === 'update') return value
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    const generated = typeof source === 'string' ? slugify(source) : ''
    return generated || value
  }

/** A duplicated document gets a free "-copie" slug instead of failing on the unique index. */
const copySlug: FieldHook = async ({ value, collection, req }) => {
  if (typeof value !== 'string' || !collection) return value
  for (let n = 1; n < 50; n++) {
    const candidate = `${value}-copie${n > 1 ? `-${n}` : ''}`
    if (await isUnique({ collection: collection.slug, field: 'slug', value: candidate, id: undefined, req })) {
      return candidate
    }
  }
  return `${value}-copie-${Date.now().toString(36)}`
}

/**
 * Format and uniqueness. An empty slug is accepted when one can be generated from the source field
 * (the admin validates the form before the hook that fills it runs).
 */
export const validateSlug =
  (sourceField = 'title'): TextFieldSingleValidation =>
  async (value, { req, id, collectionSlug, required, data }) => {
    if (value === null || value === undefined || value === '') {
      const source = (data as Record<string, unknown> | undefined)?.[sourceField]
      if (typeof source === 'string' && slugify(source) !== '') return true
      return required ? req.t('validation:required') : true
    }
    if (typeof value !== 'string' || !isValidSlug(value)) return MESSAGES.slugFormat
    const unique = await isUnique({ collection: collectionSlug, field: 'slug', value, id, req })
    return unique ? true : MESSAGES.slugTaken
  }

/**
 * The document's address: unique, lowercase ASCII words joined by hyphens, generated from
 * `sourceField` when left empty, editable in the sidebar.
 */
export const slugField = (sourceField = 'title'): TextField => ({
  name: 'slug',
  label: 'Slug (adresse)',
  type: 'text',
  required: true,
  unique: true,
  index: true,
  validate: validateSlug(sourceField),
  hooks: {
    beforeValidate: [fillSlugFrom(sourceField)],
    beforeDuplicate: [copySlug],
  },
  admin: {
    position: 'sidebar',
    description:
      'Partie de l’adresse de la page : lettres minuscules sans accents, chiffres et tirets. ' +
      'Laissez vide pour la générer à partir du titre.',
  },
})
