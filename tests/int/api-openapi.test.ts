/**
 * GET /api/openapi.json: a valid OpenAPI 3.1 document generated from the config (public
 * collections and globals, French descriptions, seed examples, custom endpoints, API-key
 * scheme), and every documented public GET path answers as documented on the seed content.
 * GET /api/docs: the Swagger UI page and its files, served from node_modules.
 */
import { Validator } from '@seriousme/openapi-schema-validator'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { mainProject } from '../../src/seed/data/projects'
import { seed } from '../../src/seed'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, createUser, json } from '../helpers/users'

type Schema = {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  anyOf?: Schema[]
  oneOf?: Schema[]
  enum?: unknown[]
  const?: unknown
  description?: string
  examples?: unknown[]
}
type Operation = {
  parameters?: { name: string; in: string; required?: boolean; example?: unknown }[]
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>
  requestBody?: { content: Record<string, { schema: Schema; example?: unknown }> }
}
type Spec = {
  openapi: string
  info: { title: string }
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Record<string, unknown>> }
}

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let raw: Spec
let spec: Spec
const ids: Record<string, number> = {}

const PUBLIC_COLLECTIONS = ['articles', 'axes', 'comments', 'glossary-terms', 'media', 'pages', 'partners', 'projects', 'tags', 'themes']

/** The JSON type of a value, as JSON Schema names it. */
const typeOf = (value: unknown): string[] =>
  value === null ? ['null'] : Array.isArray(value) ? ['array'] : Number.isInteger(value) ? ['integer', 'number'] : [typeof value]

/**
 * Problems of `value` against `schema` (types, required keys, enums), `depth` levels deep.
 * Properties the schema does not list are allowed (Payload may add some).
 */
function problems(schema: Schema, value: unknown, path: string, depth: number): string[] {
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) {
    const each = alternatives.map((alt) => problems(alt, value, path, depth))
    return each.some((p) => p.length === 0) ? [] : [`${path}: matches none of the alternatives (${each.map((p) => p[0]).join(' | ')})`]
  }
  if ('const' in schema && schema.const !== value) return [`${path}: expected ${JSON.stringify(schema.const)}`]
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]
  if (types.length && !typeOf(value).some((t) => types.includes(t))) return [`${path}: ${JSON.stringify(value)?.slice(0, 60)} is not ${types.join('|')}`]
  if (schema.enum && value !== null && !schema.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} not in enum`]
  if (depth <= 0 || value === null) return []
  if (Array.isArray(value) && schema.items) return value.slice(0, 5).flatMap((item, i) => problems(schema.items!, item, `${path}[${i}]`, depth - 1))
  if (typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>
    const missing = (schema.required ?? []).filter((key) => !(key in record)).map((key) => `${path}.${key}: missing`)
    const inner = Object.entries(schema.properties ?? {}).flatMap(([key, sub]) => (key in record ? problems(sub, record[key], `${path}.${key}`, depth - 1) : []))
    return [...missing, ...inner]
  }
  return []
}

beforeAll(async () => {
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  users = await createRoleUsers(ctx)
  await seed(ctx.payload)

  // A picture and an approved comment, so that every public collection has a document.
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#1b3a4b' } }).png().toBuffer()
  await ctx.payload.create({
    collection: 'media',
    data: { alt: 'Logo du Labo de l’ESS' },
    file: { data: png, mimetype: 'image/png', name: 'logo.png', size: png.length },
  })

  const res = await ctx.api('/api/openapi.json')
  expect(res.status).toBe(200)
  raw = (await res.json()) as Spec
  const validator = new Validator()
  const result = await validator.validate(structuredClone(raw) as never)
  expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([])
  expect(result.valid).toBe(true)
  spec = validator.resolveRefs() as unknown as Spec

  // A visitor's comment sent as documented, then approved by a moderator.
  const { docs: published } = await ctx.payload.find({ collection: 'articles', limit: 1, overrideAccess: false, user: null })
  const example = raw.paths['/api/comments']!.post!.requestBody!.content['application/json']!.example as Record<string, unknown>
  const sent = await ctx.api('/api/comments', {
    method: 'POST',
    ...json({ ...example, target: { relationTo: 'articles', value: published[0]!.id } }),
  })
  const created = (await sent.json()) as { doc: { id: number } }
  expect(sent.status, JSON.stringify(created)).toBe(201)
  expect(problems(spec.paths['/api/comments']!.post!.responses['201']!.content!['application/json']!.schema, created, 'body', 2)).toEqual([])
  const approve = await ctx.api(`/api/comments/${created.doc.id}`, { method: 'PATCH', ...json({ status: 'approved' }, users.moderator.headers) })
  expect(approve.status).toBe(200)

  for (const slug of PUBLIC_COLLECTIONS) {
    const { docs } = await ctx.payload.find({ collection: slug as 'articles', limit: 1, depth: 0, overrideAccess: false, user: null })
    expect(docs[0], `a public ${slug} document`).toBeDefined()
    ids[slug] = Number(docs[0]!.id)
  }
})
afterAll(async () => ctx?.close())

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, titled in French, with the API-key scheme of Payload', () => {
    expect(raw.openapi).toBe('3.1.0')
    expect(raw.info.title).toBe('API du Labo de l’ESS')
    expect(raw.components.securitySchemes.apiKey).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' })
    expect(String(raw.components.securitySchemes.apiKey!.description)).toContain('users API-Key')
  })

  it('documents the collections and globals anyone may read, and nothing private', () => {
    const collections = Object.keys(raw.paths)
      .map((p) => p.match(/^\/api\/([a-z-]+)\/\{id\}$/)?.[1])
      .filter(Boolean)
      .sort()
    expect(collections).toEqual(PUBLIC_COLLECTIONS)
    for (const slug of PUBLIC_COLLECTIONS) expect(raw.paths[`/api/${slug}`]?.get, slug).toBeDefined()
    expect(Object.keys(raw.paths)).toEqual(expect.arrayContaining(['/api/globals/site-settings', '/api/globals/navigation']))
    expect(Object.keys(raw.paths).filter((p) => /users|payload-|comments-flood/.test(p))).toEqual([])
    // Fields only moderators or admins read are left out.
    expect(Object.keys(raw.components.schemas.Comment!.properties!)).not.toEqual(expect.arrayContaining(['authorEmail']))
    expect(Object.keys(raw.components.schemas.Comment!.properties!)).not.toContain('ipHash')
    expect(Object.keys(raw.components.schemas.SiteSettings!.properties!)).not.toContain('commentPolicy')
    expect(Object.keys(raw.components.schemas.SiteSettings!.properties!)).not.toContain('corsOrigins')
  })

  it('lists the query parameters of Payload’s REST API', () => {
    const list = spec.paths['/api/articles']!.get!
    expect(list.parameters!.map((p) => p.name)).toEqual(['where', 'limit', 'page', 'sort', 'depth', 'select', 'locale'])
    expect(spec.paths['/api/articles/{id}']!.get!.parameters!.map((p) => p.name)).toEqual(['id', 'depth', 'select', 'locale'])
  })

  it('describes fields with their French labels and types, with examples from the seed', () => {
    const project = raw.components.schemas.Project!.properties!
    expect(project.title).toMatchObject({ type: 'string', description: 'Titre', examples: [mainProject.title] })
    expect(project.year!.examples).toEqual([mainProject.year])
    expect(project.scope!.enum).toContain('national')
    expect(project.scope!.examples).toEqual(['national'])
    expect(project._status!.enum ?? (project._status as Schema).anyOf?.[0]?.enum).toEqual(['draft', 'published'])
    const article = raw.components.schemas.Article!.properties!
    expect(article.excerpt!.description).toBe('Chapeau — Affiché en tête de l’article et dans les listes.')
    expect(JSON.stringify(article.publishedAt)).toContain('"format":"date-time"')
    expect(raw.components.schemas.Media!.properties!.alt!.description).toMatch(/^Texte alternatif — /)
    // Relations: an id at depth 0, the document when populated.
    expect(JSON.stringify(article.tags)).toContain('#/components/schemas/Tag')
    // A related project or article carries its collection's defaultPopulate fields, not its body.
    expect(JSON.stringify(project.relatedProjects)).toContain('#/components/schemas/ProjectPopulated')
    expect(Object.keys(raw.components.schemas.ProjectPopulated!.properties!).sort()).toEqual(['_status', 'id', 'slug', 'title', 'year'])
  })

  it('documents search, comment submission and glossary annotations', () => {
    expect(spec.paths['/api/search']!.get!.parameters!.find((p) => p.name === 'q')).toMatchObject({ required: true })
    const input = raw.components.schemas.CommentInput!
    expect(Object.keys(input.properties!)).toEqual(expect.arrayContaining(['target', 'authorName', 'authorEmail', 'body']))
    for (const serverField of ['status', 'byStaff', 'ipHash', 'targetKey', 'honeypot', 'bodyHtml']) expect(Object.keys(input.properties!)).not.toContain(serverField)
    expect(input.required).toContain('body')
    expect(spec.paths['/api/glossary/annotations']!.get!.responses['200']).toBeDefined()
  })
})

describe('every documented public GET path answers as documented', () => {
  it('on the seed content, anonymously', async () => {
    const checked: string[] = []
    for (const [path, item] of Object.entries(spec.paths)) {
      const op = item.get
      if (!op) continue
      const slug = path.split('/')[2]!
      const url = new URL(path.replace('{id}', String(ids[slug])), ctx.url)
      for (const p of op.parameters ?? []) if (p.in === 'query' && p.example !== undefined) url.searchParams.set(p.name, String(p.example))
      if (path.endsWith('/{id}')) url.searchParams.set('depth', '1')
      const res = await ctx.api(url.pathname + url.search)
      const body = (await res.json()) as Record<string, unknown>
      expect(Object.keys(op.responses), path).toContain(String(res.status))
      expect(res.status, `${path}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200)
      const schema = op.responses['200']!.content!['application/json']!.schema
      expect(problems(schema, body, path, 4), path).toEqual([])
      if (Array.isArray(body.docs)) expect(body.docs.length, `${path} lists something`).toBeGreaterThan(0)
      expect(res.headers.get('etag'), path).toMatch(/^"/)
      checked.push(path)
    }
    expect(checked.length).toBe(PUBLIC_COLLECTIONS.length * 2 + 2 + 3)
  })

  it('a missing document gets the documented 404', async () => {
    const res = await ctx.api('/api/projects/987654')
    expect(Object.keys(spec.paths['/api/projects/{id}']!.get!.responses)).toContain('404')
    const body = await res.json()
    expect(res.status).toBe(404)
    expect(problems(spec.paths['/api/projects/{id}']!.get!.responses['404']!.content!['application/json']!.schema, body, 'body', 3)).toEqual([])
  })

  it('fetching a project by slug through `where` returns that project', async () => {
    const res = await ctx.api(`/api/projects?where[slug][equals]=${mainProject.slug}&depth=0`)
    const body = (await res.json()) as { docs: { title: string }[] }
    expect(body.docs.map((d) => d.title)).toEqual([mainProject.title])
  })
})

describe('GET /api/docs', () => {
  it('serves the Swagger UI page in French, pointing at the document, with its files from node_modules', async () => {
    const res = await ctx.api('/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    const html = await res.text()
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain('<title>Référence de l’API du Labo de l’ESS</title>')
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
    expect(assets).toEqual(expect.arrayContaining(['/api/docs/swagger-ui.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/init.js']))
    expect(assets.every((a) => a.startsWith('/api/docs/'))).toBe(true)
    for (const asset of assets) {
      const file = await ctx.api(asset)
      expect(file.status, asset).toBe(200)
      expect((await file.arrayBuffer()).byteLength, asset).toBeGreaterThan(0)
    }
    const bundle = await (await ctx.api('/api/docs/swagger-ui-bundle.js')).text()
    expect(bundle).toContain('SwaggerUIBundle')
    const init = await (await ctx.api('/api/docs/init.js')).text()
    expect(init).toContain('"/api/openapi.json"')
    const missing = await ctx.api('/api/docs/../../package.json')
    expect(missing.status).toBe(404)
    const unknown = await ctx.api('/api/docs/index.html')
    expect(unknown.status).toBe(404)
  })
})
