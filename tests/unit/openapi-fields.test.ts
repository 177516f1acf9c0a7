/** Payload fields → JSON Schema (src/lib/openapi): types, French descriptions, examples, nullability. */
import type { FlattenedField } from 'payload'
import { describe, expect, it } from 'vitest'

import { buildOpenAPIDocument } from '../../src/lib/openapi/document'
import { objectSchema, type FieldContext } from '../../src/lib/openapi/fields'
import { visibleFields } from '../../src/lib/openapi/visibility'

const text = (value: unknown) => (typeof value === 'string' ? value : value && typeof value === 'object' ? (value as Record<string, string>).fr : undefined)
const read: FieldContext = { mode: 'read', idSchema: { type: 'integer' }, text, ref: (slug) => (slug === 'tags' ? '#/components/schemas/Tag' : undefined) }

const fields = [
  { name: 'title', type: 'text', label: 'Titre', required: true },
  { name: 'year', type: 'number', label: { fr: 'Année', en: 'Year' }, min: 1900 },
  { name: 'scope', type: 'select', label: 'Périmètre', options: [{ label: 'National', value: 'national' }, 'local'] },
  { name: 'domains', type: 'relationship', relationTo: 'tags', hasMany: true, label: 'Domaines' },
  { name: 'related', type: 'relationship', relationTo: ['tags', 'pages'], label: 'Liés' },
  { name: 'dates', type: 'array', label: 'Dates', flattenedFields: [{ name: 'date', type: 'date', label: 'Date', required: true }] },
  { name: 'source', type: 'group', label: 'Source', flattenedFields: [{ name: 'url', type: 'text', label: 'Adresse', admin: { description: 'https://…' } }] },
  { name: 'body', type: 'richText', label: 'Texte' },
  { name: 'secret', type: 'text', hidden: true },
  { name: 'hp', type: 'text', virtual: true, admin: { hidden: true } },
  { name: 'url', type: 'text', required: true, admin: { condition: () => true } },
] as unknown as FlattenedField[]

describe('objectSchema (read)', () => {
  const schema = objectSchema(fields, read, { title: 'Un projet', year: 2020, scope: 'national', domains: ['education'], dates: [{ date: '2017-09-01T12:00:00.000Z' }] })
  const p = schema.properties!

  it('maps types and French labels, with examples that fit', () => {
    expect(p.title).toEqual({ type: 'string', description: 'Titre', examples: ['Un projet'] })
    expect(p.year).toMatchObject({ type: ['number', 'null'], minimum: 1900, description: 'Année', examples: [2020] })
    expect(p.scope).toMatchObject({ type: ['string', 'null'], enum: ['national', 'local'], examples: ['national'], 'x-enumDescriptions': { national: 'National', local: 'local' } })
    // Seed relations are slugs, not ids: no example.
    expect(p.domains!.examples).toBeUndefined()
    expect(p.domains).toMatchObject({ type: ['array', 'null'], items: { anyOf: [{ type: 'integer' }, { $ref: '#/components/schemas/Tag' }] } })
    expect(p.related).toMatchObject({ type: ['object', 'null'], required: ['relationTo', 'value'] })
    expect(p.dates).toMatchObject({ type: ['array', 'null'], items: { properties: { date: { type: 'string', format: 'date-time', examples: ['2017-09-01T12:00:00.000Z'] } }, required: ['date'] } })
    expect(p.source!.properties!.url!.description).toBe('Adresse — https://…')
    expect(p.body).toMatchObject({ type: ['object', 'null'], required: ['root'] })
  })

  it('leaves out hidden fields, keeps admin-hidden ones readable, and conditional fields optional', () => {
    expect(p.secret).toBeUndefined()
    expect(p.hp).toBeDefined()
    expect(schema.required).toEqual(['title'])
  })
})

describe('objectSchema (write)', () => {
  it('leaves out virtual and admin-hidden fields and writes relations as ids', () => {
    const schema = objectSchema(fields, { ...read, mode: 'write' })
    expect(schema.properties!.hp).toBeUndefined()
    expect(schema.properties!.domains).toMatchObject({ items: { type: 'integer' } })
  })
})

describe('visibleFields', () => {
  it('drops fields whose access refuses the caller, deep inside groups', async () => {
    const withAccess = [
      { name: 'a', type: 'text' },
      { name: 'g', type: 'group', flattenedFields: [{ name: 'b', type: 'text', access: { read: () => false } }, { name: 'c', type: 'text' }] },
      { name: 'd', type: 'text', access: { read: ({ req }: { req: { user: unknown } }) => Boolean(req.user) } },
    ] as unknown as FlattenedField[]
    const check = async (f: FlattenedField) => {
      const access = (f as { access?: { read?: (a: unknown) => unknown } }).access?.read
      return access ? Boolean(await access({ req: { user: null } })) : true
    }
    const kept = await visibleFields(withAccess, check)
    expect(kept.map((f) => (f as { name: string }).name)).toEqual(['a', 'g'])
    expect(((kept[1] as { flattenedFields: { name: string }[] }).flattenedFields).map((f) => f.name)).toEqual(['c'])
  })
})

describe('buildOpenAPIDocument', () => {
  it('gives each collection a list and a by-id path, and merges custom paths', () => {
    const doc = buildOpenAPIDocument({
      title: 'API',
      version: '1',
      description: 'd',
      idType: 'number',
      collections: [{ slug: 'tags', name: 'Tag', singular: 'Étiquette', plural: 'Étiquettes', fields: fields.slice(0, 1) }],
      globals: [],
      text,
      extra: { paths: { '/api/tags': { post: { operationId: 'x', summary: 'x', responses: {} } } } },
    })
    expect(Object.keys(doc.paths)).toEqual(['/api/tags', '/api/tags/{id}'])
    expect(Object.keys(doc.paths['/api/tags']!)).toEqual(['get', 'post'])
    expect(doc.components.schemas.Tag!.required).toEqual(['title', 'id'])
    expect(doc.components.schemas.TagList!.properties!.docs).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Tag' } })
  })
})
