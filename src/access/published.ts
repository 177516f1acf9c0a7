import type { Access } from 'payload'

import { isStaffUser, isModeratorUser } from './roles'

/** Staff read drafts; everyone else (visitors, integrations) only published documents. */
export const publishedOrStaff: Access = ({ req: { user } }) => {
  if (isStaffUser(user) || isModeratorUser(user)) return true
  return { _status: { equals: 'published' } }
}
