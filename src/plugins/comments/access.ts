import type { Access, FieldAccess, Where } from 'payload'

import { hasRole, isModeratorUser } from '../../access/roles'

export { serverOnlyField } from '../../access/roles'

/**
 * Reader comments. Moderators and admins see everything (trash included, with `?trash=true`);
 * everyone else (visitors, editors, integration keys) only approved comments of published pages,
 * never trashed ones.
 */
export const commentsRead: Access = ({ req: { user } }) => {
  if (isModeratorUser(user)) return true
  const publicOnly: Where = {
    and: [{ status: { equals: 'approved' } }, { targetPublished: { equals: true } }, { deletedAt: { exists: false } }],
  }
  return publicOnly
}

/** Visitors and staff post; integration keys only read. */
export const commentsCreate: Access = ({ req: { user } }) => !user || hasRole(user, 'admin', 'editor', 'moderator')

/** Moderators and admins approve, refuse, edit and trash. */
export const commentsModerate: Access = ({ req: { user } }) => isModeratorUser(user)

/**
 * Moderators move comments to the trash (an update of `deletedAt`); a permanent deletion only
 * applies to comments already in the trash.
 */
export const commentsDelete: Access = ({ req: { user }, data }) => {
  if (!isModeratorUser(user)) return false
  const isTrashing = Boolean(data && typeof data === 'object' && (data as { deletedAt?: unknown }).deletedAt)
  return isTrashing ? true : { deletedAt: { exists: true } }
}

/** E-mail, address hash, user agent and moderation fields: moderators and admins only. */
export const moderatorsOnlyField: FieldAccess = ({ req: { user } }) => isModeratorUser(user)
