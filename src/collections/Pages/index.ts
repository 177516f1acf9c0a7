import type { CollectionConfig } from 'payload'

import { editorialAccess } from '../../access/content'
import { publishedAtField } from '../../fields/date'
import { relationshipField } from '../../fields/relationship'
import { richTextField } from '../../fields/richText'
import { slugField } from '../../fields/slug'
import { spipKeyField } from '../../fields/spip-key'
import { editorialVersions } from '../shared/editorial'
import { previewAdmin } from '../shared/paths'

/**
 * Editorial pages, as a tree ("Le Labo de l'ESS > Présentation > …"). `parent` and `breadcrumbs`
 * are maintained by @payloadcms/plugin-nested-docs (registered in src/plugins); they are declared
 * here to carry French labels.
 */
export const Pages: CollectionConfig = {
  slug: 'pages',
  graphQL: { singularName: 'Page', pluralName: 'Pages' },
  labels: { singular: 'Page', plural: 'Pages' },
  admin: {
    group: 'Contenus',
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', 'parent', '_status', 'updatedAt'],
    description: 'Pages de présentation, organisées en arborescence.',
    ...previewAdmin('pages'),
  },
  access: editorialAccess,
  versions: editorialVersions,
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Contenu',
          fields: [
            { name: 'title', label: 'Titre', type: 'text', required: true },
            richTextField({ name: 'body', label: 'Texte' }),
          ],
        },
      ],
    },
    slugField('title'),
    spipKeyField(),
    relationshipField({
      name: 'parent',
      label: 'Page parente',
      relationTo: 'pages',
      maxDepth: 1,
      admin: { position: 'sidebar', description: 'Place la page dans l’arborescence et le fil d’Ariane.' },
    }),
    {
      name: 'address',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '@/collections/Pages/PageAddress#PageAddress' }, disableListColumn: true },
    },
    {
      name: 'breadcrumbs',
      label: 'Fil d’Ariane',
      labels: { singular: 'Étape', plural: 'Étapes' },
      type: 'array',
      admin: { readOnly: true, position: 'sidebar', initCollapsed: true, description: 'Calculé à partir des pages parentes.' },
      fields: [
        { name: 'doc', type: 'relationship', relationTo: 'pages', maxDepth: 0, admin: { disabled: true } },
        {
          type: 'row',
          fields: [
            { name: 'url', label: 'Chemin', type: 'text', admin: { width: '50%' } },
            { name: 'label', label: 'Libellé', type: 'text', admin: { width: '50%' } },
          ],
        },
      ],
    },
    publishedAtField(),
  ],
}
