/**
 * The GraphQL screen (src/lib/graphql-screen.ts) and its HTTP guard (src/lib/http/graphql.ts):
 * what is refused before Payload parses, validates or executes a query, and what still passes.
 */
import { buildSchema, execute, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql'
import { describe, expect, it } from 'vitest'

import {
  GRAPHQL_LIMITS,
  hideSuggestions,
  measureDocument,
  NoSuggestionsRule,
  SCREEN_MESSAGES,
  screenBody,
  screenHeaders,
  screenQuery,
  type Refusal,
} from '../../src/lib/graphql-screen'
import { withGraphqlScreen } from '../../src/lib/http/graphql'

/** The attack of issue 18: each fragment spreads the next one twice. */
const fragmentBomb = (levels: number, query = 'query{Articles{docs{...F0}}}') =>
  query +
  Array.from({ length: levels }, (_, i) =>
    i < levels - 1 ? `fragment F${i} on Article { id title ...F${i + 1} ...F${i + 1} }` : `fragment F${i} on Article { id title }`,
  ).join(' ')

const codes = (refusal: Refusal | null) => refusal?.errors.map((e) => e.extensions.code) ?? []

/** Queries of the README, the integration tests and GraphiQL: they must keep passing. */
const LEGIT = [
  '{ Articles { docs { id } } }',
  '{ Articles(limit: 100) { docs { id title } } }',
  '{ Article(id: 1, draft: true) { title } }',
  '{ GlossaryTerms(draft: true, where: { term: { equals: "x" } }) { docs { id } } }',
  '{ Comments(limit: 500) { docs { id authorName authorEmail ipHash userAgent status holdReason moderatorNote bodyHtml } } }',
  'mutation { updateArticle(id: 1, data: { title: "Par clé" }) { id } }',
  `query Recent($n: Int) {
     recents: Articles(limit: $n, sort: "-publishedAt") { docs { ...Card } }
     projects: Projects(limit: 3) { docs { ...on Project { id title } } }
   }
   fragment Card on Article { id title slug }`,
  getIntrospectionQuery(),
]

describe('the fragment bomb', () => {
  it('30 levels (1.5 kB) are refused, in French, without expanding anything', () => {
    const query = fragmentBomb(30)
    expect(query.length).toBeLessThan(2_000)
    const refusal = screenQuery(query)
    expect(refusal?.status).toBe(400)
    expect(codes(refusal)).toEqual(['TOO_MANY_FRAGMENT_SPREADS', 'TOO_MANY_FIELDS'])
    expect(refusal!.errors[0]!.message).toBe(SCREEN_MESSAGES.spreads(59, GRAPHQL_LIMITS.maxFragmentSpreads))
    expect(refusal!.errors[0]!.message).toBe('Trop de fragments insérés\u00a0: 59 pour 40 au plus.')
    expect(refusal!.errors[1]!.message).toBe('Requête GraphQL trop vaste\u00a0: 1\u202f000 champs au plus, fragments compris.')
    // What it would expand to, measured by reusing each fragment's measure: 2^31 fields.
    expect(measureDocument(parse(query))).toEqual({ spreads: 59, depth: 3, aliases: 0, fields: 2 ** 31 })
  })

  it('under the spread limit (20 levels, 39 spreads) it is still refused for its expanded size', () => {
    expect(codes(screenQuery(fragmentBomb(20)))).toEqual(['TOO_MANY_FIELDS'])
  })

  it('fragments no operation uses are measured too (validation visits them)', () => {
    expect(codes(screenQuery(fragmentBomb(20, 'query{__typename}')))).toEqual(['TOO_MANY_FIELDS'])
    // A duplicated fragment name: both definitions count.
    const dup = `{ Articles { docs { ...A } } } fragment A on Article { id } fragment A on Article { ${fragmentBomb(15, '').replace(/fragment F0 on Article \{|\}$/g, '')} }`
    expect(codes(screenQuery(dup, { ...GRAPHQL_LIMITS, maxFragmentSpreads: 100 }))).toContain('TOO_MANY_FIELDS')
  })

  it('a fragment that spreads itself is refused, not followed forever', () => {
    const refusal = screenQuery('{ Articles { docs { ...A } } } fragment A on Article { id ...B } fragment B on Article { ...A }')
    expect(codes(refusal)).toEqual(['FRAGMENT_CYCLE'])
    expect(refusal!.errors[0]!.message).toBe('Le fragment «\u00a0A\u00a0» s’inclut lui-même.')
  })
})

describe('limits', () => {
  it('legitimate queries pass', () => {
    for (const query of LEGIT) expect(screenQuery(query), query.slice(0, 60)).toBeNull()
  })

  it('depth, fragments followed', () => {
    const nested = (levels: number) => '{ a '.repeat(levels - 1) + '{ b }' + ' }'.repeat(levels - 1)
    expect(measureDocument(parse('{ Articles { docs { id } } }')).depth).toBe(3)
    expect(screenQuery(`query ${nested(GRAPHQL_LIMITS.maxDepth)}`)).toBeNull()
    const refusal = screenQuery(`query ${nested(GRAPHQL_LIMITS.maxDepth + 1)}`)
    expect(codes(refusal)).toEqual(['QUERY_TOO_DEEP'])
    expect(refusal!.errors[0]!.message).toBe('Requête GraphQL trop profonde\u00a0: 16 niveaux au plus.')
    // Ten levels in the operation, ten more in a fragment.
    const split = '{ x '.repeat(10) + '{ ...F }' + ' }'.repeat(10) + ' fragment F on T ' + nested(10)
    expect(measureDocument(parse(split)).depth).toBe(20)
    expect(codes(screenQuery(split))).toEqual(['QUERY_TOO_DEEP'])
  })

  it('aliases, counted as many times as their fragment is spread', () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: Articles { totalDocs }`).join(' ')} }`
    expect(screenQuery(aliases(GRAPHQL_LIMITS.maxAliases))).toBeNull()
    const refusal = screenQuery(aliases(GRAPHQL_LIMITS.maxAliases + 1))
    expect(codes(refusal)).toEqual(['TOO_MANY_ALIASES'])
    expect(refusal!.errors[0]!.message).toBe('Trop d’alias\u00a0: 30 au plus, fragments compris.')
    const viaFragment = `{ Articles { docs { ${Array.from({ length: 4 }, (_, i) => `d${i}: author { ...A }`).join(' ')} } } }
      fragment A on User { ${Array.from({ length: 8 }, (_, i) => `n${i}: name`).join(' ')} }`
    expect(measureDocument(parse(viaFragment)).aliases).toBe(4 + 4 * 8)
    expect(codes(screenQuery(viaFragment))).toEqual(['TOO_MANY_ALIASES'])
  })

  it('field selections, fragments expanded by count', () => {
    const wide = (n: number) => `{ Articles { docs { ${Array.from({ length: n }, () => 'id').join(' ')} } } }`
    expect(screenQuery(wide(GRAPHQL_LIMITS.maxFields - 2))).toBeNull()
    expect(codes(screenQuery(wide(GRAPHQL_LIMITS.maxFields - 1)))).toEqual(['TOO_MANY_FIELDS'])
  })

  it('document size in bytes, then in tokens, before parsing', () => {
    const big = `{ Articles { docs { id } } } # ${'é'.repeat(GRAPHQL_LIMITS.maxQueryBytes / 2)}`
    const refusal = screenQuery(big)
    expect(codes(refusal)).toEqual(['QUERY_TOO_LARGE'])
    expect(refusal!.errors[0]!.message).toBe('Requête GraphQL trop longue\u00a0: 16\u00a0Kio au plus.')
    const tokens = `{ ${'a '.repeat(GRAPHQL_LIMITS.maxTokens)} }`
    expect(tokens.length).toBeLessThan(GRAPHQL_LIMITS.maxQueryBytes)
    expect(codes(screenQuery(tokens))).toEqual(['QUERY_TOO_LARGE'])
  })

  it('a syntax error or a missing query gets a French message', () => {
    const refusal = screenQuery('{ Articles { docs { id }')
    expect(codes(refusal)).toEqual(['GRAPHQL_PARSE_FAILED'])
    expect(refusal!.errors[0]!.message).toMatch(/^Requête GraphQL mal formée\u00a0: /)
    expect(codes(screenQuery(undefined))).toEqual(['QUERY_MISSING'])
    expect(codes(screenQuery('  '))).toEqual(['QUERY_MISSING'])
  })
})

describe('bodies', () => {
  it('batches (a JSON array) are refused', () => {
    const refusal = screenBody(JSON.stringify([{ query: '{ Articles { docs { id } } }' }, { query: '{ Articles { docs { id } } }' }]))
    expect(refusal?.status).toBe(400)
    expect(codes(refusal)).toEqual(['BATCH_NOT_SUPPORTED'])
    expect(refusal!.errors[0]!.message).toContain('groupées')
  })

  it('an oversized body is 413, a non-JSON one 415, unreadable JSON 400', () => {
    const body = JSON.stringify({ query: '{ Articles { docs { id } } }', variables: { x: 'x'.repeat(GRAPHQL_LIMITS.maxBodyBytes) } })
    expect(screenBody(body)?.status).toBe(413)
    expect(screenHeaders('POST', 'application/json', String(GRAPHQL_LIMITS.maxBodyBytes + 1))?.status).toBe(413)
    expect(screenHeaders('POST', 'application/json; charset=utf-8', '120')).toBeNull()
    expect(codes(screenHeaders('POST', 'multipart/form-data; boundary=x', null))).toEqual(['UNSUPPORTED_MEDIA_TYPE'])
    expect(codes(screenBody('{"query": '))).toEqual(['INVALID_BODY'])
    expect(codes(screenBody('"{ Articles { docs { id } } }"'))).toEqual(['INVALID_BODY'])
    expect(screenBody(JSON.stringify({ query: LEGIT[6], variables: { n: 5 }, operationName: 'Recent' }))).toBeNull()
  })
})

describe('no suggestions', () => {
  const schema = buildSchema(`
    enum Sort { newest oldest }
    type Article { id: ID title: String }
    type Query { Articles(sort: Sort): [Article] }
  `)

  it('validation errors keep their message but name nothing of the schema', () => {
    const document = parse('{ Articles { titl } }')
    const raw = validate(schema, document, specifiedRules)
    // graphql-js suggests by default: if it stops, this rule can go.
    expect(raw[0]!.message).toContain('Did you mean "title"?')
    const errors = validate(schema, document, [...specifiedRules, NoSuggestionsRule])
    expect(errors.map((e) => e.message)).toEqual(['Cannot query field "titl" on type "Article".'])
    expect(errors[0]!.locations).toEqual(raw[0]!.locations)
  })

  it('execution (variables) too, through the arguments Payload gives its rules', async () => {
    const args = { schema, document: parse('query($s: Sort) { Articles(sort: $s) { id } }'), variableValues: { s: 'newset' } }
    const before = await execute(args)
    expect(before.errors?.[0]?.message).toContain('Did you mean')
    expect(hideSuggestions(args)).toEqual([NoSuggestionsRule])
    const after = await execute(args)
    expect(after.errors?.[0]?.message).toMatch(/^Variable "\$s" got invalid value "newset"/)
    expect(after.errors?.[0]?.message).not.toContain('Did you mean')
  })
})

describe('withGraphqlScreen', () => {
  const ok = async (request: Request) => Response.json({ data: { echo: await request.text() } })
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request('http://localhost/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit)

  it('hands a screened body on unchanged; refuses the bomb with 400 and a GraphQL-style error', async () => {
    const guarded = withGraphqlScreen(ok)
    const body = JSON.stringify({ query: '{ Articles { docs { id } } }' })
    expect(await (await guarded(post(body))).json()).toEqual({ data: { echo: body } })
    const res = await guarded(post(JSON.stringify({ query: fragmentBomb(30) })))
    expect(res.status).toBe(400)
    const json = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] }
    expect(json.errors[0]!.extensions.code).toBe('TOO_MANY_FRAGMENT_SPREADS')
  })

  it('stops reading a body without Content-Length past the limit', async () => {
    const limits = { ...GRAPHQL_LIMITS, maxBodyBytes: 1024 }
    let pulled = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new TextEncoder().encode('x'.repeat(512)))
        if (pulled > 100) controller.close()
      },
    })
    const res = await withGraphqlScreen(ok, limits)(post(stream))
    expect(res.status).toBe(413)
    expect(pulled).toBeLessThan(10)
  })

  it('answers 503 in French when the handler outlives the time budget', async () => {
    const limits = { ...GRAPHQL_LIMITS, timeBudgetMs: 50 }
    const slow = () => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response('{}')), 1_000))
    const res = await withGraphqlScreen(slow, limits)(post(JSON.stringify({ query: '{ Articles { docs { id } } }' })))
    expect(res.status).toBe(503)
    const json = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] }
    expect(json.errors[0]!.extensions.code).toBe('QUERY_TIMEOUT')
    expect(json.errors[0]!.message).toBe(
      'La requête GraphQL a dépassé le temps imparti (0,05 secondes)\u00a0: simplifiez-la ou réessayez plus tard.',
    )
  })

  it('screens GET queries too', async () => {
    const url = `http://localhost/api/graphql?query=${encodeURIComponent(fragmentBomb(30))}`
    expect((await withGraphqlScreen(ok)(new Request(url))).status).toBe(400)
  })
})
