/** Minimal OpenAPI 3.1 / JSON Schema 2020-12 shapes used by the generator. */
export type JSONSchema = {
  $ref?: string
  type?: string | string[]
  format?: string
  description?: string
  title?: string
  enum?: unknown[]
  const?: unknown
  items?: JSONSchema
  properties?: Record<string, JSONSchema>
  required?: string[]
  additionalProperties?: boolean | JSONSchema
  oneOf?: JSONSchema[]
  anyOf?: JSONSchema[]
  examples?: unknown[]
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  default?: unknown
  readOnly?: boolean
  writeOnly?: boolean
  [key: `x-${string}`]: unknown
}

export type Parameter = {
  name: string
  in: 'query' | 'path' | 'header'
  description?: string
  required?: boolean
  style?: string
  explode?: boolean
  schema: JSONSchema
  example?: unknown
}

export type Operation = {
  operationId: string
  summary: string
  description?: string
  tags?: string[]
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content: Record<string, { schema: JSONSchema; example?: unknown }> }
  responses: Record<string, { description: string; headers?: Record<string, { description?: string; schema: JSONSchema }>; content?: Record<string, { schema: JSONSchema; example?: unknown }> }>
  security?: Record<string, string[]>[]
}

export type PathItem = Partial<Record<'get' | 'post' | 'patch' | 'put' | 'delete', Operation>>

export type OpenAPIDocument = {
  openapi: '3.1.0'
  info: { title: string; version: string; description?: string }
  servers: { url: string; description?: string }[]
  tags: { name: string; description?: string }[]
  paths: Record<string, PathItem>
  components: {
    schemas: Record<string, JSONSchema>
    parameters: Record<string, Parameter>
    responses: Record<string, Operation['responses'][string]>
    securitySchemes: Record<string, Record<string, unknown>>
  }
  security: Record<string, string[]>[]
}
