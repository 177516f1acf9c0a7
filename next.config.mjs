import { withPayload } from '@payloadcms/next/withPayload'

import { mediaImagePatterns } from './src/lib/media-hosts.mjs'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // next/image resizes the Media collection's files only (see src/lib/media-hosts.mjs).
  images: { ...mediaImagePatterns() },
  // Security headers (CSP, HSTS…): set by the production server, src/lib/http/security-headers.ts.
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
