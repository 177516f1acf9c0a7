import type { DateField } from 'payload'

import { serverOnlyField } from '../access/roles'

const timestamp = (name: 'createdAt' | 'updatedAt' | 'deletedAt'): DateField => ({
  name,
  type: 'date',
  index: true,
  admin: { disableBulkEdit: true, hidden: true },
  label: ({ t }) => t(`general:${name}`),
})

/**
 * The timestamps Payload would add by itself (createdAt, updatedAt and, with trash, deletedAt),
 * declared so that they are server-owned: a value sent through the API (REST, GraphQL, Local API
 * with `overrideAccess: false`) is dropped, and the server's time is stored. Local API imports
 * (overrideAccess) keep the dates they give. Same columns and indexes as Payload's: no migration.
 * `deletedAt` is never set on create; updating it (trash, restore) follows the collection's
 * update access.
 */
export function serverTimestamps({ trash = false }: { trash?: boolean } = {}): DateField[] {
  const owned = { create: serverOnlyField, update: serverOnlyField }
  return [
    { ...timestamp('updatedAt'), access: owned },
    { ...timestamp('createdAt'), access: owned },
    ...(trash ? [{ ...timestamp('deletedAt'), access: { create: serverOnlyField } }] : []),
  ]
}
