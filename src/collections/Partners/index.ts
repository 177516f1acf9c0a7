import type { CollectionConfig } from 'payload'

import { referenceAccess } from '../../access/content'
import { richTextField } from '../../fields/richText'
import { uploadField } from '../../fields/relationship'
import { slugField } from '../../fields/slug'
import { spipKeyField } from '../../fields/spip-key'
import { socialLinksField } from '../../fields/socialLinks'
import { urlField } from '../../fields/url'

export const PARTNER_KINDS = [
  { label: 'Structure porteuse', value: 'structure-porteuse' },
  { label: 'Partenaire national', value: 'partenaire-national' },
  { label: 'Partenaire média', value: 'partenaire-media' },
  { label: 'Financeur', value: 'financeur' },
  { label: 'Membre', value: 'membre' },
]

export const LEGAL_FORMS = [
  { label: 'Association', value: 'association' },
  { label: 'SCOP', value: 'scop' },
  { label: 'SCIC', value: 'scic' },
  { label: 'SAS', value: 'sas' },
  { label: 'Fondation', value: 'fondation' },
  { label: 'Collectivité', value: 'collectivite' },
  { label: 'Autre', value: 'autre' },
]

export { SOCIAL_NETWORKS } from '../../fields/socialLinks'

/** Structures: carrying structures of projects, partners, media partners, funders, members. */
export const Partners: CollectionConfig = {
  slug: 'partners',
  graphQL: { singularName: 'Partner', pluralName: 'Partners' },
  labels: { singular: 'Structure partenaire', plural: 'Structures partenaires' },
  admin: {
    group: 'Référentiels',
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'legalForm', 'updatedAt'],
    description: 'Structures porteuses, partenaires, partenaires média, financeurs et membres.',
  },
  access: referenceAccess,
  defaultSort: 'name',
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Identité',
          fields: [
            { name: 'name', label: 'Nom', type: 'text', required: true },
            uploadField({ name: 'logo', label: 'Logo', relationTo: 'media' }),
            {
              type: 'row',
              fields: [
                {
                  name: 'kind',
                  label: 'Rôle(s)',
                  type: 'select',
                  hasMany: true,
                  options: PARTNER_KINDS,
                  admin: { width: '50%' },
                },
                {
                  name: 'legalForm',
                  label: 'Forme d’organisation',
                  type: 'select',
                  options: LEGAL_FORMS,
                  admin: { width: '50%' },
                },
              ],
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'foundedYear',
                  label: 'Année de création',
                  type: 'number',
                  min: 1800,
                  max: 2100,
                  admin: { width: '50%' },
                },
                { name: 'founder', label: 'Fondateur ou fondatrice', type: 'text', admin: { width: '50%' } },
              ],
            },
            richTextField({ name: 'description', label: 'Présentation' }),
          ],
        },
        {
          label: 'Contact',
          description: 'Affiché dans le bloc « Infos de contact » des projets portés par la structure.',
          fields: [
            {
              name: 'address',
              label: 'Adresse',
              type: 'group',
              fields: [
                { name: 'street', label: 'Rue', type: 'text' },
                {
                  type: 'row',
                  fields: [
                    { name: 'postalCode', label: 'Code postal', type: 'text', admin: { width: '30%' } },
                    { name: 'city', label: 'Ville', type: 'text', admin: { width: '40%' } },
                    { name: 'country', label: 'Pays', type: 'text', defaultValue: 'France', admin: { width: '30%' } },
                  ],
                },
              ],
            },
            { name: 'email', label: 'Adresse e-mail', type: 'email' },
            urlField({ name: 'website', label: 'Site Internet' }),
            socialLinksField('Réseaux sociaux'),
          ],
        },
        {
          label: 'Projets',
          fields: [
            {
              name: 'projects',
              label: 'Projets portés',
              type: 'join',
              collection: 'projects',
              on: 'carryingStructure',
              defaultSort: '-year',
              admin: { description: 'Projets dont cette structure est la structure porteuse.' },
            },
          ],
        },
      ],
    },
    slugField('name'),
    spipKeyField(),
  ],
}
