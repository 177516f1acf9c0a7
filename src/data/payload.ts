import config from '@payload-config'
import { draftMode } from 'next/headers'
import { getPayload, type Payload } from 'payload'
import { cache } from 'react'

import type { Navigation, SiteSettings } from '@/payload-types'
import type { ContentSlug } from '@/collections/registry'

export const getPayloadClient = (): Promise<Payload> => getPayload({ config })

/** True when an editor previews drafts (Next draft mode, enabled by /apercu). */
export const isPreview = cache(async (): Promise<boolean> => (await draftMode()).isEnabled)

export type Site = { settings: SiteSettings; navigation: Navigation }

/** Site settings and menus, once per render. */
export const getSite = cache(async (): Promise<Site> => {
  const payload = await getPayloadClient()
  const [settings, navigation] = await Promise.all([
    payload.findGlobal({ slug: 'site-settings', depth: 1 }),
    payload.findGlobal({ slug: 'navigation', depth: 1 }),
  ])
  return { settings, navigation }
})

type SluggedCollection = ContentSlug | 'tags'

/**
 * One published document by slug (or its latest draft in preview). Access is enforced as for an
 * anonymous visitor: `overrideAccess: false` without a user.
 */
export const findBySlug = cache(async <C extends SluggedCollection>(collection: C, slug: string, depth = 1) => {
  const payload = await getPayloadClient()
  const draft = await isPreview()
  const { docs } = await payload.find({
    collection,
    where: { slug: { equals: slug } },
    depth,
    limit: 1,
    draft,
    overrideAccess: draft,
    pagination: false,
  })
  return docs[0] ?? null
})
