import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import type { Plugin } from 'payload'

import { s3Storage } from './s3-storage'
import { scheduledPublication } from './scheduled-publication'
import { seo } from './seo'

type TreeDoc = { slug?: unknown; title?: unknown }

/** Every plugin of the site, in order; payload.config.ts spreads this list. */
export const plugins: Plugin[] = [
  nestedDocsPlugin({
    collections: ['pages'],
    generateLabel: (_, doc) => String((doc as TreeDoc).title ?? ''),
    generateURL: (docs) => docs.map((doc) => `/${String((doc as TreeDoc).slug ?? '')}`).join(''),
  }),
  seo(),
  scheduledPublication(),
  s3Storage(),
]
