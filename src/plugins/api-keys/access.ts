import type { Access, PayloadRequest } from 'payload'

import { hasRole } from '../../access/roles'

type MaybeUser = PayloadRequest['user'] | null | undefined

/** The grant that opens a collection's drafts to an integration key ("drafts.articles"). */
export const draftGrant = (collection: string): string => `drafts.${collection}`

/** Grants an admin gave an integration account (its `apiGrants` field). */
export const grantsOf = (user: MaybeUser): string[] => {
  if (!hasRole(user, 'integration')) return []
  const grants = (user as { apiGrants?: unknown }).apiGrants
  return Array.isArray(grants) ? grants.filter((g): g is string => typeof g === 'string') : []
}

/**
 * Read access of a collection whose drafts an admin may open to a partner's key (a preview): an
 * integration account granted `drafts.<collection>` reads every document, drafts included;
 * everyone else falls back to the collection's own rule.
 */
export const orDraftGrant =
  (collection: string, access: Access): Access =>
  (args) =>
    grantsOf(args.req.user).includes(draftGrant(collection)) ? true : access(args)
