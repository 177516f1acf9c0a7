/**
 * Builds the OpenAPI 3.1 document of the public REST API from the (sanitized) collection and
 * global configs: for each collection a list and a by-id read, for each global a read, the
 * document schemas from the fields, the query parameters Payload's REST API understands, the
 * errors of the house (see src/lib/http/errors.ts) and the API-key security scheme.
 */
import type { FlattenedField } from 'payload'

import { objectSchema, type FieldContext } from './fields'
import type { JSONSchema, OpenAPIDocument, Operation, Parameter, PathItem } from './types'

export type CollectionInput = {
  slug: string
  /** Schema name, e.g. Article. */
  name: string
  singular: string
  plural: string
  description?: string
  fields: readonly FlattenedField[]
  /** A sample document (seed content) for examples. */
  example?: Record<string, unknown>
  /** Example values for the by-id path, e.g. a seed id. */
  exampleId?: number | string
  /**
   * The collection's `defaultPopulate`: the fields a document populated in another one carries
   * (then documented as `<name>Populated`), instead of the whole document.
   */
  defaultPopulate?: Record<string, unknown>
}

export type GlobalInput = { slug: string; name: string; label: string; description?: string; fields: readonly FlattenedField[]; example?: Record<string, unknown> }

export type BuildInput = {
  title: string
  version: string
  description: string
  serverURL?: string
  apiRoute?: string
  idType: 'number' | 'text'
  locales?: readonly string[]
  collections: readonly CollectionInput[]
  globals: readonly GlobalInput[]
  text: FieldContext['text']
  /** Extra paths, schemas and tags (the custom endpoints). */
  extra?: { paths?: Record<string, PathItem>; schemas?: Record<string, JSONSchema>; tags?: { name: string; description?: string }[] }
}

export const schemaRef = (name: string) => `#/components/schemas/${name}`
export const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` }) as unknown as Operation['responses'][string]
const paramRef = (name: string) => ({ $ref: `#/components/parameters/${name}` }) as unknown as Parameter

export const ERROR_SCHEMA: JSONSchema = {
  type: 'object',
  description: 'Erreur : un message en français et un code stable, pour les programmes.',
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          message: { type: 'string', description: 'Message en français', examples: ['Document introuvable.'] },
          code: { type: 'string', description: 'Code stable (not_found, forbidden, validation_error…)', examples: ['not_found'] },
          field: { type: 'string', description: 'Champ en cause, le cas échéant' },
          data: { description: 'Détails (erreurs de validation par champ)' },
        },
        required: ['message', 'code'],
      },
    },
  },
  required: ['errors'],
}

const errorResponse = (description: string, code: string, message: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: schemaRef('Error') }, example: { errors: [{ message, code }] } } },
})

export const ERROR_RESPONSES: Record<string, Operation['responses'][string]> = {
  BadRequest: errorResponse('Requête invalide', 'bad_request', 'Requête invalide.'),
  Unauthorized: errorResponse('Authentification requise ou clé invalide', 'unauthorized', 'Authentification requise : connectez-vous ou fournissez une clé d’API valide.'),
  Forbidden: errorResponse('Accès refusé', 'forbidden', 'Vous n’êtes pas autorisé à effectuer cette action.'),
  NotFound: errorResponse('Document introuvable', 'not_found', 'Document introuvable.'),
  MethodNotAllowed: errorResponse('Méthode non autorisée', 'method_not_allowed', 'Méthode non autorisée pour cette adresse.'),
  TooManyRequests: errorResponse('Trop de requêtes', 'too_many_requests', 'Trop de requêtes : réessayez plus tard.'),
  ServerError: errorResponse('Erreur interne', 'internal_error', 'Erreur interne du serveur. Réessayez plus tard.'),
  NotModified: { description: 'Non modifié : la version en cache (If-None-Match) est à jour' },
}

const CACHE_HEADERS = {
  ETag: { description: 'Version de la réponse, à renvoyer dans If-None-Match', schema: { type: 'string' } },
  'Cache-Control': { description: 'public pour les lectures anonymes, private avec une clé ou une session', schema: { type: 'string' } },
}

const QUERY_PARAMETERS = (locales?: readonly string[]): Record<string, Parameter> => ({
  where: {
    name: 'where',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description:
      'Filtre, syntaxe de Payload : where[champ][opérateur]=valeur (equals, not_equals, in, not_in, like, contains, ' +
      'greater_than, less_than, exists…), combinés par where[and][0][…] ou where[or][0][…]. Ex. : where[slug][equals]=mon-slug.',
    schema: { type: 'object', additionalProperties: true },
  },
  limit: { name: 'limit', in: 'query', description: 'Nombre de documents par page (10 par défaut).', schema: { type: 'integer', minimum: 0, default: 10 } },
  page: { name: 'page', in: 'query', description: 'Numéro de page, à partir de 1.', schema: { type: 'integer', minimum: 1, default: 1 } },
  sort: {
    name: 'sort',
    in: 'query',
    description: 'Champ de tri ; préfixe « - » pour l’ordre décroissant ; plusieurs champs séparés par des virgules. Ex. : -publishedAt.',
    schema: { type: 'string' },
  },
  depth: {
    name: 'depth',
    in: 'query',
    description: 'Profondeur de peuplement des relations : 0 renvoie les identifiants, 1 les documents liés (2 par défaut).',
    schema: { type: 'integer', minimum: 0, maximum: 10, default: 2 },
  },
  select: {
    name: 'select',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description: 'Champs à renvoyer : select[titre]=true (ou false pour exclure). Ex. : select[title]=true&select[slug]=true.',
    schema: { type: 'object', additionalProperties: { type: 'boolean' } },
  },
  locale: {
    name: 'locale',
    in: 'query',
    description: locales?.length ? 'Langue des champs traduits.' : 'Langue des champs traduits (le contenu est aujourd’hui en français seulement).',
    schema: locales?.length ? { type: 'string', enum: [...locales, 'all'] } : { type: 'string', examples: ['fr'] },
  },
})

const paginated = (item: string): JSONSchema => ({
  type: 'object',
  description: 'Une page de résultats',
  properties: {
    docs: { type: 'array', items: { $ref: schemaRef(item) } },
    totalDocs: { type: 'integer', description: 'Nombre total de documents' },
    limit: { type: 'integer' },
    totalPages: { type: 'integer' },
    page: { type: 'integer' },
    pagingCounter: { type: 'integer', description: 'Rang du premier document de la page' },
    hasPrevPage: { type: 'boolean' },
    hasNextPage: { type: 'boolean' },
    prevPage: { type: ['integer', 'null'] },
    nextPage: { type: ['integer', 'null'] },
  },
  required: ['docs', 'totalDocs', 'limit', 'totalPages', 'page', 'pagingCounter', 'hasPrevPage', 'hasNextPage', 'prevPage', 'nextPage'],
})

const hasField = (fields: readonly FlattenedField[], name: string) => fields.some((f) => 'name' in f && f.name === name)

/** The document schema of a collection: its fields, plus id and timestamps. */
function documentSchema(input: { fields: readonly FlattenedField[]; example?: Record<string, unknown>; description?: string; title: string }, ctx: FieldContext): JSONSchema {
  const schema = objectSchema(input.fields, ctx, input.example)
  const properties: Record<string, JSONSchema> = { ...schema.properties }
  const required = new Set(schema.required ?? [])
  if (!hasField(input.fields, 'id')) {
    properties.id = { ...ctx.idSchema, description: 'Identifiant', readOnly: true }
  }
  required.add('id')
  for (const key of ['createdAt', 'updatedAt']) if (properties[key]) required.add(key)
  return {
    type: 'object',
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    properties: { id: properties.id!, ...properties },
    required: [...required],
  }
}

const operationId = (verb: string, slug: string) => verb + slug.split(/[^a-zA-Z0-9]+/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('')

export function buildOpenAPIDocument(input: BuildInput): OpenAPIDocument {
  const api = input.apiRoute ?? '/api'
  const documented = new Map(input.collections.map((c) => [c.slug, c.name]))
  const idSchema: JSONSchema = input.idType === 'number' ? { type: 'integer' } : { type: 'string' }
  const populated = new Map(input.collections.filter((c) => c.defaultPopulate).map((c) => [c.slug, `${c.name}Populated`]))
  const ctx: FieldContext = {
    mode: 'read',
    idSchema,
    text: input.text,
    // A related document comes back with its collection's defaultPopulate fields only.
    ref: (slug) => (populated.has(slug) ? schemaRef(populated.get(slug)!) : documented.has(slug) ? schemaRef(documented.get(slug)!) : undefined),
  }

  const schemas: Record<string, JSONSchema> = { Error: ERROR_SCHEMA }
  const paths: Record<string, PathItem> = {}
  const tags: OpenAPIDocument['tags'] = []
  const ok = (description: string, schema: JSONSchema, example?: unknown) => ({
    description,
    headers: CACHE_HEADERS,
    content: { 'application/json': { schema, ...(example !== undefined ? { example } : {}) } },
  })

  for (const c of input.collections) {
    schemas[c.name] = documentSchema({ fields: c.fields, example: c.example, description: c.description, title: c.singular }, ctx)
    schemas[`${c.name}List`] = paginated(c.name)
    if (c.defaultPopulate) {
      const keep = (name: string) => name === 'id' || Boolean(c.defaultPopulate![name])
      const fields = c.fields.filter((f) => 'name' in f && keep(f.name))
      const example = c.example && Object.fromEntries(Object.entries(c.example).filter(([key]) => keep(key)))
      schemas[`${c.name}Populated`] = documentSchema(
        { fields, example, title: `${c.singular} (lié)`, description: `Un document « ${c.singular} » lié à un autre : ses champs principaux.` },
        ctx,
      )
    }
    tags.push({ name: c.plural, description: c.description })
    paths[`${api}/${c.slug}`] = {
      get: {
        operationId: operationId('list', c.slug),
        summary: `${c.plural} : liste`,
        description: `Les documents publiés de la collection « ${c.plural} », page par page.`,
        tags: [c.plural],
        parameters: ['where', 'limit', 'page', 'sort', 'depth', 'select', 'locale'].map(paramRef),
        responses: {
          '200': ok(`Une page de « ${c.plural} »`, { $ref: schemaRef(`${c.name}List`) }),
          '304': responseRef('NotModified'),
          '400': responseRef('BadRequest'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
        },
      },
    }
    paths[`${api}/${c.slug}/{id}`] = {
      get: {
        operationId: operationId('get', c.slug),
        summary: `${c.plural} : un document`,
        description: `Un document publié de la collection « ${c.plural} », par son identifiant.`,
        tags: [c.plural],
        parameters: [
          { name: 'id', in: 'path', required: true, description: 'Identifiant du document', schema: idSchema, ...(c.exampleId !== undefined ? { example: c.exampleId } : {}) },
          ...['depth', 'select', 'locale'].map(paramRef),
        ],
        responses: {
          '200': ok(`Un document « ${c.singular} »`, { $ref: schemaRef(c.name) }),
          '304': responseRef('NotModified'),
          '401': responseRef('Unauthorized'),
          '403': responseRef('Forbidden'),
          '404': responseRef('NotFound'),
        },
      },
    }
  }

  for (const g of input.globals) {
    schemas[g.name] = documentSchema({ fields: g.fields, example: g.example, description: g.description, title: g.label }, ctx)
    const schema = schemas[g.name]!
    schema.required = (schema.required ?? []).filter((key) => key !== 'id')
    tags.push({ name: 'Réglages', description: 'Réglages et menus du site' })
    paths[`${api}/globals/${g.slug}`] = {
      get: {
        operationId: operationId('get', g.slug),
        summary: `${g.label}`,
        description: g.description,
        tags: ['Réglages'],
        parameters: ['depth', 'select', 'locale'].map(paramRef),
        responses: {
          '200': ok(g.label, { $ref: schemaRef(g.name) }),
          '304': responseRef('NotModified'),
          '403': responseRef('Forbidden'),
        },
      },
    }
  }

  Object.assign(schemas, input.extra?.schemas)
  for (const [path, item] of Object.entries(input.extra?.paths ?? {})) paths[path] = { ...paths[path], ...item }
  const allTags = [...tags, ...(input.extra?.tags ?? [])].filter((t, i, all) => all.findIndex((o) => o.name === t.name) === i)

  return {
    openapi: '3.1.0',
    info: { title: input.title, version: input.version, description: input.description },
    servers: [{ url: input.serverURL || '/', description: 'Ce serveur' }],
    tags: allTags,
    paths,
    components: {
      schemas,
      parameters: QUERY_PARAMETERS(input.locales),
      responses: ERROR_RESPONSES,
      securitySchemes: {
        apiKey: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Clé d’API d’un compte « integration » : en-tête `Authorization: users API-Key <clé>`. Sans clé, on lit ce que lit le public.',
        },
      },
    },
    // Anonymous reads, or an API key.
    security: [{}, { apiKey: [] }],
  }
}
