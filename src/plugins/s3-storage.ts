import { s3Storage as payloadS3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

import { mediaPublicURL } from '../lib/media-hosts.mjs'

/**
 * Media go to S3-compatible storage when S3_BUCKET is set, to media/ on disk otherwise. The site
 * serves the files (access-checked, relative URLs) unless S3_PUBLIC_URL names a public host for them.
 */
export const s3Storage = (env: NodeJS.ProcessEnv = process.env): Plugin => {
  const publicURL = mediaPublicURL(env)
  return payloadS3Storage({
    enabled: Boolean(env.S3_BUCKET),
    collections: {
      media: publicURL
        ? {
            disablePayloadAccessControl: true,
            generateFileURL: ({ filename, prefix }) => [publicURL, prefix, encodeURIComponent(filename)].filter(Boolean).join('/'),
          }
        : true,
    },
    bucket: env.S3_BUCKET || '',
    config: {
      region: env.S3_REGION || 'auto',
      endpoint: env.S3_ENDPOINT || undefined,
      forcePathStyle: env.S3_FORCE_PATH_STYLE === 'true',
      credentials: env.S3_ACCESS_KEY_ID
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY || '' }
        : undefined,
    },
  })
}
