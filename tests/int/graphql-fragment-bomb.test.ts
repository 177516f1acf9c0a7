/**
 * The GraphQL "fragment bomb" (issue 18) through real HTTP, on a real Postgres, with the same
 * handler as src/app/(payload)/api/graphql/route.ts: refused before Payload expands anything,
 * in French, while the site keeps answering; legitimate queries unchanged; no suggestions.
 */
import { getIntrospectionQuery } from 'graphql'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { GRAPHQL_LIMITS, SCREEN_MESSAGES } from '../../src/lib/graphql-screen'
import { bootPayload, type TestContext } from '../helpers/payload'
import { json } from '../helpers/users'

let ctx: TestContext

type GraphqlBody = {
  data?: Record<string, unknown> | null
  errors?: { message: string; extensions?: { code?: string } }[]
}

const post = async (body: unknown, init: RequestInit = {}) => {
  const res = await ctx.api('/api/graphql', { method: 'POST', ...json(body), ...init })
  const text = await res.text()
  return { status: res.status, text, body: JSON.parse(text) as GraphqlBody }
}
const gql = (query: string, variables?: Record<string, unknown>) => post({ query, variables })

/** The attack of issue 18: each fragment spreads the next one twice. */
const fragmentBomb = (levels: number) =>
  'query{Articles{docs{...F0}}}' +
  Array.from({ length: levels }, (_, i) =>
    i < levels - 1 ? `fragment F${i} on Article { id title ...F${i + 1} ...F${i + 1} }` : `fragment F${i} on Article { id title }`,
  ).join(' ')

beforeAll(async () => {
  ctx = await bootPayload()
  await ctx.payload.create({
    collection: 'articles',
    data: { title: 'Article de la bombe', slug: 'article-de-la-bombe', rubrique: 'actualites', commentMode: 'default', _status: 'published' },
  })
})
afterAll(async () => ctx?.close())

describe('fragment bomb', () => {
  it('30 levels: 400 with a French GraphQL error, and the site answers meanwhile', async () => {
    const [bomb, list, rest] = await Promise.all([
      gql(fragmentBomb(30)),
      gql('{ Articles { docs { id title } } }'),
      ctx.api('/api/articles?depth=0'),
    ])
    expect(bomb.status, bomb.text).toBe(400)
    expect(bomb.body.data ?? null).toBeNull()
    expect(bomb.body.errors?.[0]).toEqual({
      message: SCREEN_MESSAGES.spreads(59, GRAPHQL_LIMITS.maxFragmentSpreads),
      extensions: { code: 'TOO_MANY_FRAGMENT_SPREADS' },
    })
    expect(bomb.body.errors?.[0]?.message).toBe('Trop de fragments insérés\u00a0: 59 pour 40 au plus.')
    expect(bomb.body.errors?.map((e) => e.extensions?.code)).toContain('TOO_MANY_FIELDS')

    expect(list.status).toBe(200)
    expect(JSON.stringify(list.body.data)).toContain('Article de la bombe')
    expect(rest.status).toBe(200)
  })

  it('20 levels (under the spread limit) are refused for what they would expand to', async () => {
    const res = await gql(fragmentBomb(20))
    expect(res.status).toBe(400)
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['TOO_MANY_FIELDS'])
  })
})

describe('other limits', () => {
  it('batches, aliases, depth, size and content type', async () => {
    const batch = await post([{ query: '{ Articles { docs { id } } }' }, { query: '{ Articles { docs { id } } }' }])
    expect(batch.status).toBe(400)
    expect(batch.body.errors?.[0]?.extensions?.code).toBe('BATCH_NOT_SUPPORTED')

    const aliases = await gql(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: Articles { totalDocs }`).join(' ')} }`)
    expect(aliases.status).toBe(400)
    expect(aliases.body.errors?.[0]).toEqual({ message: SCREEN_MESSAGES.aliases(30), extensions: { code: 'TOO_MANY_ALIASES' } })

    const deep = await gql(`{ ${'Articles { docs { author { '.repeat(6)} id ${'} } } '.repeat(6)} }`)
    expect(deep.status).toBe(400)
    expect(deep.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP')

    const big = await gql(`{ Articles { docs { id } } } #${'x'.repeat(GRAPHQL_LIMITS.maxQueryBytes)}`)
    expect(big.status).toBe(400)
    expect(big.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE')

    const huge = await gql('{ Articles { docs { id } } }', { x: 'x'.repeat(GRAPHQL_LIMITS.maxBodyBytes) })
    expect(huge.status).toBe(413)
    expect(huge.body.errors?.[0]?.message).toBe('Requête GraphQL trop volumineuse\u00a0: 64\u00a0Kio au plus.')

    const form = await ctx.api('/api/graphql', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{ Articles { docs { id } } }' })
    expect(form.status).toBe(415)
    expect(((await form.json()) as GraphqlBody).errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })
})

describe('legitimate queries', () => {
  it('fragments, aliases, variables and introspection still work', async () => {
    const res = await gql(
      `query Recent($n: Int) {
         recents: Articles(limit: $n, sort: "-publishedAt") { docs { ...Card } }
         count: Articles { totalDocs }
       }
       fragment Card on Article { id title slug }`,
      { n: 5 },
    )
    expect(res.status, res.text).toBe(200)
    expect(res.body.errors).toBeUndefined()
    expect(res.body.data).toMatchObject({ recents: { docs: [{ title: 'Article de la bombe', slug: 'article-de-la-bombe' }] }, count: { totalDocs: 1 } })

    const schema = await gql(getIntrospectionQuery())
    expect(schema.status).toBe(200)
    expect(schema.body.errors).toBeUndefined()
    expect((schema.body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(50)
  })

  it('validation errors name nothing of the schema (no "Did you mean")', async () => {
    const field = await gql('{ Articles { docs { titl } } }')
    expect(field.body.errors?.[0]?.message).toBe('Cannot query field "titl" on type "Article".')
    const argument = await gql('{ Articles(limt: 1) { docs { id } } }')
    expect(argument.body.errors?.[0]?.message).toMatch(/^Unknown argument "limt" on field "Query\.Articles"\.$/)
    const type = await gql('query($w: Article_wher) { Articles(where: $w) { docs { id } } }')
    expect(type.body.errors?.map((e) => e.message).join('\n')).toContain('Unknown type "Article_wher".')
    // An enum value, written in the query (validation) or sent as a variable (execution).
    const inline = await gql('{ Articles(where: { _status: { equals: publishd } }) { docs { id } } }')
    const variable = await gql('query($s: Article__status_Input) { Articles(where: { _status: { equals: $s } }) { docs { id } } }', { s: 'publishd' })
    for (const res of [inline, variable]) {
      expect(res.body.errors?.map((e) => e.message).join('\n'), res.text).toMatch(/"publishd" does not exist in "Article__status_Input" enum\.$/)
    }
    for (const res of [field, argument, type, inline, variable]) {
      expect(res.text).not.toContain('Did you mean')
      expect(res.text).not.toMatch(/"(title|limit|Article_where|published)"/)
    }
  })
})

describe('time budget', () => {
  it('no collection or global operation starts once a GraphQL request is past its deadline', async () => {
    // What the guard's validation rule stamps on a GraphQL request (src/plugins/graphql-guard.ts).
    const late = await createLocalReq({ context: { graphqlDeadline: Date.now() - 1 } }, ctx.payload)
    const message = SCREEN_MESSAGES.timeout(GRAPHQL_LIMITS.timeBudgetMs)
    await expect(ctx.payload.find({ collection: 'articles', req: late })).rejects.toMatchObject({ status: 503, message })
    await expect(ctx.payload.findGlobal({ slug: 'site-settings', req: late })).rejects.toMatchObject({ status: 503, message })
    const inTime = await createLocalReq({ context: { graphqlDeadline: Date.now() + 60_000 } }, ctx.payload)
    expect((await ctx.payload.find({ collection: 'articles', req: inTime })).totalDocs).toBe(1)
  })
})
