import type { CollectionConfig } from 'payload'

import { editorialAccess } from '../../access/content'
import { publishedAtField } from '../../fields/date'
import { MESSAGES } from '../../fields/messages'
import { relationshipField } from '../../fields/relationship'
import { richTextField } from '../../fields/richText'
import { slugField } from '../../fields/slug'
import { uniqueNumber } from '../../fields/unique'
import { urlField } from '../../fields/url'
import { editorialVersions } from '../shared/editorial'
import { previewAdmin } from '../shared/paths'

/** Numbered themes ("Thème 10 : …"), each under one axis and leading to a working group. */
export const Themes: CollectionConfig = {
  slug: 'themes',
  graphQL: { singularName: 'Theme', pluralName: 'Themes' },
  labels: { singular: 'Thème', plural: 'Thèmes' },
  admin: {
    group: 'Contenus',
    useAsTitle: 'title',
    defaultColumns: ['number', 'title', 'axis', '_status', 'updatedAt'],
    description: 'Thèmes numérotés des axes (Thème 1 à Thème 12…).',
    ...previewAdmin('themes'),
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
                  validate: uniqueNumber(MESSAGES.themeNumberTaken),
                  admin: { width: '20%', description: 'Affiché « Thème 10 : … ».' },
                },
                { name: 'title', label: 'Titre', type: 'text', required: true, admin: { width: '80%' } },
              ],
            },
            relationshipField({ name: 'axis', label: 'Axe', relationTo: 'axes', required: true }),
            richTextField({ name: 'body', label: 'Texte' }),
          ],
        },
        {
          label: 'Groupe de travail',
          fields: [
            {
              name: 'workingGroup',
              label: 'Groupe de travail',
              type: 'group',
              fields: [
                {
                  name: 'status',
                  label: 'État',
                  type: 'text',
                  admin: { placeholder: 'Ex. : Groupe de pilotage en place' },
                },
                {
                  name: 'note',
                  label: 'Phrase affichée',
                  type: 'text',
                  admin: { placeholder: 'Ex. : Un groupe de pilotage travaille déjà sur ce thème' },
                },
                {
                  type: 'row',
                  fields: [
                    urlField({
                      name: 'link',
                      label: 'Lien « en savoir plus »',
                      allowSitePath: true,
                      description: 'Vide : lien vers la page du thème.',
                      admin: { width: '60%' },
                    }),
                    {
                      name: 'linkLabel',
                      label: 'Texte du lien',
                      type: 'text',
                      admin: { width: '40%', placeholder: 'Ex. : en savoir plus sur le thème 3' },
                    },
                  ],
                },
              ],
            },
          ],
        },
        {
          label: 'Projets liés',
          fields: [relationshipField({ name: 'relatedProjects', label: 'Projets liés', relationTo: 'projects', hasMany: true })],
        },
      ],
    },
    slugField('title'),
    publishedAtField(),
  ],
}
