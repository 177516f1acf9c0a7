import type { Access, FieldAccess, PayloadRequest } from 'payload'

export const ROLES = ['admin', 'editor', 'moderator', 'integration'] as const
export type Role = (typeof ROLES)[number]

type MaybeUser = PayloadRequest['user'] | null | undefined

/** Roles of the request's user, or none for an anonymous visitor. */
export const rolesOf = (user: MaybeUser): Role[] => {
  if (!user || user.collection !== 'users') return []
  const roles = (user as { roles?: unknown }).roles
  return Array.isArray(roles) ? (roles.filter((r) => ROLES.includes(r as Role)) as Role[]) : []
}

export const hasRole = (user: MaybeUser, ...roles: Role[]): boolean =>
  rolesOf(user).some((r) => roles.includes(r))

/** Admins manage users, roles and settings. */
export const isAdminUser = (user: MaybeUser): boolean => hasRole(user, 'admin')
/** Staff write editorial content. */
export const isStaffUser = (user: MaybeUser): boolean => hasRole(user, 'admin', 'editor')
/** Moderators review reader comments. */
export const isModeratorUser = (user: MaybeUser): boolean => hasRole(user, 'admin', 'moderator')
/** Everyone who may open the admin panel (integrations use API keys only). */
export const isPanelUser = (user: MaybeUser): boolean => hasRole(user, 'admin', 'editor', 'moderator')

export const anyone: Access = () => true
export const nobody: Access = () => false
export const isAdmin: Access = ({ req }) => isAdminUser(req.user)
export const isStaff: Access = ({ req }) => isStaffUser(req.user)
export const isModerator: Access = ({ req }) => isModeratorUser(req.user)
export const isLoggedIn: Access = ({ req }) => Boolean(req.user)

/** Fields only the server sets (hooks, the database); nobody writes them through the API. */
export const serverOnlyField: FieldAccess = () => false

export const isAdminField: FieldAccess = ({ req }) => isAdminUser(req.user)
export const isStaffField: FieldAccess = ({ req }) => isStaffUser(req.user)
export const isModeratorField: FieldAccess = ({ req }) => isModeratorUser(req.user)
export const isPanel: Access = ({ req }) => isPanelUser(req.user)
/** Settings the public must not read (the anti-spam word lists): panel users only. */
export const isPanelField: FieldAccess = ({ req }) => isPanelUser(req.user)
