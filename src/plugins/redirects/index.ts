/**
 * Redirections (@payloadcms/plugin-redirects): old addresses (SPIP's, a slug an editor changed)
 * answered with a 301 to a document's current page or to an address. Editors and admins manage
 * them in the admin (« Réglages > Redirections »); a published document whose address changes
 * leaves one behind (./slug-changes.ts). Requests are resolved from an in-memory table, on the
 * 404 path only (./resolver.ts, src/lib/http/redirects.ts).
 */
import { redirectsPlugin } from '@payloadcms/plugin-redirects'
import type { Access, CollectionAfterChangeHook, CollectionAfterDeleteHook, Field, FieldHook, Plugin, TextFieldSingleValidation } from 'payload'

import { hasRole, isStaff, isStaffUser } from '../../access/roles'
import { PAGE_COLLECTIONS } from '../../collections/registry'
import { validateRelationship } from '../../fields/relationship'
import { isUnique } from '../../fields/unique'
import { isHttpUrl, isSitePath } from '../../fields/url'
import { redirectKey } from '../../lib/site-paths'
import { refreshPaths } from '../shared/refresh'
import { livePageAt } from './live'

export const REDIRECTS = 'redirects'

export const REDIRECT_MESSAGES = {
  fromInvalid:
    'Ancienne adresse invalide : indiquez un chemin du site, avec ses paramètres s’il y en a (exemple : /spip.php?article12), hors /api et /admin.',
  fromTaken: 'Une redirection part déjà de cette adresse : modifiez-la plutôt que d’en créer une autre.',
  fromLive: 'Cette adresse est celle d’une page en ligne : une redirection la masquerait.',
  toInvalid: 'Destination invalide : indiquez une adresse http(s):// ou un chemin du site commençant par « / ».',
  toSelf: 'La destination est l’ancienne adresse elle-même : la redirection tournerait en boucle.',
} as const

/** Integrations (API keys) may read the table (a partner's mirror of the site); visitors need not: requests are resolved on the server. */
const readRedirects: Access = ({ req }) => isStaffUser(req.user) || hasRole(req.user, 'integration')

const normaliseFrom: FieldHook = ({ value }) => (typeof value === 'string' ? (redirectKey(value) ?? value) : value)

const validateFrom: TextFieldSingleValidation = async (value, { req, id, collectionSlug }) => {
  if (value === null || value === undefined || value === '') return req.t('validation:required')
  const key = typeof value === 'string' ? redirectKey(value) : null
  if (!key || key !== value) return REDIRECT_MESSAGES.fromInvalid
  if (!(await isUnique({ collection: collectionSlug, field: 'from', value: key, id, req }))) return REDIRECT_MESSAGES.fromTaken
  if (await livePageAt(key, req)) return REDIRECT_MESSAGES.fromLive
  return true
}

const validateTo: TextFieldSingleValidation = (value, { req, siblingData, data }) => {
  if ((siblingData as { type?: unknown })?.type !== 'custom') return true
  if (value === null || value === undefined || value === '') return req.t('validation:required')
  if (typeof value !== 'string' || !(isHttpUrl(value) || isSitePath(value))) return REDIRECT_MESSAGES.toInvalid
  const from = (data as { from?: unknown })?.from
  if (isSitePath(value) && typeof from === 'string' && redirectKey(value) === redirectKey(from)) return REDIRECT_MESSAGES.toSelf
  return true
}

/** The plugin's fields with French labels, normalisation and validation (same names and shape). */
const fields = ({ defaultFields }: { defaultFields: Field[] }): Field[] =>
  defaultFields.map((field): Field => {
    if (!('name' in field)) return field
    if (field.name === 'from' && field.type === 'text') {
      return {
        ...field,
        label: 'Ancienne adresse',
        validate: validateFrom,
        hooks: { ...field.hooks, beforeValidate: [...(field.hooks?.beforeValidate ?? []), normaliseFrom] },
        admin: {
          ...field.admin,
          placeholder: '/spip.php?article12',
          description: 'Chemin (et paramètres) de l’ancienne adresse : /spip.php?article12, /article12.html, /IMG/pdf/document.pdf.',
        },
      } as Field
    }
    if (field.name === 'to' && field.type === 'group') {
      return {
        ...field,
        label: 'Destination',
        fields: field.fields.map((sub): Field => {
          if (!('name' in sub)) return sub
          if (sub.name === 'type' && sub.type === 'radio') {
            return {
              ...sub,
              label: 'Vers',
              options: [
                { label: 'Un document du site', value: 'reference' },
                { label: 'Une adresse', value: 'custom' },
              ],
            }
          }
          if (sub.name === 'reference' && sub.type === 'relationship') {
            return {
              ...sub,
              label: 'Document',
              validate: validateRelationship,
              admin: { ...sub.admin, description: 'La redirection suit le document si son adresse change.' },
            } as Field
          }
          if (sub.name === 'url' && sub.type === 'text') {
            return { ...sub, label: 'Adresse', validate: validateTo, admin: { ...sub.admin, placeholder: 'https://… ou /chemin' } } as Field
          }
          return sub
        }),
      }
    }
    return field
  })

/** A change of the table reaches every server's copy (src/lib/page-refresh.ts). */
const announceChange: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const froms = [doc?.from, previousDoc?.from].filter((p): p is string => typeof p === 'string' && p.startsWith('/'))
  await refreshPaths(froms.map((p) => p.split('?')[0]!), { payload: req.payload, req })
  return doc
}
const announceDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (typeof doc?.from === 'string') await refreshPaths([doc.from.split('?')[0]!], { payload: req.payload, req })
  return doc
}

export const redirects = (): Plugin =>
  redirectsPlugin({
    collections: PAGE_COLLECTIONS,
    redirectTypes: ['301', '302'],
    redirectTypeFieldOverride: {
      label: 'Type',
      defaultValue: '301',
      options: [
        { label: '301 — définitive', value: '301' },
        { label: '302 — temporaire', value: '302' },
      ],
      admin: { position: 'sidebar' },
    },
    overrides: {
      slug: REDIRECTS,
      labels: { singular: 'Redirection', plural: 'Redirections' },
      admin: {
        group: 'Réglages',
        useAsTitle: 'from',
        defaultColumns: ['from', 'to', 'type', 'updatedAt'],
        description:
          'Anciennes adresses renvoyées vers leur nouvelle page (301). Un document publié dont l’adresse change en laisse une automatiquement.',
      },
      access: { read: readRedirects, create: isStaff, update: isStaff, delete: isStaff },
      hooks: { afterChange: [announceChange], afterDelete: [announceDelete] },
      fields,
    },
  })
