import type { RelationshipField } from 'payload'

import { relationshipField } from './relationship'

type TagsOptions = {
  name: string
  label: string
  /** Only tags of this kind (src/collections/Tags): 'domaine' or 'mot-cle'; all when absent. */
  kind?: 'domaine' | 'mot-cle'
  description?: string
}

/** Several tags, picked by the start of a word whatever the accents (src/components/admin/TagPicker). */
export const tagsField = ({ name, label, kind, description }: TagsOptions): RelationshipField =>
  relationshipField({
    name,
    label,
    relationTo: 'tags',
    hasMany: true,
    ...(kind ? { filterOptions: { kind: { equals: kind } } } : {}),
    admin: {
      ...(description ? { description } : {}),
      components: {
        Field: { path: '@/components/admin/TagPicker#TagPicker', clientProps: kind ? { kind } : {} },
      },
    },
  })
