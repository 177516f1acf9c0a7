import type { GroupField } from 'payload'

import { MENU_TARGETS } from '../collections/registry'
import { relationshipField } from './relationship'
import { urlField } from './url'


/** A link to a document of the site or to an address (http(s) or a path of the site). */
export const linkGroup = (name = 'link', label = 'Lien'): GroupField => ({
  name,
  label,
  type: 'group',
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'type',
          label: 'Type de lien',
          type: 'radio',
          required: true,
          defaultValue: 'internal',
          options: [
            { label: 'Document du site', value: 'internal' },
            { label: 'Adresse', value: 'custom' },
          ],
        },
        {
          name: 'newTab',
          label: 'Ouvrir dans un nouvel onglet',
          type: 'checkbox',
          defaultValue: false,
        },
      ],
    },
    relationshipField({
      name: 'reference',
      label: 'Document',
      relationTo: MENU_TARGETS,
      required: true,
      maxDepth: 1,
      admin: { condition: (_, siblingData) => siblingData?.type !== 'custom' },
    }),
    urlField({
      name: 'url',
      label: 'Adresse',
      required: true,
      allowSitePath: true,
      description: 'Adresse complète (https://…) ou chemin du site (/glossaire).',
      admin: { condition: (_, siblingData) => siblingData?.type === 'custom' },
    }),
  ],
})
