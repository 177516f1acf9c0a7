/**
 * Screening of GraphQL requests before Payload parses, validates or executes them.
 *
 * A document of a few hundred bytes can ask for an exponential amount of work: fragments that
 * spread the next one twice ("fragment bomb") make the complexity rule bundled with Payload,
 * and any code that expands fragments, run for minutes. Here the document is parsed once
 * (linear, bounded in bytes and tokens) and measured without expanding anything: each fragment
 * is measured once and its measure reused wherever it is spread, so what a spread would expand
 * to is known without being built.
 *
 * Pure: no Payload, no I/O. The HTTP wrapper is src/lib/http/graphql.ts.
 */
import {
  Kind,
  parse,
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type GraphQLError,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql'

import { NBSP, NNBSP } from './typography'

export type GraphqlLimits = {
  /** Whole request body (query, variables, operation name), in bytes. */
  maxBodyBytes: number
  /** The query document, in bytes (UTF-8). */
  maxQueryBytes: number
  /** Lexer tokens: `parse` stops beyond this. */
  maxTokens: number
  /** Nested field levels, fragments followed (`{ Articles { docs { id } } }` is 3). */
  maxDepth: number
  /** `...Fragment` spreads written in the document. */
  maxFragmentSpreads: number
  /** Aliased fields, each fragment counted as many times as it is spread. */
  maxAliases: number
  /** Field selections, each fragment counted as many times as it is spread. */
  maxFields: number
  /** Wall-clock time for one request, from its arrival to its answer, in milliseconds. */
  timeBudgetMs: number
}

export const GRAPHQL_LIMITS: Readonly<GraphqlLimits> = Object.freeze({
  // Room for variables of a mutation; a bigger body is refused before being read whole.
  maxBodyBytes: 64 * 1024,
  // The introspection query of GraphiQL is about 2 kB.
  maxQueryBytes: 16 * 1024,
  // The introspection query takes 163.
  maxTokens: 4_000,
  // Introspection reaches 15 (the nested `ofType` of TypeRef); content queries rarely pass 8.
  maxDepth: 16,
  // Introspection uses 8; hand-written queries a handful.
  maxFragmentSpreads: 40,
  // A few named copies of a list (`recents: Articles(...)`), not hundreds of database queries.
  maxAliases: 30,
  // The introspection query expands to 220; this bounds the work of every later stage.
  maxFields: 1_000,
  // A normal query answers in tens of milliseconds.
  timeBudgetMs: 10_000,
})

export type ScreenCode =
  | 'BODY_TOO_LARGE'
  | 'INVALID_BODY'
  | 'BATCH_NOT_SUPPORTED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'QUERY_MISSING'
  | 'QUERY_TOO_LARGE'
  | 'GRAPHQL_PARSE_FAILED'
  | 'FRAGMENT_CYCLE'
  | 'TOO_MANY_FRAGMENT_SPREADS'
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_FIELDS'
  | 'QUERY_TIMEOUT'

export type ScreenError = { message: string; extensions: { code: ScreenCode } }
/** A refusal: the HTTP status and a GraphQL-style body `{ errors: [...] }`. */
export type Refusal = { status: number; errors: ScreenError[] }

/** French spacing: no-break space before `:` and inside « », narrow one before `;` `!` `?`. */
const fr = (message: string) =>
  message
    .replace(/ :/g, `${NBSP}:`)
    .replace(/ ([;!?])/g, `${NNBSP}$1`)
    .replace(/« /g, `«${NBSP}`)
    .replace(/ »/g, `${NBSP}»`)
const n = (value: number) => value.toLocaleString('fr-FR')
const size = (bytes: number) => (bytes % 1024 === 0 ? `${n(bytes / 1024)}${NBSP}Kio` : `${n(bytes)}${NBSP}octets`)
const refuse = (status: number, code: ScreenCode, message: string): Refusal => ({
  status,
  errors: [{ message, extensions: { code } }],
})

export const SCREEN_MESSAGES = {
  bodyTooLarge: (max: number) => fr(`Requête GraphQL trop volumineuse : ${size(max)} au plus.`),
  invalidBody: fr('Corps de requête illisible : un objet JSON { "query": … } est attendu.'),
  batch: fr('Les requêtes GraphQL groupées (tableau JSON) ne sont pas acceptées : envoyez une requête à la fois.'),
  mediaType: fr('Type de contenu non pris en charge : envoyez du JSON (Content-Type: application/json).'),
  queryMissing: fr('Requête GraphQL absente : le champ « query » doit contenir le texte de la requête.'),
  queryTooLarge: (max: number) => fr(`Requête GraphQL trop longue : ${size(max)} au plus.`),
  tooManyTokens: (max: number) => fr(`Requête GraphQL trop longue : ${n(max)} éléments au plus.`),
  syntax: (detail: string) => fr(`Requête GraphQL mal formée : ${detail}`),
  cycle: (name: string) => fr(`Le fragment « ${name} » s’inclut lui-même.`),
  spreads: (count: number, max: number) => fr(`Trop de fragments insérés : ${n(count)} pour ${n(max)} au plus.`),
  depth: (max: number) => fr(`Requête GraphQL trop profonde : ${n(max)} niveaux au plus.`),
  aliases: (max: number) => fr(`Trop d’alias : ${n(max)} au plus, fragments compris.`),
  fields: (max: number) => fr(`Requête GraphQL trop vaste : ${n(max)} champs au plus, fragments compris.`),
  timeout: (ms: number) => fr(`La requête GraphQL a dépassé le temps imparti (${n(ms / 1000)} secondes) : simplifiez-la ou réessayez plus tard.`),
} as const

/** The refusal of a request that took longer than its time budget (HTTP 503). */
export const timeoutRefusal = (limits: GraphqlLimits = GRAPHQL_LIMITS): Refusal =>
  refuse(503, 'QUERY_TIMEOUT', SCREEN_MESSAGES.timeout(limits.timeBudgetMs))

/** The refusal of a body longer than maxBodyBytes (HTTP 413). */
export const bodyTooLargeRefusal = (limits: GraphqlLimits = GRAPHQL_LIMITS): Refusal =>
  refuse(413, 'BODY_TOO_LARGE', SCREEN_MESSAGES.bodyTooLarge(limits.maxBodyBytes))

/** A refusal before reading the body, from its Content-Type and Content-Length. */
export function screenHeaders(
  method: string,
  contentType: string | null,
  contentLength: string | null,
  limits: GraphqlLimits = GRAPHQL_LIMITS,
): Refusal | null {
  if (method !== 'POST') return null
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  if (mediaType !== 'application/json') return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', SCREEN_MESSAGES.mediaType)
  if (contentLength && Number(contentLength) > limits.maxBodyBytes) return bodyTooLargeRefusal(limits)
  return null
}

/** Screens a JSON body as read (at most maxBodyBytes): one operation object, its query within limits. */
export function screenBody(body: string, limits: GraphqlLimits = GRAPHQL_LIMITS): Refusal | null {
  if (Buffer.byteLength(body, 'utf8') > limits.maxBodyBytes) return bodyTooLargeRefusal(limits)
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    return refuse(400, 'INVALID_BODY', SCREEN_MESSAGES.invalidBody)
  }
  if (Array.isArray(data)) return refuse(400, 'BATCH_NOT_SUPPORTED', SCREEN_MESSAGES.batch)
  if (!data || typeof data !== 'object') return refuse(400, 'INVALID_BODY', SCREEN_MESSAGES.invalidBody)
  return screenQuery((data as { query?: unknown }).query, limits)
}

/** Screens a query document (the `query` of a POST body or of a GET address). */
export function screenQuery(query: unknown, limits: GraphqlLimits = GRAPHQL_LIMITS): Refusal | null {
  if (typeof query !== 'string' || !query.trim()) return refuse(400, 'QUERY_MISSING', SCREEN_MESSAGES.queryMissing)
  if (Buffer.byteLength(query, 'utf8') > limits.maxQueryBytes) {
    return refuse(400, 'QUERY_TOO_LARGE', SCREEN_MESSAGES.queryTooLarge(limits.maxQueryBytes))
  }
  let document: DocumentNode
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true })
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    // graphql 16 writes "contains more that N tokens".
    if (/contains more th\w+ \d+ tokens/.test(message)) {
      return refuse(400, 'QUERY_TOO_LARGE', SCREEN_MESSAGES.tooManyTokens(limits.maxTokens))
    }
    return refuse(400, 'GRAPHQL_PARSE_FAILED', SCREEN_MESSAGES.syntax(message.replace(/^Syntax Error: /, '')))
  }
  return screenDocument(document, limits)
}

export type DocumentMeasure = { spreads: number; depth: number; aliases: number; fields: number }
type Measure = { depth: number; aliases: number; fields: number }

class FragmentCycle extends Error {
  constructor(readonly fragment: string) {
    super(fragment)
  }
}

/**
 * Measures a parsed document in time linear in its size: the spreads written, and the depth,
 * aliases and fields it would have with every fragment expanded (fragments measured once each).
 * Operations and the fragments no one spreads all count: validation visits them all.
 * Throws FragmentCycle on a fragment that spreads itself (invalid anyway).
 */
export function measureDocument(document: DocumentNode): DocumentMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const def of document.definitions) {
    // The last definition of a name wins, as in graphql-js.
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def)
  }
  const measured = new Map<string, Measure>()
  const inProgress = new Set<string>()
  const spreadNames = new Set<string>()
  let spreads = 0

  const fragment = (name: string): Measure => {
    const known = measured.get(name)
    if (known) return known
    const def = fragments.get(name)
    if (!def) return { depth: 0, aliases: 0, fields: 0 } // unknown: validation reports it
    if (inProgress.has(name)) throw new FragmentCycle(name)
    inProgress.add(name)
    const m = selectionSet(def.selectionSet)
    inProgress.delete(name)
    measured.set(name, m)
    return m
  }

  // Each selection set is walked once (fragments are memoised), so each written spread counts once.
  const selectionSet = (set: SelectionSetNode): Measure => {
    const m: Measure = { depth: 0, aliases: 0, fields: 0 }
    for (const sel of set.selections) {
      let sub: Measure
      let own = 0
      if (sel.kind === Kind.FIELD) {
        sub = sel.selectionSet ? selectionSet(sel.selectionSet) : { depth: 0, aliases: 0, fields: 0 }
        own = 1
        m.fields += 1
        if (sel.alias) m.aliases += 1
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        sub = selectionSet(sel.selectionSet)
      } else {
        spreads++
        spreadNames.add(sel.name.value)
        sub = fragment(sel.name.value)
      }
      m.depth = Math.max(m.depth, own + sub.depth)
      m.aliases += sub.aliases
      m.fields += sub.fields
    }
    return m
  }

  const total: Measure = { depth: 0, aliases: 0, fields: 0 }
  const add = (m: Measure) => {
    total.depth = Math.max(total.depth, m.depth)
    total.aliases += m.aliases
    total.fields += m.fields
  }
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) add(selectionSet(def.selectionSet))
  }
  // Validation visits every definition: fragments no one spreads, and the extra definitions of a
  // duplicated name, count as roots too.
  for (const def of document.definitions) {
    if (def.kind !== Kind.FRAGMENT_DEFINITION) continue
    if (fragments.get(def.name.value) === def) fragment(def.name.value)
    else add(selectionSet(def.selectionSet))
  }
  for (const name of fragments.keys()) if (!spreadNames.has(name)) add(fragment(name))
  return { spreads, ...total }
}

/** Applies the limits to a parsed document. */
export function screenDocument(document: DocumentNode, limits: GraphqlLimits = GRAPHQL_LIMITS): Refusal | null {
  let m: DocumentMeasure
  try {
    m = measureDocument(document)
  } catch (err) {
    if (err instanceof FragmentCycle) return refuse(400, 'FRAGMENT_CYCLE', SCREEN_MESSAGES.cycle(err.fragment))
    throw err
  }
  const errors: ScreenError[] = []
  const check = (over: boolean, code: ScreenCode, message: string) => {
    if (over) errors.push(...refuse(400, code, message).errors)
  }
  check(m.spreads > limits.maxFragmentSpreads, 'TOO_MANY_FRAGMENT_SPREADS', SCREEN_MESSAGES.spreads(m.spreads, limits.maxFragmentSpreads))
  check(m.depth > limits.maxDepth, 'QUERY_TOO_DEEP', SCREEN_MESSAGES.depth(limits.maxDepth))
  check(m.aliases > limits.maxAliases, 'TOO_MANY_ALIASES', SCREEN_MESSAGES.aliases(limits.maxAliases))
  check(m.fields > limits.maxFields, 'TOO_MANY_FIELDS', SCREEN_MESSAGES.fields(limits.maxFields))
  return errors.length ? { status: 400, errors } : null
}

const SUGGESTION = /\s*Did you mean .*$/s

/**
 * Drops graphql-js's "Did you mean …?" from an error: names of the schema are not advertised.
 * The error itself is edited, not copied: graphql is loaded twice (ESM here, CommonJS in
 * graphql-http), and a copy from this module's GraphQLError would fail graphql-http's instanceof.
 */
export function withoutSuggestion<E extends GraphQLError>(error: E): E {
  if (SUGGESTION.test(error.message)) error.message = error.message.replace(SUGGESTION, '')
  return error
}

/** A validation rule that strips suggestions from what every other rule reports. */
export const NoSuggestionsRule: ValidationRule = (context) => {
  const report = context.reportError.bind(context)
  context.reportError = (error: GraphQLError) => report(withoutSuggestion(error))
  return {}
}

/**
 * No suggestions in validation errors, nor in those of execution (variables): sets
 * `hideSuggestions` on the very arguments Payload then gives to `execute`, and returns the rule.
 */
export function hideSuggestions(args: ExecutionArgs): ValidationRule[] {
  args.hideSuggestions = true
  return [NoSuggestionsRule]
}
