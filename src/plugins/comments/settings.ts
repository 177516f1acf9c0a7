import { createHash } from 'node:crypto'

import { sql } from '@payloadcms/db-postgres'

import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { isModeratorUser } from '../../access/roles'
import { publicPath } from '../../lib/site-paths'
import { isCommentMode, type CommentMode, type CommentModeSetting } from './constants'
import { parseWordList } from './policy'
import { run, tableOf, type SQL } from './sql'
import type { CommentableCollection, CommentsPluginOptions, ResolvedPolicy } from './types'

/** The plugin's options with every default filled in; kept on the collection's `custom`. */
export type ResolvedOptions = {
  slug: CollectionSlug
  floodSlug: CollectionSlug
  collections: Record<string, Required<CommentableCollection>>
  defaultMode: CommentMode
  settingsGlobal: string | false
  limits: { maxLinks: number; floodLimit: number; floodWindowSeconds: number }
  moderationWords: string[]
  disallowedWords: string[]
  ipSalt: string | undefined
  isModerator: NonNullable<CommentsPluginOptions['isModerator']>
  notify: CommentsPluginOptions['notify']
  publicPath: NonNullable<CommentsPluginOptions['publicPath']>
}

export const CUSTOM_KEY = 'commentsPlugin'

export function resolveOptions(options: CommentsPluginOptions): ResolvedOptions {
  const collections: Record<string, Required<CommentableCollection>> = {}
  if (Array.isArray(options.collections)) {
    for (const slug of options.collections) collections[slug] = { defaultMode: 'default' }
  } else {
    for (const [slug, value] of Object.entries(options.collections)) {
      collections[slug] = { defaultMode: value?.defaultMode ?? 'default' }
    }
  }
  const slug = (options.slug ?? 'comments') as CollectionSlug
  return {
    slug,
    floodSlug: `${slug}-flood` as CollectionSlug,
    collections,
    defaultMode: options.defaultMode ?? 'a-priori',
    settingsGlobal: options.settingsGlobal ?? 'site-settings',
    limits: {
      maxLinks: options.limits?.maxLinks ?? 2,
      floodLimit: options.limits?.floodLimit ?? 5,
      floodWindowSeconds: options.limits?.floodWindowSeconds ?? 600,
    },
    moderationWords: options.moderationWords ?? [],
    disallowedWords: options.disallowedWords ?? [],
    ipSalt: options.ipSalt,
    isModerator: options.isModerator ?? isModeratorUser,
    notify: options.notify ?? {},
    publicPath: options.publicPath ?? publicPath,
  }
}

/** The resolved options of the comments plugin of a running Payload. */
export function optionsOf(payload: Payload, slug = 'comments'): ResolvedOptions {
  const custom = payload.collections[slug as CollectionSlug]?.config.custom as Record<string, unknown> | undefined
  const resolved = custom?.[CUSTOM_KEY] as ResolvedOptions | undefined
  if (!resolved) throw new Error(`commentsPlugin: collection "${slug}" is not configured`)
  return resolved
}

/** Key of the address hash: the option, else derived from Payload's secret. */
export const ipSaltOf = (payload: Payload, options: ResolvedOptions): string =>
  options.ipSalt ?? createHash('sha256').update(`comments-ip-salt:${payload.secret}`).digest('hex')

type SettingsDoc = {
  defaultCommentMode?: unknown
  commentPolicy?: {
    maxLinks?: unknown
    moderationWords?: unknown
    disallowedWords?: unknown
    floodLimit?: unknown
    floodWindowMinutes?: unknown
  } | null
}

const num = (value: unknown, fallback: number, min = 0): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= min ? Math.floor(value) : fallback

/**
 * Resolved policies per Payload and settings global, with the version of the settings they were
 * read from (the global's `updated_at`): a post reads that one timestamp, and the whole global only
 * after someone saved the settings, on whichever instance.
 */
const policyCache = new WeakMap<Payload, Map<string, { version: string; policy: ResolvedPolicy }>>()

/** The settings global's table, when the plugin reads its policy from one. */
export function settingsTableOf(payload: Payload, options: ResolvedOptions): SQL | null {
  const slug = options.settingsGlobal
  if (!slug || !payload.globals.config.some((g) => g.slug === slug)) return null
  return tableOf(payload, slug)
}

/** The version of the settings, as SQL: the global's last save. */
export const settingsVersionSQL = (table: SQL): SQL => sql`(SELECT coalesce(max("updated_at")::text, 'never saved') FROM ${table})`

const cacheOf = (payload: Payload) => {
  const cache = policyCache.get(payload) ?? new Map<string, { version: string; policy: ResolvedPolicy }>()
  policyCache.set(payload, cache)
  return cache
}
const cacheKey = (options: ResolvedOptions) => `${options.slug}:${options.settingsGlobal}`

/** The policy last read on this instance and the settings version it was read from, if any. */
export const cachedPolicy = (payload: Payload, options: ResolvedOptions) => cacheOf(payload).get(cacheKey(options))

/** The policy of a given settings version: from the cache, else read (and kept). */
export async function policyOfVersion(payload: Payload, options: ResolvedOptions, version: string, req?: PayloadRequest): Promise<ResolvedPolicy> {
  const hit = cachedPolicy(payload, options)
  if (hit && hit.version === version) return hit.policy
  const policy = await readPolicy(payload, options, req)
  cacheOf(payload).set(cacheKey(options), { version, policy })
  return policy
}

/** The policy in force: the settings global where it says something, else the options. */
export async function resolvePolicy(payload: Payload, options: ResolvedOptions, req?: PayloadRequest): Promise<ResolvedPolicy> {
  const table = settingsTableOf(payload, options)
  if (!table) return readPolicy(payload, options, req)
  const rows = await run<{ version: string }>(payload, sql`SELECT ${settingsVersionSQL(table)} AS version`, req)
  return policyOfVersion(payload, options, rows[0]?.version ?? 'never saved', req)
}

async function readPolicy(payload: Payload, options: ResolvedOptions, req?: PayloadRequest): Promise<ResolvedPolicy> {
  let settings: SettingsDoc = {}
  if (options.settingsGlobal) {
    try {
      settings = (await payload.findGlobal({
        slug: options.settingsGlobal as never,
        depth: 0,
        overrideAccess: true,
        ...(req ? { req } : {}),
      })) as SettingsDoc
    } catch {
      settings = {}
    }
  }
  const policy = settings.commentPolicy ?? {}
  // The options give a base list; the settings add to it.
  const words = (value: unknown, base: string[]) => parseWordList([...base, ...parseWordList(value)])
  return {
    defaultMode: isCommentMode(settings.defaultCommentMode) ? settings.defaultCommentMode : options.defaultMode,
    maxLinks: num(policy.maxLinks, options.limits.maxLinks),
    floodLimit: num(policy.floodLimit, options.limits.floodLimit, 1),
    floodWindowSeconds: typeof policy.floodWindowMinutes === 'number' && policy.floodWindowMinutes > 0 ? Math.round(policy.floodWindowMinutes * 60) : options.limits.floodWindowSeconds,
    moderationWords: words(policy.moderationWords, options.moderationWords),
    disallowedWords: words(policy.disallowedWords, options.disallowedWords),
  }
}

/**
 * The mode of a document: its own setting; "default" → the site's default; empty → the default
 * its collection was configured with (e.g. closed for projects).
 */
export function effectiveMode(
  setting: unknown,
  policy: Pick<ResolvedPolicy, 'defaultMode'>,
  collectionDefault: CommentModeSetting = 'default',
): CommentMode {
  if (isCommentMode(setting)) return setting
  if (setting === null || setting === undefined || setting === '') return isCommentMode(collectionDefault) ? collectionDefault : policy.defaultMode
  return policy.defaultMode
}

export type { CommentModeSetting }
