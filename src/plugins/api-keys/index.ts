/**
 * API keys of integration accounts, as a Payload plugin, on top of Payload's own keys
 * (`auth.useAPIKey`: the admin's "Générer une clé" / "Révoquer" buttons, the encrypted key and its
 * HMAC index looked up on every request):
 *
 * - only admins create, rotate (generate a new key: the old one is dead at once) or revoke a key,
 *   and only for an account whose sole role is `integration`; such an account never logs in with
 *   a password, so revoking its key cuts it off completely;
 * - `apiKeyLastUsedAt`, read-only, tells when the key last authenticated a request;
 * - `apiGrants`: what an admin adds to a key's public reading (the drafts of chosen collections,
 *   for a partner's preview);
 * - a key reads only (403 otherwise) and a key Payload does not recognise gets 401 (guard.ts).
 */
import {
  APIError,
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeLoginHook,
  type CollectionConfig,
  type Config,
  type CollectionSlug,
  type Endpoint,
  type Field,
  type Payload,
  type PayloadRequest,
  type Plugin,
} from 'payload'

import { draftGrant, orDraftGrant } from './access'
import { isAdminField } from '../../access/roles'
import { clearKeyUse, guardKey, isWriteMethod, isWriteOperation, type GuardOptions } from './guard'

export { KEY_MESSAGES } from './guard'

export type ApiKeysOptions = {
  /** The auth collection whose keys this governs (with `auth.useAPIKey`). */
  collection?: string
  /** Collections whose drafts an admin may open to a key. */
  draftCollections?: string[]
  /** `apiKeyLastUsedAt` is written at most once per this interval and key. */
  lastUsedIntervalMs?: number
}

export const API_KEY_MESSAGES = {
  integrationOnly:
    'Une clé d’API est réservée aux comptes dont le seul rôle est « Intégration » : retirez la clé ou les autres rôles.',
  noPasswordLogin: 'Un compte d’intégration ne se connecte pas par mot de passe : il utilise sa clé d’API.',
} as const

const isIntegrationOnly = (roles: unknown): boolean =>
  Array.isArray(roles) && roles.length > 0 && roles.every((role) => role === 'integration')

const labelOf = (collection: CollectionConfig): string => {
  const plural = collection.labels?.plural
  return typeof plural === 'string' ? plural : collection.slug
}

const keyFields = (grantable: CollectionConfig[]): Field[] => [
  // Merged by Payload into its own `apiKey` field: only admins generate, rotate or revoke keys
  // (Payload's default lets any user who opens the admin panel manage their own key).
  {
    name: 'apiKey',
    type: 'text',
    label: 'Clé d’API',
    access: { create: isAdminField, update: isAdminField },
  },
  {
    name: 'apiKeyLastUsedAt',
    label: 'Dernière utilisation de la clé d’API',
    type: 'date',
    access: { read: isAdminField, create: () => false, update: () => false },
    admin: {
      readOnly: true,
      position: 'sidebar',
      date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMMM yyyy, HH:mm' },
      description:
        'Dernière requête authentifiée par la clé (enregistrée au plus une fois par minute). Vide : la clé actuelle n’a pas encore servi.',
      condition: (data) => isIntegrationOnly(data?.roles),
    },
  },
  {
    name: 'apiGrants',
    label: 'Droits supplémentaires de la clé d’API',
    type: 'select',
    hasMany: true,
    options: grantable.map((c) => ({ value: draftGrant(c.slug), label: `Lire les brouillons : ${labelOf(c)}` })),
    access: { read: isAdminField, create: isAdminField, update: isAdminField },
    admin: {
      position: 'sidebar',
      description:
        'Une clé lit les contenus publiés, comme un visiteur, et n’écrit jamais. Cochez une collection pour qu’elle en lise aussi les brouillons (aperçu chez un partenaire).',
      condition: (data) => isIntegrationOnly(data?.roles),
    },
  },
]

/** Does the stored account hold a key? (Payload hides the key and its index from reads.) */
async function hasStoredKey(req: PayloadRequest, collection: string, id: number | string): Promise<boolean> {
  const row = (await req.payload.db.findOne({ collection: collection as CollectionSlug, req, where: { id: { equals: id } } })) as { apiKeyIndex?: unknown } | null
  return Boolean(row?.apiKeyIndex)
}

const keyOnlyForIntegrations =
  (collection: string): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    const roles = data.roles ?? originalDoc?.roles
    if (isIntegrationOnly(roles)) return data
    const givesKey = typeof data.apiKey === 'string' && data.apiKey !== ''
    const removesKey = data.apiKey === null || data.apiKey === ''
    const keepsKey = operation === 'update' && !removesKey && originalDoc?.id !== undefined && (await hasStoredKey(req, collection, originalDoc.id))
    if (givesKey || keepsKey) {
      throw new ValidationError({ collection, errors: [{ path: 'roles', message: API_KEY_MESSAGES.integrationOnly }] })
    }
    return data
  }

/** A new key (rotation) or none (revocation): the last use belongs to the old key. */
const resetLastUseOnNewKey =
  (collection: string): CollectionAfterChangeHook =>
  async ({ data, doc, operation, req }) => {
    if (operation === 'update' && data && data.apiKey !== undefined) await clearKeyUse(req, collection, doc.id)
    return doc
  }

const noPasswordLogin: CollectionBeforeLoginHook = ({ user }) => {
  if (isIntegrationOnly((user as { roles?: unknown }).roles)) {
    throw new APIError(API_KEY_MESSAGES.noPasswordLogin, 403, null, true)
  }
  return user
}

const GUARDED = Symbol.for('labo.apiKeys.guarded')

/**
 * Puts the guard in front of every REST endpoint and every collection and global operation,
 * Payload's own included (preferences, locked documents, jobs), which only exist once the config
 * is sanitized: hence at init.
 */
function installGuard(payload: Payload, options: GuardOptions): void {
  const wrap = (endpoints: Endpoint[] | false | undefined) => {
    if (!Array.isArray(endpoints)) return
    for (const endpoint of endpoints) {
      const marked = endpoint as Endpoint & { [GUARDED]?: true }
      if (marked[GUARDED]) continue
      const handler = endpoint.handler
      endpoint.handler = async (req) => {
        await guardKey(req, isWriteMethod(req.method), options)
        return handler(req)
      }
      marked[GUARDED] = true
    }
  }
  type Hooked = { hooks?: { beforeOperation?: unknown[] }; [GUARDED]?: true }
  // Only operations that enforce access: the server's own work (Payload's lookup of the key
  // itself, hooks' bookkeeping) runs with overrideAccess.
  const hook = async ({ operation, overrideAccess, req }: { operation: string; overrideAccess?: boolean; req: PayloadRequest }) => {
    if (overrideAccess === true) return
    await guardKey(req, isWriteOperation(operation), options)
  }
  wrap(payload.config.endpoints)
  for (const entity of [...payload.config.collections, ...payload.config.globals]) {
    wrap(entity.endpoints)
    const hooked = entity as unknown as Hooked
    if (hooked[GUARDED]) continue
    hooked.hooks ??= {}
    hooked.hooks.beforeOperation = [hook, ...(hooked.hooks.beforeOperation ?? [])]
    hooked[GUARDED] = true
  }
}

export const apiKeysPlugin =
  (pluginOptions: ApiKeysOptions = {}): Plugin =>
  (config: Config): Config => {
    const slug = pluginOptions.collection ?? 'users'
    const options: GuardOptions = { collection: slug, lastUsedIntervalMs: pluginOptions.lastUsedIntervalMs ?? 60_000 }
    const draftCollections = pluginOptions.draftCollections ?? []
    const collections = config.collections ?? []
    const auth = collections.find((c) => c.slug === slug)
    if (!auth || typeof auth.auth !== 'object' || !auth.auth.useAPIKey) {
      throw new Error(`apiKeysPlugin: "${slug}" must be an auth collection with useAPIKey`)
    }
    const grantable = draftCollections.map((name) => {
      const found = collections.find((c) => c.slug === name)
      if (!found) throw new Error(`apiKeysPlugin: unknown collection "${name}"`)
      return found
    })
    return {
      ...config,
      collections: collections.map((c) => {
        if (c.slug === slug) {
          return {
            ...c,
            fields: [...c.fields, ...keyFields(grantable)],
            hooks: {
              ...c.hooks,
              beforeChange: [...(c.hooks?.beforeChange ?? []), keyOnlyForIntegrations(slug)],
              afterChange: [...(c.hooks?.afterChange ?? []), resetLastUseOnNewKey(slug)],
              beforeLogin: [...(c.hooks?.beforeLogin ?? []), noPasswordLogin],
            },
          }
        }
        if (draftCollections.includes(c.slug) && c.access?.read) {
          return { ...c, access: { ...c.access, read: orDraftGrant(c.slug, c.access.read) } }
        }
        return c
      }),
      onInit: async (payload) => {
        await config.onInit?.(payload)
        installGuard(payload, options)
      },
    }
  }
