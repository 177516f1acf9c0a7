import type { Access, CollectionSlug, Field, FieldAccess, GlobalSlug, PayloadRequest } from 'payload'

import type { CommentMode, CommentModeSetting } from './constants'

type MaybeUser = PayloadRequest['user'] | null | undefined

export type CommentableCollection = {
  /** Default of the `commentMode` field the plugin adds when the collection has none. */
  defaultMode?: CommentModeSetting
}

export type CommentsPluginOptions = {
  /** false: the plugin adds nothing (the config is returned unchanged). */
  enabled?: boolean
  /** The collections that take comments, with the default mode of the field added to each. */
  collections: CollectionSlug[] | Partial<Record<CollectionSlug, CommentableCollection>>
  /** Fields the host adds to the comments (e.g. an import key). */
  fields?: Field[]
  /** Slug of the comments collection. */
  slug?: string
  /** Mode when the document says "default" and the settings global has none. */
  defaultMode?: CommentMode
  /**
   * Global whose fields override the limits below: `defaultCommentMode` and the group
   * `commentPolicy` (maxLinks, moderationWords, disallowedWords, floodLimit, floodWindowMinutes).
   * false: options only.
   */
  settingsGlobal?: GlobalSlug | false
  limits?: {
    /** More links than this → held for moderation (default 2). */
    maxLinks?: number
    /** More comments than this per address and window → 429 (default 5). */
    floodLimit?: number
    /** Length of the flood window, in seconds (default 600). */
    floodWindowSeconds?: number
  }
  /** Words that hold a comment for moderation. */
  moderationWords?: string[]
  /** Words that class a comment as spam. */
  disallowedWords?: string[]
  /** Key of the address hash; defaults to one derived from PAYLOAD_SECRET. */
  ipSalt?: string
  /** Who moderates (sees everything, approves, replies as staff). */
  isModerator?: (user: MaybeUser) => boolean
  /** Collection access of the comments; defaults in ./access.ts. */
  access?: {
    read?: Access
    create?: Access
    update?: Access
    delete?: Access
    /** Read access of e-mail, address hash, user agent and moderation fields. */
    moderationField?: FieldAccess
  }
  /**
   * E-mail to moderators for held comments: the first after a quiet window at once, the next
   * ones in one digest when the window ends. false: none.
   */
  notify?:
    | false
    | {
        /** Addresses; by default every moderator and admin account. */
        to?: string[] | ((req: PayloadRequest) => Promise<string[]> | string[])
        /** The window, in seconds (60 by default). */
        digestSeconds?: number
      }
  /** Public path of a commented document (revalidated when its comments change). */
  publicPath?: (collection: string, doc: Record<string, unknown>) => string | null
}

/** The policy in force for one new comment. */
export type ResolvedPolicy = {
  defaultMode: CommentMode
  maxLinks: number
  floodLimit: number
  floodWindowSeconds: number
  moderationWords: string[]
  disallowedWords: string[]
}

export type CommentDoc = {
  id: number
  target?: { relationTo: string; value: number | { id: number } } | null
  targetKey?: string | null
  parent?: number | { id: number } | null
  depth?: number | null
  authorName?: string | null
  authorEmail?: string | null
  authorWebsite?: string | null
  body?: string | null
  status?: string | null
  byStaff?: boolean | null
  createdAt?: string
  deletedAt?: string | null
}
