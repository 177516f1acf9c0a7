import type { MetadataRoute } from 'next'

import { absoluteURL } from '@/lib/site-paths'

export const dynamic = 'force-static'

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api', '/apercu'] }],
    sitemap: absoluteURL('/sitemap.xml'),
  }
}
