import type { CollectionConfig } from 'payload'

import { referenceAccess } from '../../access/content'
import { slugField } from '../../fields/slug'
import { spipKeyField } from '../../fields/spip-key'

export const TAG_KINDS = [
  { label: 'Domaine', value: 'domaine' },
  { label: 'Mot-clé', value: 'mot-cle' },
]

/** One shared taxonomy: project domains (Éducation, Culture…) and keywords (Mutualiser…). */
export const Tags: CollectionConfig = {
  slug: 'tags',
  graphQL: { singularName: 'Tag', pluralName: 'Tags' },
  labels: { singular: 'Étiquette', plural: 'Étiquettes' },
  admin: {
    group: 'Référentiels',
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'slug'],
    description: 'Domaines des projets et mots-clés des axes et des articles.',
  },
  access: referenceAccess,
  defaultSort: 'name',
  fields: [
    {
      name: 'name',
      label: 'Nom',
      type: 'text',
      required: true,
    },
    {
      name: 'kind',
      label: 'Type',
      type: 'select',
      required: true,
      defaultValue: 'mot-cle',
      options: TAG_KINDS,
      index: true,
    },
    slugField('name'),
    spipKeyField(),
  ],
}
