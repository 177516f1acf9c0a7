import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { CollectionConfig } from 'payload'

import { anyone, isStaff } from '../../access/roles'
import { spipKeyField } from '../../fields/spip-key'
import { ALLOWED_MIME_TYPES, MAX_UPLOAD_BYTES } from './constraints'
import { checkUploadedFile } from './hooks'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Média', plural: 'Médias' },
  admin: {
    group: 'Contenus',
    defaultColumns: ['filename', 'alt', 'mimeType', 'updatedAt'],
    description: `Images (JPEG, PNG, WebP, AVIF, GIF) et PDF, ${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} Mo au plus.`,
  },
  access: {
    read: anyone,
    create: isStaff,
    update: isStaff,
    delete: isStaff,
  },
  hooks: {
    beforeOperation: [checkUploadedFile],
  },
  upload: {
    staticDir: process.env.MEDIA_DIR || path.resolve(dirname, '../../../media'),
    mimeTypes: [...ALLOWED_MIME_TYPES],
    focalPoint: true,
    crop: true,
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre', formatOptions: { format: 'webp' } },
      { name: 'card', width: 768, height: 512, position: 'centre', formatOptions: { format: 'webp' } },
      { name: 'hero', width: 1600, height: 900, position: 'centre', formatOptions: { format: 'webp' } },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      label: 'Texte alternatif',
      type: 'text',
      required: true,
      admin: {
        description: 'Décrit l’image pour les personnes qui ne la voient pas (lecteurs d’écran).',
      },
    },
    {
      name: 'caption',
      label: 'Légende',
      type: 'text',
    },
    {
      name: 'credit',
      label: 'Crédit',
      type: 'text',
    },
    spipKeyField(),
  ],
}
