import type { CollectionConfig, GlobalConfig } from 'payload'

import { publishedOrStaff } from './published'
import { anyone, isStaff } from './roles'

/**
 * Editorial collections with drafts: visitors and integrations read published documents only;
 * staff (admins, editors) write; moderators read but never write. Version history (which holds
 * drafts) is staff-only: Payload's default would open it to any logged-in user, API keys included.
 */
export const editorialAccess: NonNullable<CollectionConfig['access']> = {
  read: publishedOrStaff,
  readVersions: isStaff,
  create: isStaff,
  update: isStaff,
  delete: isStaff,
}

/** Reference data without drafts (tags, partners): public reading, staff writing. */
export const referenceAccess: NonNullable<CollectionConfig['access']> = {
  read: anyone,
  create: isStaff,
  update: isStaff,
  delete: isStaff,
}

/** Site-wide settings: public reading, staff writing. */
export const globalAccess: NonNullable<GlobalConfig['access']> = {
  read: anyone,
  readVersions: isStaff,
  update: isStaff,
}
