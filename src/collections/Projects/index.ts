import type { CollectionConfig } from 'payload'

import { editorialAccess } from '../../access/content'
import { dateField, publishedAtField } from '../../fields/date'
import { relationshipField, uploadField } from '../../fields/relationship'
import { richTextField } from '../../fields/richText'
import { tagsField } from '../../fields/tags'
import { slugField } from '../../fields/slug'
import { spipKeyField } from '../../fields/spip-key'
import { editorialVersions } from '../shared/editorial'
import { notSelf } from '../shared/filters'
import { previewAdmin } from '../shared/paths'
import { PROJECT_SCOPES } from './options'

export { PROJECT_SCOPES } from './options'

/** Supported projects ("fiche projet"): the card, the four sections and related content. */
export const Projects: CollectionConfig = {
  slug: 'projects',
  graphQL: { singularName: 'Project', pluralName: 'Projects' },
  labels: { singular: 'Projet', plural: 'Projets' },
  admin: {
    group: 'Contenus',
    useAsTitle: 'title',
    defaultColumns: ['title', 'year', 'scope', '_status', 'updatedAt'],
    description: 'Fiches des projets soutenus.',
    ...previewAdmin('projects'),
  },
  access: editorialAccess,
  versions: editorialVersions,
  defaultSort: '-year',
  // Published projects by year: the lists (/projets sorts by year then title, the home page by
  // year) and the years of the filter (an index-only scan) no longer read the whole table.
  indexes: [{ fields: ['_status', 'year'] }],
  // A project populated in another document (related projects, REST depth ≥ 1) only needs what
  // a link shows, not its four rich-text sections.
  defaultPopulate: { title: true, slug: true, year: true, _status: true },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Présentation',
          fields: [
            { name: 'title', label: 'Titre', type: 'text', required: true },
            {
              name: 'summary',
              label: 'Résumé',
              type: 'textarea',
              admin: { description: 'Une ou deux phrases, pour les listes et les moteurs de recherche.' },
            },
            uploadField({ name: 'cover', label: 'Image de couverture', relationTo: 'media' }),
          ],
        },
        {
          label: 'Fiche projet',
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'year',
                  label: 'Année',
                  type: 'number',
                  min: 1900,
                  max: 2100,
                  admin: { width: '25%' },
                },
                {
                  name: 'scope',
                  label: 'Périmètre',
                  type: 'select',
                  options: PROJECT_SCOPES,
                  admin: { width: '35%' },
                },
                {
                  name: 'duration',
                  label: 'Durée du soutien',
                  type: 'text',
                  admin: { width: '40%', placeholder: 'Ex. : 2 ans' },
                },
              ],
            },
            tagsField({
              name: 'domains',
              label: 'Domaines',
              kind: 'domaine',
              description: 'Étiquettes de type « Domaine » : Éducation, Culture, Promotion ESS…',
            }),
            {
              type: 'row',
              fields: [
                {
                  name: 'lever',
                  label: 'Levier',
                  type: 'text',
                  admin: { width: '50%', placeholder: 'Ex. : Faire (re)connaître l’ESS' },
                },
                {
                  name: 'programme',
                  label: 'Programme',
                  type: 'text',
                  admin: { width: '50%', placeholder: 'Ex. : Création de valeurs' },
                },
              ],
            },
            relationshipField({
              name: 'carryingStructure',
              label: 'Structure porteuse',
              relationTo: 'partners',
              admin: {
                description: 'Sa forme d’organisation et ses coordonnées s’affichent sur la fiche (« Infos de contact »).',
              },
            }),
            {
              name: 'conventionDates',
              label: 'Dates de signature de la convention',
              labels: { singular: 'Signature', plural: 'Signatures' },
              type: 'array',
              fields: [
                {
                  type: 'row',
                  fields: [
                    dateField({
                      name: 'date',
                      label: 'Mois de signature',
                      required: true,
                      appearance: 'monthOnly',
                      admin: { width: '40%' },
                    }),
                    {
                      name: 'label',
                      label: 'Précision',
                      type: 'text',
                      admin: { width: '60%', placeholder: 'Ex. : Avenant, renouvellement…' },
                    },
                  ],
                },
              ],
            },
            relationshipField({ name: 'partners', label: 'Partenaires', relationTo: 'partners', hasMany: true }),
            {
              type: 'row',
              fields: [
                relationshipField({
                  name: 'axes',
                  label: 'Axes concernés',
                  relationTo: 'axes',
                  hasMany: true,
                  admin: { width: '50%' },
                }),
                relationshipField({
                  name: 'themes',
                  label: 'Thèmes concernés',
                  relationTo: 'themes',
                  hasMany: true,
                  admin: { width: '50%' },
                }),
              ],
            },
            relationshipField({
              name: 'relatedProjects',
              label: 'Anciens projets',
              relationTo: 'projects',
              hasMany: true,
              filterOptions: notSelf,
              admin: { description: 'Affichés « Voir d’anciens projets ».' },
            }),
          ],
        },
        {
          label: 'Contenu',
          fields: [
            richTextField({ name: 'supportedProject', label: 'Le projet soutenu' }),
            richTextField({ name: 'context', label: 'Le contexte' }),
            richTextField({ name: 'structure', label: 'La structure' }),
            richTextField({ name: 'foundationOpinion', label: 'L’avis de la fondation' }),
          ],
        },
      ],
    },
    slugField('title'),
    spipKeyField(),
    dateField({
      name: 'contentUpdatedAt',
      label: 'Mis à jour le',
      description: 'Date affichée « Mis à jour le … ». Vide : date de la dernière modification.',
      admin: { position: 'sidebar' },
    }),
    publishedAtField(),
  ],
}
