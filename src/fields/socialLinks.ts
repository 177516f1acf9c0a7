import type { ArrayField } from 'payload'

import { urlField } from './url'

export const SOCIAL_NETWORKS = [
  { label: 'YouTube', value: 'youtube' },
  { label: 'Twitter / X', value: 'twitter' },
  { label: 'Facebook', value: 'facebook' },
  { label: 'LinkedIn', value: 'linkedin' },
  { label: 'Instagram', value: 'instagram' },
  { label: 'Mastodon', value: 'mastodon' },
  { label: 'Bluesky', value: 'bluesky' },
  { label: 'Autre', value: 'autre' },
]

/** A list of social network accounts: network and address (http(s) only). */
export const socialLinksField = (label: string): ArrayField => ({
  name: 'socialLinks',
  label,
  labels: { singular: 'Réseau social', plural: 'Réseaux sociaux' },
  type: 'array',
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'network', label: 'Réseau', type: 'select', required: true, options: SOCIAL_NETWORKS, admin: { width: '30%' } },
        urlField({ name: 'url', label: 'Adresse', required: true, admin: { width: '70%' } }),
      ],
    },
  ],
})
