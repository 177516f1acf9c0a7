import type { Access, CollectionConfig } from 'payload'

import { urlField } from '../../fields/url'
import { EVENT_LABELS, WEBHOOK_EVENTS } from './events'
import { generateSecret } from './signature'

export const WEBHOOKS = 'webhooks'
export const DELIVERIES = 'webhook-deliveries'

export const DELIVERY_STATUS_LABELS = {
  success: 'Réussi',
  retrying: 'Échec, nouvel essai prévu',
  failed: 'Échec définitif',
} as const
export type DeliveryStatus = keyof typeof DELIVERY_STATUS_LABELS

const nobody: Access = () => false

export type SourceCollection = { slug: string; label: string }

/** Endpoints registered by admins. */
export const webhooksCollection = (sources: SourceCollection[], access: Access, tries: number): CollectionConfig => ({
  slug: WEBHOOKS,
  labels: { singular: 'Webhook', plural: 'Webhooks' },
  admin: {
    useAsTitle: 'name',
    group: 'Administration',
    defaultColumns: ['name', 'url', 'events', 'collections', 'active'],
    description:
      `À chaque publication, dépublication ou suppression d’un contenu public, le site envoie un POST JSON signé (HMAC-SHA256) à l’adresse indiquée. En cas d’échec, ${tries} essais au plus, de plus en plus espacés ; chaque essai est journalisé dans « Envois de webhooks ».`,
  },
  access: { read: access, create: access, update: access, delete: access },
  fields: [
    { name: 'name', label: 'Nom', type: 'text', required: true, admin: { description: 'Pour s’y retrouver : le partenaire ou le service destinataire.' } },
    urlField({ name: 'url', label: 'Adresse de réception (URL)', required: true, description: 'Adresse http:// ou https:// qui reçoit les notifications.' }),
    {
      name: 'events',
      label: 'Événements',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: [...WEBHOOK_EVENTS],
      options: WEBHOOK_EVENTS.map((value) => ({ value, label: EVENT_LABELS[value] })),
      admin: {
        description:
          'Publication : un contenu devient public ou un contenu public est modifié. Dépublication : il repasse en brouillon. Suppression : un contenu public est supprimé. Les brouillons et les enregistrements automatiques ne déclenchent jamais d’envoi.',
      },
    },
    {
      name: 'collections',
      label: 'Collections',
      type: 'select',
      hasMany: true,
      required: true,
      options: sources.map(({ slug, label }) => ({ value: slug, label })),
      admin: { description: 'Les contenus publics dont les changements sont notifiés.' },
    },
    {
      name: 'active',
      label: 'Actif',
      type: 'checkbox',
      defaultValue: true,
      admin: { position: 'sidebar', description: 'Décoché : plus aucun envoi, même des essais en attente.' },
    },
    {
      name: 'secret',
      label: 'Secret de signature',
      type: 'text',
      required: true,
      minLength: 16,
      defaultValue: generateSecret,
      admin: {
        position: 'sidebar',
        description:
          'Généré à la création ; à communiquer au destinataire. Chaque envoi porte l’en-tête X-Labo-Signature : « sha256= » suivi du HMAC-SHA256 (hexadécimal) du corps brut, calculé avec ce secret.',
      },
    },
    {
      name: 'deliveries',
      label: 'Derniers envois',
      type: 'join',
      collection: DELIVERIES,
      on: 'webhook',
      defaultSort: '-sentAt',
      defaultLimit: 20,
      admin: { defaultColumns: ['sentAt', 'event', 'collection', 'documentId', 'attempt', 'status', 'responseCode', 'durationMs'] },
    },
  ],
  timestamps: true,
})

/** One row per try, written by the delivery task only; admins read them. */
export const deliveriesCollection = (sources: SourceCollection[], access: Access): CollectionConfig => ({
  slug: DELIVERIES,
  labels: { singular: 'Envoi de webhook', plural: 'Envois de webhooks' },
  admin: {
    group: 'Administration',
    defaultColumns: ['sentAt', 'webhook', 'event', 'collection', 'documentId', 'attempt', 'status', 'responseCode', 'durationMs'],
    description: 'Journal des envois (un par essai), en lecture seule.',
  },
  defaultSort: '-sentAt',
  access: { read: access, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'webhook', label: 'Webhook', type: 'relationship', relationTo: WEBHOOKS, index: true },
    {
      name: 'event',
      label: 'Événement',
      type: 'select',
      required: true,
      options: WEBHOOK_EVENTS.map((value) => ({ value, label: EVENT_LABELS[value] })),
    },
    { name: 'collection', label: 'Collection', type: 'select', required: true, options: sources.map(({ slug, label }) => ({ value: slug, label })) },
    { name: 'documentId', label: 'Identifiant du document', type: 'text', required: true },
    { name: 'attempt', label: 'Essai n°', type: 'number', required: true, min: 1 },
    {
      name: 'status',
      label: 'Résultat',
      type: 'select',
      required: true,
      options: Object.entries(DELIVERY_STATUS_LABELS).map(([value, label]) => ({ value, label })),
    },
    { name: 'responseCode', label: 'Code de réponse HTTP', type: 'number' },
    { name: 'durationMs', label: 'Durée (ms)', type: 'number' },
    { name: 'error', label: 'Erreur', type: 'textarea' },
    {
      name: 'sentAt',
      label: 'Envoyé le',
      type: 'date',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMMM yyyy, HH:mm:ss' } },
    },
  ],
  timestamps: true,
})
