import type { CollectionConfig } from 'payload'

import { editorialAccess } from '../../access/content'
import { publishedAtField } from '../../fields/date'
import { MESSAGES } from '../../fields/messages'
import { relationshipField } from '../../fields/relationship'
import { richTextField } from '../../fields/richText'
import { tagsField } from '../../fields/tags'
import { slugField } from '../../fields/slug'
import { uniqueNumber } from '../../fields/unique'
import { editorialVersions } from '../shared/editorial'
import { previewAdmin } from '../shared/paths'

export const AXIS_SERIES = [{ label: 'Les Cahiers d’espérances', value: 'cahiers-d-esperances' }]

/** Structuring axes of a series ("Axe 4 : Développer"), each grouping numbered themes. */
export const Axes: CollectionConfig = {
  slug: 'axes',
  graphQL: { singularName: 'Axis', pluralName: 'Axes' },
  typescript: { interface: 'Axis' },
  labels: { singular: 'Axe', plural: 'Axes' },
  admin: {
    group: 'Contenus',
    useAsTitle: 'title',
    defaultColumns: ['number', 'title', 'series', '_status', 'updatedAt'],
    description: 'Axes des Cahiers d’espérances (« Axe 1 : Organiser »…) et leurs thèmes.',
    ...previewAdmin('axes'),
  },
  access: editorialAccess,
  versions: editorialVersions,
  defaultSort: 'number',
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Contenu',
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'number',
                  label: 'Numéro',
                  type: 'number',
                  required: true,
                  unique: true,
                  min: 1,
                  validate: uniqueNumber(MESSAGES.axisNumberTaken),
                  admin: { width: '20%', description: 'Affiché « Axe 4 : … ».' },
                },
                {
                  name: 'title',
                  label: 'Titre',
                  type: 'text',
                  required: true,
                  admin: { width: '80%', placeholder: 'Ex. : Développer' },
                },
              ],
            },
            {
              name: 'tagline',
              label: 'Accroche',
              type: 'text',
              admin: {
                description: 'Ligne affichée sous le titre (« Mutualiser, coopérer, gouverner »). Vide : les mots-clés.',
              },
            },
            tagsField({ name: 'keywords', label: 'Mots-clés', kind: 'mot-cle' }),
            richTextField({ name: 'introduction', label: 'Introduction' }),
            {
              name: 'themesLead',
              label: 'Phrase d’introduction des thèmes',
              type: 'text',
              defaultValue: 'Chacun des thèmes ci-dessous donnera lieu à un groupe de travail.',
            },
          ],
        },
        {
          label: 'Thèmes',
          fields: [
            {
              name: 'themes',
              label: 'Thèmes de l’axe',
              type: 'join',
              collection: 'themes',
              on: 'axis',
              defaultSort: 'number',
              defaultLimit: 100,
              admin: { description: 'Les thèmes se rattachent à un axe depuis leur propre fiche.' },
            },
          ],
        },
      ],
    },
    slugField('title'),
    {
      name: 'series',
      label: 'Collection',
      type: 'select',
      options: AXIS_SERIES,
      defaultValue: 'cahiers-d-esperances',
      admin: { position: 'sidebar' },
    },
    relationshipField({
      name: 'parentPage',
      label: 'Page parente',
      relationTo: 'pages',
      admin: {
        position: 'sidebar',
        description: 'Page sous laquelle l’axe apparaît dans le fil d’Ariane (Les Cahiers d’espérances).',
      },
    }),
    publishedAtField(),
  ],
}
