import type { Field, GlobalConfig } from 'payload'

import { globalAccess } from '../access/content'
import { isAdminField, isModeratorField, isPanel, isPanelField, isStaffField } from '../access/roles'
import { COMMENT_MODES } from '../collections/Articles'
import { relationshipField } from '../fields/relationship'
import { socialLinksField } from '../fields/socialLinks'
import { invalidOrigins } from '../lib/http/cors'

/** Site name, tagline, contact, "Nous suivre", media partners, glossary and comment policies. */
export const SiteSettings: GlobalConfig = {
  slug: 'site-settings',
  graphQL: { name: 'SiteSettings' },
  typescript: { interface: 'SiteSettings' },
  label: 'Réglages du site',
  admin: {
    group: 'Réglages',
    description: 'Nom, accroche, coordonnées, réseaux sociaux et partenaires média affichés sur tout le site.',
  },
  // Moderators may save it too, for the anti-spam rules only (see withUpdateAccess below).
  access: { ...globalAccess, update: isPanel },
  fields: withUpdateAccess([
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Identité',
          fields: [
            { name: 'name', label: 'Nom du site', type: 'text', required: true, defaultValue: 'Le Labo de l’ESS' },
            {
              name: 'tagline',
              label: 'Accroche',
              type: 'textarea',
              admin: { description: 'Phrase de présentation affichée en tête de toutes les pages.' },
            },
          ],
        },
        {
          label: 'Contact et réseaux',
          fields: [
            {
              name: 'contact',
              label: 'Contact',
              type: 'group',
              fields: [
                { name: 'address', label: 'Adresse postale', type: 'textarea' },
                { name: 'email', label: 'Adresse e-mail', type: 'email' },
              ],
            },
            socialLinksField('Nous suivre'),
            relationshipField({
              name: 'mediaPartners',
              label: 'Nos partenaires média',
              relationTo: 'partners',
              hasMany: true,
              admin: { description: 'Affichés en pied de page.' },
            }),
          ],
        },
        {
          label: 'Glossaire',
          fields: [
            {
              name: 'glossaryAllOccurrences',
              label: 'Annoter toutes les occurrences',
              type: 'checkbox',
              defaultValue: false,
              admin: {
                description:
                  'Décoché : seule la première occurrence de chaque terme est annotée dans un document. ' +
                  'Coché : toutes les occurrences (sur le site et dans l’API).',
              },
            },
          ],
        },
        {
          label: 'Commentaires',
          fields: [
            {
              name: 'defaultCommentMode',
              label: 'Modération des commentaires par défaut',
              type: 'select',
              required: true,
              defaultValue: 'a-priori',
              options: COMMENT_MODES.filter((mode) => mode.value !== 'default'),
              admin: {
                description:
                  'A priori : un commentaire n’apparaît qu’après validation. A posteriori : il apparaît aussitôt ' +
                  'et peut être retiré. Chaque article peut choisir un autre réglage.',
              },
            },
            {
              // The word lists must not be public: only panel users read this group.
              name: 'commentPolicy',
              label: 'Règles contre les indésirables',
              type: 'group',
              access: { read: isPanelField },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'maxLinks',
                      label: 'Liens au plus',
                      type: 'number',
                      min: 0,
                      defaultValue: 2,
                      admin: { width: '33%', description: 'Au-delà, le commentaire attend une validation.' },
                    },
                    {
                      name: 'floodLimit',
                      label: 'Commentaires au plus par adresse IP',
                      type: 'number',
                      min: 1,
                      defaultValue: 5,
                      admin: { width: '33%' },
                    },
                    {
                      name: 'floodWindowMinutes',
                      label: 'Par période de (minutes)',
                      type: 'number',
                      min: 1,
                      defaultValue: 10,
                      admin: { width: '34%' },
                    },
                  ],
                },
                {
                  name: 'moderationWords',
                  label: 'Mots à modérer',
                  type: 'textarea',
                  admin: { description: 'Un mot ou une expression par ligne : le commentaire qui en contient attend une validation.' },
                },
                {
                  name: 'disallowedWords',
                  label: 'Mots interdits',
                  type: 'textarea',
                  admin: { description: 'Un mot ou une expression par ligne : le commentaire qui en contient est classé indésirable.' },
                },
              ],
            },
          ],
        },
        {
          label: 'API',
          fields: [
            {
              // Admins only: the list says which partner sites call the API from a browser.
              name: 'corsOrigins',
              label: 'Sites autorisés à appeler l’API depuis un navigateur (CORS)',
              type: 'textarea',
              access: { read: isAdminField, update: isAdminField },
              validate: (value: unknown) => {
                const invalid = invalidOrigins(value)
                return invalid.length === 0 || `Adresses invalides : ${invalid.join(', ')}. Indiquez une origine par ligne, par exemple https://partenaire.org.`
              },
              admin: {
                description:
                  'Une origine par ligne (https://partenaire.org, sans chemin). Les autres sites peuvent lire l’API depuis leur ' +
                  'serveur, mais pas depuis le navigateur de leurs visiteurs. Prise en compte sous 10 secondes.',
              },
            },
          ],
        },
      ],
    },
  ]),
}

/**
 * Who changes what: the anti-spam rules belong to moderators and admins; every other field to
 * the staff (admins and editors), unless it says otherwise (the CORS list: admins).
 */
function withUpdateAccess(fields: Field[]): Field[] {
  return fields.map((field) => {
    if (field.type === 'tabs') return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withUpdateAccess(tab.fields) })) }
    if (!('name' in field)) return 'fields' in field ? ({ ...field, fields: withUpdateAccess(field.fields) } as Field) : field
    if (field.type === 'ui') return field
    const update = field.name === 'commentPolicy' ? isModeratorField : isStaffField
    return { ...field, access: { update, ...field.access } } as Field
  })
}
