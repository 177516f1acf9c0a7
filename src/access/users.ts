import type { Access } from 'payload'

import { hasRole, isAdminUser } from './roles'

/** Admins see every account; anyone else only their own. */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdminUser(user)) return true
  return { id: { equals: user.id } }
}

/** Admins edit every account; panel users edit their own; integrations edit nothing. */
export const adminOrSelfEditor: Access = ({ req: { user } }) => {
  if (!user) return false
  if (isAdminUser(user)) return true
  if (!hasRole(user, 'editor', 'moderator')) return false
  return { id: { equals: user.id } }
}
