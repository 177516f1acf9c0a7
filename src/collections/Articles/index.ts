import type { CollectionConfig } from 'payload'

import { editorialAccess } from '../../access/content'
import { dateField, publishedAtField } from '../../fields/date'
import { relationshipField } from '../../fields/relationship'
import { richTextField } from '../../fields/richText'
import { tagsField } from '../../fields/tags'
import { slugField } from '../../fields/slug'
import { spipKeyField } from '../../fields/spip-key'
import { urlField } from '../../fields/url'
import { editorialVersions } from '../shared/editorial'
import { previewAdmin } from '../shared/paths'
import { RUBRIQUES } from './options'

export { RUBRIQUES } from './options'

/** Comment policy of one article; "default" follows the site settings. */
export const COMMENT_MODES = [
  { label: 'Réglage du site', value: 'default' },
  { label: 'Modération a priori', value: 'a-priori' },
  { label: 'Modération a posteriori', value: 'a-posteriori' },
  { label: 'Fermé', value: 'closed' },
]

/** News, press coverage ("On parle de nous"), interviews and publications. */
export const Articles: CollectionConfig = {
  slug: 'articles',
  graphQL: { singularName: 'Article', pluralName: 'Articles' },
  labels: { singular: 'Article', plural: 'Articles' },
  admin: {
    group: 'Contenus',
    useAsTitle: 'title',
    defaultColumns: ['title', 'rubrique', 'publishedAt', '_status'],
    description: 'Actualités, revue de presse (« On parle de nous »), interviews et publications.',
    ...previewAdmin('articles'),
  },
  access: editorialAccess,
  versions: editorialVersions,
  defaultSort: '-publishedAt',
  // The default order of every list of articles (REST, home page, /articles, RSS).
  indexes: [{ fields: ['publishedAt'] }],
  // An article populated in another document (related content, a comment's target) only needs
  // what a link shows, not its body.
  defaultPopulate: { title: true, slug: true, publishedAt: true, rubrique: true, _status: true },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Contenu',
          fields: [
            { name: 'title', label: 'Titre', type: 'text', required: true },
            {
              name: 'excerpt',
              label: 'Chapeau',
              type: 'textarea',
              admin: { description: 'Affiché en tête de l’article et dans les listes.' },
            },
            richTextField({ name: 'body', label: 'Texte' }),
            {
              name: 'authors',
              label: 'Auteurs',
              labels: { singular: 'Auteur', plural: 'Auteurs' },
              type: 'array',
              fields: [{ name: 'name', label: 'Nom', type: 'text', required: true }],
            },
          ],
        },
        {
          label: 'Source',
          description: 'Pour un article repris d’un média : où il a paru et le lien vers l’original.',
          fields: [
            {
              name: 'source',
              label: 'Source',
              type: 'group',
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'medium',
                      label: 'Média',
                      type: 'text',
                      admin: { width: '50%', placeholder: 'Ex. : Les Echos' },
                    },
                    {
                      name: 'section',
                      label: 'Supplément ou rubrique',
                      type: 'text',
                      admin: { width: '50%', placeholder: 'Ex. : Cahier Expertises' },
                    },
                  ],
                },
                dateField({ name: 'publishedOn', label: 'Date de parution' }),
                urlField({ name: 'url', label: 'Adresse de l’article original' }),
                {
                  name: 'label',
                  label: 'Texte du lien',
                  type: 'text',
                  admin: { placeholder: 'Ex. : Lire l’intégralité' },
                },
              ],
            },
          ],
        },
        {
          label: 'Classement',
          fields: [
            tagsField({ name: 'tags', label: 'Étiquettes' }),
            relationshipField({
              name: 'relatedContent',
              label: 'Contenus liés',
              relationTo: ['projects', 'axes', 'themes', 'articles'],
              hasMany: true,
            }),
          ],
        },
      ],
    },
    slugField('title'),
    spipKeyField(),
    {
      name: 'rubrique',
      label: 'Rubrique',
      type: 'select',
      required: true,
      defaultValue: 'actualites',
      options: RUBRIQUES,
      index: true,
      admin: { position: 'sidebar' },
    },
    publishedAtField(),
    {
      name: 'commentMode',
      label: 'Commentaires',
      type: 'select',
      required: true,
      defaultValue: 'default',
      options: COMMENT_MODES,
      admin: { position: 'sidebar' },
    },
  ],
}
