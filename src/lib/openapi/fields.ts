/**
 * Payload fields (sanitized, flattened) → JSON Schema 2020-12, as OpenAPI 3.1 uses it.
 * Descriptions are the fields' French labels and admin descriptions; examples come from a
 * sample document (the seed content) when its value fits the field.
 */
import type { FlattenedField } from 'payload'

import type { JSONSchema } from './types'

export type SchemaMode = 'read' | 'write'

export type FieldContext = {
  mode: SchemaMode
  /** The schema of a document id (integer on Postgres). */
  idSchema: JSONSchema
  /** French text of a label or description (string, per-language record or function). */
  text: (value: unknown) => string | undefined
  /** `#/components/schemas/…` of a documented collection, undefined for the others. */
  ref: (collection: string) => string | undefined
}

type AnyField = FlattenedField & {
  name: string
  label?: unknown
  required?: boolean
  hasMany?: boolean
  virtual?: boolean | string
  admin?: { description?: unknown; hidden?: boolean; condition?: unknown }
  options?: (string | { label?: unknown; value: string })[]
  min?: number
  max?: number
  minLength?: number
  maxLength?: number
  minRows?: number
  maxRows?: number
  relationTo?: string | string[]
  flattenedFields?: FlattenedField[]
  blocks?: { slug: string; labels?: { singular?: unknown }; flattenedFields?: FlattenedField[]; fields?: FlattenedField[] }[]
  collection?: string | string[]
}

/** Required, unless only under a condition (a field the admin shows for some values only). */
const isRequired = (field: AnyField) => Boolean(field.required) && !field.admin?.condition

const nullable = (schema: JSONSchema): JSONSchema => {
  if (schema.$ref || schema.anyOf || schema.oneOf) return { anyOf: [schema, { type: 'null' }], ...(schema.description ? { description: schema.description } : {}) }
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] }
  return schema
}

/** "Titre — Affiché en tête de l’article." */
export function describe(field: { label?: unknown; admin?: { description?: unknown } }, ctx: FieldContext): string | undefined {
  const label = ctx.text(field.label)
  const description = ctx.text(field.admin?.description)
  return [label, description].filter(Boolean).join(' — ') || undefined
}

const optionValues = (field: AnyField, ctx: FieldContext) =>
  (field.options ?? []).map((o) => (typeof o === 'string' ? { value: o, label: o } : { value: o.value, label: ctx.text(o.label) ?? o.value }))

const relationSchema = (relationTo: string | string[], ctx: FieldContext): JSONSchema => {
  const targets = Array.isArray(relationTo) ? relationTo : [relationTo]
  const valueSchema = (slug: string): JSONSchema => {
    const ref = ctx.mode === 'read' ? ctx.ref(slug) : undefined
    return ref ? { anyOf: [ctx.idSchema, { $ref: ref }] } : ctx.idSchema
  }
  if (!Array.isArray(relationTo)) return valueSchema(relationTo)
  return {
    type: 'object',
    properties: {
      relationTo: { type: 'string', enum: targets },
      value: targets.length === 1 ? valueSchema(targets[0]!) : { anyOf: [ctx.idSchema, ...targets.flatMap((t) => (ctx.mode === 'read' && ctx.ref(t) ? [{ $ref: ctx.ref(t)! }] : []))] },
    },
    required: ['relationTo', 'value'],
  }
}

const fits = (schema: JSONSchema, value: unknown): boolean => {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  if (value === null || value === undefined) return false
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) return false
  if (types.includes('string')) return typeof value === 'string'
  if (types.includes('integer')) return Number.isInteger(value)
  if (types.includes('number')) return typeof value === 'number'
  if (types.includes('boolean')) return typeof value === 'boolean'
  if (types.includes('array')) return Array.isArray(value) && value.every((v) => (schema.items ? fits(schema.items, v) || typeof v === 'object' : true))
  return false
}

/** The schema of one field (without its nullability). */
function baseSchema(field: AnyField, ctx: FieldContext, example: unknown): JSONSchema {
  const many = (item: JSONSchema, min?: number, max?: number): JSONSchema =>
    field.hasMany ? { type: 'array', items: item, ...(min !== undefined ? { minItems: min } : {}), ...(max !== undefined ? { maxItems: max } : {}) } : item
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'code':
      return many({ type: 'string', ...(field.minLength ? { minLength: field.minLength } : {}), ...(field.maxLength ? { maxLength: field.maxLength } : {}) }, field.minRows, field.maxRows)
    case 'email':
      return { type: 'string', format: 'email' }
    case 'number':
      return many({ type: 'number', ...(field.min !== undefined ? { minimum: field.min } : {}), ...(field.max !== undefined ? { maximum: field.max } : {}) }, field.minRows, field.maxRows)
    case 'checkbox':
      return { type: 'boolean' }
    case 'date':
      return { type: 'string', format: 'date-time' }
    case 'point':
      return { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, description: 'Longitude, latitude' }
    case 'radio':
    case 'select': {
      const options = optionValues(field, ctx)
      const item: JSONSchema = { type: 'string', enum: options.map((o) => o.value) }
      const schema = many(item)
      schema['x-enumDescriptions'] = Object.fromEntries(options.map((o) => [o.value, o.label]))
      return schema
    }
    case 'json':
      return {}
    case 'richText':
      return {
        type: 'object',
        properties: { root: { type: 'object', description: 'Nœud racine de l’état Lexical' } },
        required: ['root'],
        'x-format': 'lexical',
      }
    case 'relationship':
    case 'upload':
      return many(relationSchema(field.relationTo!, ctx), field.minRows, field.maxRows)
    case 'group':
    case 'tab':
      return objectSchema(field.flattenedFields ?? [], ctx, example)
    case 'array': {
      const first = Array.isArray(example) ? example[0] : undefined
      const item = objectSchema(field.flattenedFields ?? [], ctx, first)
      if (ctx.mode === 'read') {
        item.properties = { id: { type: ['string', 'null'] }, ...item.properties }
      }
      return { type: 'array', items: item, ...(field.minRows ? { minItems: field.minRows } : {}), ...(field.maxRows ? { maxItems: field.maxRows } : {}) }
    }
    case 'blocks':
      return {
        type: 'array',
        items: {
          oneOf: (field.blocks ?? []).map((block) => {
            const schema = objectSchema(block.flattenedFields ?? block.fields ?? [], ctx)
            schema.properties = { blockType: { const: block.slug }, id: { type: ['string', 'null'] }, blockName: { type: ['string', 'null'] }, ...schema.properties }
            schema.required = ['blockType', ...(schema.required ?? [])]
            const title = ctx.text(block.labels?.singular)
            return title ? { ...schema, title } : schema
          }),
        },
      }
    case 'join': {
      const targets = Array.isArray(field.collection) ? field.collection : [field.collection ?? '']
      return {
        type: 'object',
        readOnly: true,
        properties: {
          docs: { type: 'array', items: { anyOf: [ctx.idSchema, ...targets.flatMap((t) => (ctx.ref(t) ? [{ $ref: ctx.ref(t)! }] : []))] } },
          hasNextPage: { type: 'boolean' },
          totalDocs: { type: 'integer' },
        },
      }
    }
    default:
      return {}
  }
}

/** The schema of one field, with its French description and, when it fits, an example. */
export function fieldSchema(field: FlattenedField, ctx: FieldContext, example?: unknown): JSONSchema {
  const f = field as AnyField
  const schema = baseSchema(f, ctx, example)
  const description = describe(f, ctx)
  if (description) schema.description = schema.description ? `${description} (${schema.description})` : description
  const scalar = !['group', 'tab', 'array', 'blocks', 'richText', 'json', 'join'].includes(f.type)
  if (scalar && example !== undefined && fits(schema, example)) schema.examples = [example]
  // Optional fields come back as null when empty.
  return isRequired(f) && f.type !== 'join' ? schema : nullable(schema)
}

/** A field that is written by the API caller: no virtual or join fields. */
const writable = (field: AnyField) => !field.virtual && field.type !== 'join'

/** The object schema of a list of fields. */
export function objectSchema(fields: readonly FlattenedField[], ctx: FieldContext, example?: unknown): JSONSchema {
  const sample = example && typeof example === 'object' && !Array.isArray(example) ? (example as Record<string, unknown>) : {}
  const properties: Record<string, JSONSchema> = {}
  const required: string[] = []
  for (const field of fields as AnyField[]) {
    // `hidden` fields never leave the server; admin-hidden ones are read but not written.
    if (!field.name || (field as { hidden?: boolean }).hidden || (ctx.mode === 'write' && field.admin?.hidden)) continue
    if (ctx.mode === 'write' && !writable(field)) continue
    properties[field.name] = fieldSchema(field, ctx, sample[field.name])
    if (isRequired(field) && (ctx.mode === 'write' ? field.defaultValue === undefined : true)) required.push(field.name)
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) }
}
