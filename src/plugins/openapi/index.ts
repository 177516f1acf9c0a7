/**
 * The documented REST API, as a Payload plugin:
 *
 *   openapiPlugin({ examples })   // examples: a sample document per collection (the seed content)
 *
 * - GET /api/openapi.json: the OpenAPI 3.1 document, generated at run time from the sanitized
 *   config (src/lib/openapi): every collection and global an anonymous visitor may read, with
 *   the fields an anonymous visitor sees, plus the custom endpoints (search, comments, glossary);
 * - GET /api/docs: Swagger UI (files from node_modules/swagger-ui-dist) on that document;
 * - the site settings' CORS origins are re-read at once after a change (src/lib/http/api-routes.ts
 *   holds the HTTP policy wiring for the REST route).
 */
import { getTranslation, initI18n } from '@payloadcms/translations'
import type { Config, Endpoint, GlobalConfig, Plugin, PayloadRequest, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { buildOpenAPIDocument, type CollectionInput, type GlobalInput } from '../../lib/openapi/document'
import { objectSchema } from '../../lib/openapi/fields'
import type { OpenAPIDocument } from '../../lib/openapi/types'
import { accessCheck, visibleFields } from '../../lib/openapi/visibility'
import { SEARCH_TYPES } from '../../lib/search-types'
import { GLOSSARY_FIELDS } from '../glossary/annotate'
import { customPaths } from './custom'
import { docsEndpoints } from './docs'
import { invalidateHttpContext } from '../../lib/http/api-routes'

export type OpenAPIPluginOptions = {
  enabled?: boolean
  /** Page title (French). */
  title?: string
  /** A sample document per collection or global slug, for the examples. */
  examples?: Record<string, Record<string, unknown>>
  /** Collections to document; by default every one an anonymous visitor may read. */
  collections?: string[]
  /** The global whose changes re-read the CORS origins. */
  settingsGlobal?: string
}

const DEFAULT_TITLE = 'API du Labo de l’ESS'
const VERSION = '1.0.0'

const pascal = (slug: string) =>
  slug
    .split(/[^a-zA-Z0-9]+/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('')

/** A request as an anonymous visitor, for evaluating access functions. */
const anonymousRequest = (req: PayloadRequest): PayloadRequest =>
  ({ payload: req.payload, user: null, context: {}, headers: new Headers(), i18n: req.i18n, t: req.t, locale: undefined }) as unknown as PayloadRequest

const readableByAnyone = async (access: unknown, req: PayloadRequest): Promise<boolean> => {
  if (typeof access !== 'function') return false
  try {
    return Boolean(await access({ req }))
  } catch {
    return false
  }
}

/** The slugs of the collections and globals an anonymous visitor may read. */
export async function publicSlugs(config: SanitizedConfig, req: PayloadRequest, only?: string[]) {
  const anon = anonymousRequest(req)
  const collections: SanitizedCollectionConfig[] = []
  for (const c of config.collections) {
    if (c.slug.startsWith('payload-') || c.auth || (only && !only.includes(c.slug))) continue
    if (await readableByAnyone(c.access.read, anon)) collections.push(c)
  }
  const globals = []
  for (const g of config.globals) if (await readableByAnyone(g.access.read, anon)) globals.push(g)
  return { collections, globals }
}

const cache = new WeakMap<object, Promise<OpenAPIDocument>>()

/** The OpenAPI document of this Payload instance (generated once per instance). */
export async function generateOpenAPI(req: PayloadRequest, options: OpenAPIPluginOptions = {}): Promise<OpenAPIDocument> {
  const config = req.payload.config
  const i18n = await initI18n({ config: config.i18n, context: 'api', language: 'fr' })
  const text = (value: unknown): string | undefined =>
    value === undefined || value === null || value === false ? undefined : getTranslation(value as never, i18n) || undefined
  const anon = anonymousRequest(req)
  const readable = accessCheck('read', anon)
  const { collections, globals } = await publicSlugs(config, req, options.collections)
  const examples = options.examples ?? {}

  const collectionInputs: CollectionInput[] = await Promise.all(
    collections.map(async (c) => ({
      slug: c.slug,
      name: c.graphQL && c.graphQL.singularName ? c.graphQL.singularName : pascal(c.slug),
      singular: text(c.labels?.singular) ?? c.slug,
      plural: text(c.labels?.plural) ?? c.slug,
      description: text(c.admin?.description),
      fields: await visibleFields(c.flattenedFields, readable),
      example: examples[c.slug],
      defaultPopulate: c.defaultPopulate as Record<string, unknown> | undefined,
    })),
  )
  const globalInputs: GlobalInput[] = await Promise.all(
    globals.map(async (g) => ({
      slug: g.slug,
      name: (g.typescript?.interface as string | undefined) ?? pascal(g.slug),
      label: text(g.label) ?? g.slug,
      description: text(g.admin?.description),
      fields: await visibleFields(g.flattenedFields, readable),
      example: examples[g.slug],
    })),
  )

  const api = config.routes.api
  const endpointPaths = new Set((config.endpoints || []).map((e) => `${e.method} ${e.path}`))
  const comments = config.collections.find((c) => c.slug === 'comments')
  const commentsDocumented = collectionInputs.find((c) => c.slug === 'comments')
  const idSchema = req.payload.db.defaultIDType === 'number' ? { type: 'integer' } : { type: 'string' }
  const commentInput =
    comments && (await readableByAnyone(comments.access.create, anon))
      ? objectSchema(await visibleFields(comments.flattenedFields, accessCheck('create', anon)), {
          mode: 'write',
          idSchema,
          text,
          ref: () => undefined,
        })
      : undefined

  const extra = customPaths({
    api,
    searchTypes: endpointPaths.has('get /search') ? SEARCH_TYPES : undefined,
    glossaryCollections: endpointPaths.has('get /glossary/annotations') ? Object.keys(GLOSSARY_FIELDS) : undefined,
    commentInput,
    commentSchema: commentsDocumented?.name,
  })

  return buildOpenAPIDocument({
    title: options.title ?? DEFAULT_TITLE,
    version: VERSION,
    description:
      'Les contenus publiés du Labo de l’ESS (projets, axes, thèmes, articles, pages, glossaire, partenaires…), en lecture, ' +
      'anonyme ou avec une clé d’API. Réponses en JSON ; erreurs avec un message en français et un code stable ; ' +
      'en-têtes ETag et Cache-Control (304 sur If-None-Match). Document généré à partir de la configuration de Payload.',
    serverURL: config.serverURL || undefined,
    apiRoute: api,
    idType: req.payload.db.defaultIDType === 'number' ? 'number' : 'text',
    locales: config.localization ? config.localization.localeCodes : undefined,
    collections: collectionInputs,
    globals: globalInputs,
    text,
    extra,
  })
}

const openapiEndpoint = (options: OpenAPIPluginOptions): Endpoint => ({
  path: '/openapi.json',
  method: 'get',
  handler: async (req) => {
    let doc = cache.get(req.payload)
    if (!doc) {
      doc = generateOpenAPI(req, options)
      cache.set(req.payload, doc)
      doc.catch(() => cache.delete(req.payload))
    }
    return Response.json(await doc)
  },
})

const withInvalidation = (global: GlobalConfig): GlobalConfig => ({
  ...global,
  hooks: {
    ...global.hooks,
    afterChange: [...(global.hooks?.afterChange ?? []), ({ doc }) => (invalidateHttpContext(), doc)],
  },
})

export const openapiPlugin =
  (options: OpenAPIPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const api = config.routes?.api ?? '/api'
    const settings = options.settingsGlobal ?? 'site-settings'
    return {
      ...config,
      globals: (config.globals ?? []).map((g) => (g.slug === settings ? withInvalidation(g) : g)),
      endpoints: [...(config.endpoints ?? []), openapiEndpoint(options), ...docsEndpoints(options.title ?? 'Référence de l’API du Labo de l’ESS', api)],
    }
  }
