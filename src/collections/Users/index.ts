import type { CollectionConfig } from 'payload'

import { isAdmin, isAdminField, isPanelUser, ROLES } from '../../access/roles'
import { adminOrSelf, adminOrSelfEditor } from '../../access/users'
import { spipKeyField } from '../../fields/spip-key'
import { siteIsHttps } from '../../lib/site-paths'
import { forgotPasswordEmail } from './emails'
import { firstUserIsAdmin } from './hooks'

const roleLabels: Record<(typeof ROLES)[number], string> = {
  admin: 'Administrateur',
  editor: 'Rédacteur',
  moderator: 'Modérateur',
  integration: 'Intégration (clé d’API, lecture seule)',
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Utilisateur', plural: 'Utilisateurs' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'roles', 'updatedAt'],
    group: 'Administration',
  },
  auth: {
    useAPIKey: true,
    // Payload's lock is off (anyone could lock any account): src/plugins/login-throttle throttles.
    maxLoginAttempts: 0,
    tokenExpiration: 8 * 60 * 60,
    forgotPassword: { generateEmailHTML: forgotPasswordEmail },
    // The session cookie travels over HTTPS only when the site is served over it.
    cookies: { secure: siteIsHttps() },
  },
  access: {
    admin: ({ req }) => isPanelUser(req.user),
    create: isAdmin,
    read: adminOrSelf,
    update: adminOrSelfEditor,
    delete: isAdmin,
    // Payload's default lets any logged-in user unlock any account (GHSA-jg8r-5jh2-v2xj); the
    // unlock clears the login throttle's counters of the account.
    unlock: isAdmin,
  },
  hooks: {
    beforeChange: [firstUserIsAdmin],
  },
  fields: [
    {
      name: 'name',
      label: 'Nom',
      type: 'text',
      required: true,
    },
    {
      name: 'roles',
      label: 'Rôles',
      type: 'select',
      hasMany: true,
      required: true,
      saveToJWT: true,
      defaultValue: ['editor'],
      options: ROLES.map((value) => ({ value, label: roleLabels[value] })),
      access: {
        create: isAdminField,
        update: isAdminField,
      },
      admin: {
        description: 'Seuls les administrateurs peuvent attribuer des rôles.',
      },
    },
    spipKeyField(),
  ],
  timestamps: true,
}
