/**
 * Reader comments with a moderation workflow, as a Payload plugin:
 *
 *   commentsPlugin({ collections: { articles: {}, projects: { defaultMode: 'closed' } } })
 *
 * adds the `comments` collection (polymorphic target, threaded replies, statuses, trash), its
 * hidden flood-counter table, a `commentMode` field on each commentable collection that lacks
 * one, the hooks that keep comments in step with their page's publication, the moderation queue
 * in the admin and a dashboard count of pending comments.
 */
import type { CollectionConfig, Config, Plugin } from 'payload'

import { hasField } from '../../fields/has-field'
import { commentsCollection, floodCollection } from './collection'
import { MODE_OPTIONS } from './constants'
import { targetAfterChangeHook, targetAfterDeleteHook } from './hooks'
import { resolveOptions, type ResolvedOptions } from './settings'
import type { CommentsPluginOptions } from './types'
import { installLeanCreate } from '../shared/sql'

export { COMMENT_MODES, COMMENT_STATUSES, LIMITS, MESSAGES, MODE_SENTENCES, SPIP_HELP, STATUS_LABELS } from './constants'
export { addOwnComment, OWN_COOKIE, OWN_MAX_AGE } from './ownership'
export type { CommentMode, CommentModeSetting, CommentStatus } from './constants'
export { revalidateCommentTarget, revalidatePublicPath, targetPath } from './revalidate'
export { countApprovedComments, targetKeyOf } from './sql'
export { excerptOf, fingerprintOf, flushCommentNotifications, TRUSTED_IMPORT } from './hooks'
export { optionsOf, resolvePolicy, effectiveMode } from './settings'
export type { CommentsPluginOptions } from './types'

function withComments(collection: CollectionConfig, options: ResolvedOptions): CollectionConfig {
  const settings = options.collections[collection.slug]
  if (!settings) return collection
  const fields = [...collection.fields]
  if (!hasField(fields, 'commentMode')) {
    fields.push({
      name: 'commentMode',
      label: 'Commentaires',
      type: 'select',
      // Not required, so that existing code creating these documents need not set it; an empty
      // value means the collection's default (below).
      defaultValue: settings.defaultMode,
      options: MODE_OPTIONS,
      admin: {
        position: 'sidebar',
        description: 'Fermé : aucun nouveau commentaire. « Réglage du site » suit les réglages des commentaires.',
      },
    })
  }
  return {
    ...collection,
    fields,
    hooks: {
      ...collection.hooks,
      afterChange: [...(collection.hooks?.afterChange ?? []), targetAfterChangeHook(options)],
      afterDelete: [...(collection.hooks?.afterDelete ?? []), targetAfterDeleteHook(options)],
    },
  }
}

export const commentsPlugin =
  (pluginOptions: CommentsPluginOptions): Plugin =>
  (config: Config): Config => {
    if (pluginOptions.enabled === false) return config
    const options = resolveOptions(pluginOptions)
    const collections = (config.collections ?? []).map((collection) => withComments(collection, options))
    for (const slug of Object.keys(options.collections)) {
      if (!collections.some((c) => c.slug === slug)) throw new Error(`commentsPlugin: unknown collection "${slug}"`)
    }
    const beforeDashboard = config.admin?.components?.beforeDashboard ?? []
    return {
      ...config,
      // Visitors' refused comments (403, 409, 429) are not server errors.
      loggingLevels: { ...config.loggingLevels, ...({ CommentRefusal: 'info' } as NonNullable<Config['loggingLevels']>) },
      collections: [...collections, commentsCollection(options, pluginOptions.access, pluginOptions.fields), floodCollection(options)],
      onInit: async (payload) => {
        await config.onInit?.(payload)
        installLeanCreate(payload, options.slug)
      },
      admin: {
        ...config.admin,
        components: {
          ...config.admin?.components,
          beforeDashboard: [...beforeDashboard, '/src/plugins/comments/admin/PendingCount#PendingCount'],
        },
      },
    }
  }
