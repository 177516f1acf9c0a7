import type { FieldAccess, TextField } from 'payload'

import { isPanelUser, serverOnlyField } from '../access/roles'

const panelOnly: FieldAccess = ({ req }) => isPanelUser(req.user)

/**
 * The SPIP object a document was imported from ("article:12", "forum:8"): what
 * `npm run import:spip` keys on to update instead of duplicating. Unique per collection, set by
 * the importer only (Local API with overrideAccess), read-only in the admin sidebar, never public.
 */
export const spipKeyField = (): TextField => ({
  name: 'spipKey',
  label: 'Clé SPIP',
  type: 'text',
  unique: true,
  access: { read: panelOnly, create: serverOnlyField, update: serverOnlyField },
  admin: {
    position: 'sidebar',
    readOnly: true,
    disableBulkEdit: true,
    disableListColumn: true,
    description: 'Objet du site SPIP dont ce document est issu (import).',
    condition: (data) => Boolean(data?.spipKey),
  },
})
