import type { CollectionBeforeOperationHook, CollectionConfig, Endpoint, Field, FieldAccess, Where } from 'payload'

import { commentsCreate, commentsDelete, commentsModerate, commentsRead, moderatorsOnlyField, serverOnlyField } from './access'
import { serverTimestamps } from '../../fields/timestamps'
import { spipToHtml } from '../../lib/spip-markup/comments'
import { COMMENT_STATUSES, LIMITS, SPIP_HELP, STATUS_LABELS } from './constants'
import { afterChangeHook, afterDeleteHook, beforeChangeHook } from './hooks'
import { cookieFromHeader, OWN_COOKIE, readOwnCookie } from './ownership'
import { CUSTOM_KEY, type ResolvedOptions } from './settings'
import { countApprovedComments } from './sql'
import type { CommentsPluginOptions } from './types'
import { validateEmail, validateName, validateWebsite, validateBody } from './validation'

const ADMIN = '/src/plugins/comments/admin'

/** Staff may leave name and e-mail empty (their account's are used); visitors may not. */
const visitorCheck =
  (check: (value: unknown) => string | true, options: ResolvedOptions) =>
  (value: unknown, { req, operation }: { req: { user?: unknown }; operation?: string }): string | true => {
    const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
    if (empty && (operation === 'update' || options.isModerator(req.user as never))) return true
    return check(value)
  }

/** GET /api/comments/counts?targets=articles:1,articles:2 or ?collection=articles */
const countsEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/counts',
  method: 'get',
  handler: async (req) => {
    const url = new URL(req.url ?? '', 'http://localhost')
    const keys = (url.searchParams.get('targets') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => /^[a-z0-9-]+:\d{1,15}$/.test(s) && s.split(':')[0] in options.collections)
      .slice(0, 500)
    const collection = url.searchParams.get('collection')
    if (keys.length === 0 && !(collection && collection in options.collections)) {
      return Response.json(
        { errors: [{ message: 'Indiquez des pages (targets=articles:12,projects:3) ou une collection (collection=articles).' }] },
        { status: 400 },
      )
    }
    const counts = await countApprovedComments(req.payload, keys.length > 0 ? { keys } : { collection: collection! }, options.slug)
    return Response.json({ counts })
  },
})

/**
 * GET /api/comments/mine?target=articles:12 — the comments this browser posted on that page that
 * still wait for moderation (from the signed cookie), so that their author sees them. Only
 * public fields.
 */
const mineEndpoint = (options: ResolvedOptions): Endpoint => ({
  path: '/mine',
  method: 'get',
  handler: async (req) => {
    const url = new URL(req.url ?? '', 'http://localhost')
    const target = url.searchParams.get('target') ?? ''
    const ids = readOwnCookie(req.payload.secret, cookieFromHeader(req.headers.get('cookie'), OWN_COOKIE))
    if (!/^[a-z0-9-]+:\d{1,15}$/.test(target) || ids.length === 0) return Response.json({ docs: [] })
    const { docs } = await req.payload.find({
      collection: options.slug,
      where: { and: [{ id: { in: ids } }, { targetKey: { equals: target } }, { status: { in: ['pending', 'spam'] } }] },
      sort: 'createdAt',
      depth: 0,
      limit: ids.length,
      overrideAccess: true,
    })
    return Response.json(
      {
        docs: (docs as unknown as Record<string, unknown>[]).map((doc) => ({
          id: doc.id,
          parent: typeof doc.parent === 'number' ? doc.parent : null,
          authorName: doc.authorName,
          authorWebsite: doc.authorWebsite ?? null,
          body: String(doc.body ?? ''),
          createdAt: doc.createdAt,
          status: 'pending',
        })),
      },
      { headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
})

/**
 * A comment posted through REST is answered without its page populated (`target` stays
 * `{ relationTo, value }`, as sent) unless `?depth=` asks for it: reading the whole page back,
 * with its rich text and relations, for every post was wasted work.
 */
const createResponseDepth: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' || req.payloadAPI !== 'REST') return args
  const depth = (args as { depth?: unknown }).depth
  return depth === undefined || depth === null || depth === '' ? { ...args, depth: 0 } : args
}

export function commentsCollection(
  options: ResolvedOptions,
  access: CommentsPluginOptions['access'] = {},
  extraFields: Field[] = [],
): CollectionConfig {
  const moderationRead: FieldAccess = access?.moderationField ?? moderatorsOnlyField
  const moderationOnly = { read: moderationRead, create: serverOnlyField, update: serverOnlyField }
  const fields: Field[] = [
    {
      name: 'target',
      label: 'Page commentée',
      type: 'relationship',
      relationTo: Object.keys(options.collections) as never,
      required: true,
      maxDepth: 1,
      access: { update: serverOnlyField },
      admin: { description: 'Article, projet, axe ou thème sous lequel le commentaire paraît.' },
    },
    {
      name: 'parent',
      label: 'En réponse à',
      type: 'relationship',
      relationTo: options.slug,
      maxDepth: 0,
      access: { update: serverOnlyField },
      // The hooks check the rest (approved, depth); this narrows the admin's choices.
      filterOptions: ({ data }): Where | true => {
        const key = (data as { targetKey?: unknown } | undefined)?.targetKey
        return typeof key === 'string' ? { targetKey: { equals: key } } : true
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'authorName',
          label: 'Nom',
          type: 'text',
          maxLength: LIMITS.nameMax,
          validate: visitorCheck(validateName, options) as never,
          admin: { width: '34%' },
        },
        {
          name: 'authorEmail',
          label: 'E-mail (jamais publié)',
          type: 'email',
          validate: visitorCheck(validateEmail, options) as never,
          access: { read: moderationRead },
          admin: { width: '33%' },
        },
        {
          name: 'authorWebsite',
          label: 'Site web',
          type: 'text',
          validate: ((value: unknown) => validateWebsite(value)) as never,
          admin: { width: '33%', placeholder: 'https://…' },
        },
      ],
    },
    {
      name: 'body',
      label: 'Message',
      type: 'textarea',
      required: true,
      validate: ((value: unknown) => validateBody(value)) as never,
      admin: { rows: 8, description: SPIP_HELP },
    },
    {
      name: 'bodyHtml',
      label: 'Message (HTML)',
      type: 'text',
      virtual: true,
      admin: { hidden: true },
      access: { create: serverOnlyField, update: serverOnlyField },
      hooks: {
        afterRead: [({ siblingData }) => (typeof siblingData?.body === 'string' ? spipToHtml(siblingData.body) : undefined)],
      },
    },
    {
      name: 'honeypot',
      type: 'text',
      virtual: true,
      admin: { hidden: true },
      access: { read: () => false, update: serverOnlyField },
    },
    {
      name: 'moderatorNote',
      label: 'Note de modération',
      type: 'textarea',
      access: { read: moderationRead, create: moderationRead, update: moderationRead },
      admin: { description: 'Visible des seuls modérateurs.' },
    },
    {
      name: 'status',
      label: 'Statut',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: COMMENT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
      access: { read: moderationRead, create: serverOnlyField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'holdReason',
      label: 'Motif de la retenue',
      type: 'text',
      access: moderationOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'byStaff',
      label: 'Réponse du Labo',
      type: 'checkbox',
      defaultValue: false,
      access: { create: serverOnlyField, update: serverOnlyField },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'moderatedBy',
      label: 'Modéré par',
      type: 'relationship',
      relationTo: 'users',
      maxDepth: 0,
      access: moderationOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'moderatedAt',
      label: 'Modéré le',
      type: 'date',
      access: moderationOnly,
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'd MMMM yyyy, HH:mm' } },
    },
    {
      name: 'ipHash',
      label: 'Empreinte de l’adresse IP',
      type: 'text',
      index: true,
      access: moderationOnly,
      admin: { position: 'sidebar', readOnly: true, description: 'Empreinte salée : l’adresse elle-même n’est jamais enregistrée.' },
    },
    {
      name: 'userAgent',
      label: 'Navigateur',
      type: 'text',
      access: moderationOnly,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'level',
      label: 'Niveau de réponse',
      type: 'number',
      defaultValue: 1,
      access: { create: serverOnlyField, update: serverOnlyField },
      admin: { hidden: true },
    },
    {
      name: 'targetKey',
      type: 'text',
      index: true,
      access: { create: serverOnlyField, update: serverOnlyField },
      admin: { hidden: true },
    },
    {
      name: 'targetPublished',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: moderationOnly,
      admin: { hidden: true },
    },
    {
      name: 'excerpt',
      label: 'Extrait',
      type: 'text',
      access: { create: serverOnlyField, update: serverOnlyField },
      admin: { hidden: true },
    },
    {
      name: 'fingerprint',
      type: 'text',
      index: true,
      access: { read: () => false, create: serverOnlyField, update: serverOnlyField },
      admin: { hidden: true },
    },
    // Nobody backdates a comment or creates it in the trash.
    ...serverTimestamps({ trash: true }),
    ...extraFields,
  ]

  return {
    slug: options.slug,
    labels: { singular: 'Commentaire', plural: 'Commentaires' },
    graphQL: { singularName: 'Comment', pluralName: 'Comments' },
    trash: true,
    disableDuplicate: true,
    defaultSort: '-createdAt',
    admin: {
      group: 'Modération',
      useAsTitle: 'excerpt',
      defaultColumns: ['excerpt', 'authorName', 'target', 'status', 'holdReason', 'createdAt'],
      listSearchableFields: ['excerpt', 'authorName', 'authorEmail'],
      description: 'Commentaires des lecteurs. La liste s’ouvre sur ceux qui attendent une décision.',
      hidden: ({ user }) => !options.isModerator(user as never),
      pagination: { defaultLimit: 50 },
      components: {
        beforeList: [`${ADMIN}/ModerationTabs#ModerationTabs`],
        beforeListTable: [`${ADMIN}/BulkModeration#BulkModeration`],
      },
    },
    access: {
      read: access?.read ?? commentsRead,
      create: access?.create ?? commentsCreate,
      update: access?.update ?? commentsModerate,
      delete: access?.delete ?? commentsDelete,
    },
    custom: { [CUSTOM_KEY]: options },
    endpoints: [countsEndpoint(options), mineEndpoint(options)],
    hooks: {
      beforeOperation: [createResponseDepth],
      beforeChange: [beforeChangeHook(options)],
      afterChange: [afterChangeHook(options)],
      afterDelete: [afterDeleteHook()],
    },
    fields,
    timestamps: true,
  }
}

/** The flood counters' table (rows written in SQL by flood.ts); invisible and closed to the API. */
export function floodCollection(options: ResolvedOptions): CollectionConfig {
  return {
    slug: options.floodSlug,
    labels: { singular: 'Compteur anti-flood', plural: 'Compteurs anti-flood' },
    admin: { hidden: true },
    graphQL: false,
    access: { read: () => false, create: () => false, update: () => false, delete: () => false },
    fields: [
      { name: 'key', type: 'text', required: true, unique: true },
      { name: 'windowStart', type: 'date', required: true },
      { name: 'count', type: 'number', required: true, defaultValue: 1 },
    ],
    timestamps: true,
  }
}
