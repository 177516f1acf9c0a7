import type { CollectionSlug, Plugin } from 'payload'

import { lockDelete, lockInOwnName, lockRead, lockWrite } from '../access/locked-documents'

const SLUG = 'payload-locked-documents'

/**
 * Access rules for Payload's edit locks (src/access/locked-documents.ts). Payload adds that
 * collection while sanitizing the config, after the plugins ran: the rules are set at init.
 */
export const lockedDocumentsAccess =
  (): Plugin =>
  (config) => ({
    ...config,
    onInit: async (payload) => {
      const locks = payload.collections[SLUG as CollectionSlug]?.config
      if (locks) {
        locks.access = { ...locks.access, read: lockRead, create: lockWrite, update: lockWrite, delete: lockDelete }
        locks.hooks.beforeChange = [lockInOwnName, ...(locks.hooks.beforeChange ?? [])]
      }
      await config.onInit?.(payload)
    },
  })
