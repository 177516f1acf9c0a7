import type { CollectionConfig } from 'payload'

import { editorialAccess } from '../../access/content'
import { publishedAtField } from '../../fields/date'
import { relationshipField } from '../../fields/relationship'
import { richTextField } from '../../fields/richText'
import { slugField } from '../../fields/slug'
import { spipKeyField } from '../../fields/spip-key'
import { editorialVersions } from '../shared/editorial'
import { notSelf } from '../shared/filters'
import { previewAdmin } from '../shared/paths'

/** Glossary terms, defined inline (popover) where they first occur in a text. */
export const GlossaryTerms: CollectionConfig = {
  slug: 'glossary-terms',
  graphQL: { singularName: 'GlossaryTerm', pluralName: 'GlossaryTerms' },
  labels: { singular: 'Terme du glossaire', plural: 'Glossaire' },
  admin: {
    group: 'Contenus',
    useAsTitle: 'term',
    defaultColumns: ['term', 'shortDefinition', '_status', 'updatedAt'],
    description: 'Termes définis dans une bulle là où ils apparaissent pour la première fois dans un texte.',
    ...previewAdmin('glossary-terms'),
  },
  access: editorialAccess,
  versions: editorialVersions,
  defaultSort: 'term',
  fields: [
    { name: 'term', label: 'Terme', type: 'text', required: true },
    {
      name: 'variants',
      label: 'Variantes',
      labels: { singular: 'Variante', plural: 'Variantes' },
      type: 'array',
      admin: {
        description: 'Autres graphies et pluriels reconnus dans les textes (« circuit court », « CCES »…).',
      },
      fields: [{ name: 'variant', label: 'Variante', type: 'text', required: true }],
    },
    {
      name: 'shortDefinition',
      label: 'Définition courte',
      type: 'textarea',
      required: true,
      maxLength: 600,
      admin: { description: 'Texte brut affiché dans la bulle de définition.' },
    },
    richTextField({
      name: 'definition',
      label: 'Définition complète',
      description: 'Affichée sur la page du terme. Vide : la définition courte.',
    }),
    relationshipField({
      name: 'relatedTerms',
      label: 'Termes associés',
      relationTo: 'glossary-terms',
      hasMany: true,
      filterOptions: notSelf,
    }),
    slugField('term'),
    spipKeyField(),
    publishedAtField(),
  ],
}
