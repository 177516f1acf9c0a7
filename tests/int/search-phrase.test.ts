/**
 * A quoted phrase whose words are in most documents is looked for row by row, in table order,
 * instead of through the GIN index (src/plugins/search/sql.ts, PHRASE_SAMPLE): the same page,
 * count and excerpts either way; the index still serves sparse phrases, plain words and type filters.
 */
import type { SQL } from '@payloadcms/db-postgres/drizzle'
import { sql } from '@payloadcms/db-postgres/drizzle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { IndexRow } from '../../src/lib/search-documents'
import { MATCH_START } from '../../src/lib/search-text'
import type { SearchType } from '../../src/lib/search-types'
import { executorFor, replaceIndex, searchIndex, type Executor } from '../../src/plugins/search/sql'
import { bootPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let exec: Executor

const PHRASE = 'économie sociale et solidaire'
const TYPES: SearchType[] = ['articles', 'projects', 'pages']

/** 90 documents, most recent first: 63 hold the phrase (9 in their title), the others its words apart. */
const rows: IndexRow[] = Array.from({ length: 90 }, (_, i) => ({
  collection: TYPES[i % 3]!,
  id: i + 1,
  title: i % 10 === 0 ? `Dossier ${i} : l’${PHRASE}` : `Note de terrain ${i}`,
  keywords: '',
  summary: `Résumé ${i}.`,
  body:
    i % 3 === 2
      ? `Une économie locale, une vie sociale riche et une épargne solidaire (${i}).`
      : `Le réseau ${i} soutient l’${PHRASE} dans les territoires. La coopération reste sociale.`,
  extra: '',
  url: `/doc-${i + 1}`,
  publishedAt: new Date(Date.UTC(2026, 0, 1) - i * 86_400_000).toISOString(),
}))

beforeAll(async () => {
  ctx = await bootPayload()
  exec = await executorFor(ctx.payload)
  await replaceIndex(exec, async () => rows)
})
afterAll(async () => ctx?.close())

type Options = Partial<Parameters<typeof searchIndex>[1]>
const run = (query: string, options: Options = {}) =>
  searchIndex(exec, { query, types: null, limit: 10, offset: 0, live: null, ...options })

/** The plan the statement ran with (EXPLAIN ANALYZE of the very statement searchIndex sends). */
async function planOf(query: string, options: Options = {}): Promise<string> {
  let plan = ''
  const explaining: Executor = {
    ...exec,
    execute: async (statement: SQL) => {
      const { rows: lines } = await exec.execute(sql`EXPLAIN (ANALYZE, COSTS OFF) ${statement}`)
      plan = lines.map((l) => String(l['QUERY PLAN'])).join('\n')
      return { rows: [] }
    },
  }
  await searchIndex(explaining, { query, types: null, limit: 10, offset: 0, live: null, ...options })
  return plan
}

/**
 * Which branch of the matches CTE read the documents: the row-by-row one (a TID range scan, or a
 * plain scan on a table this small) or the index one (the GIN index, or a plain scan here too).
 */
const branches = (plan: string) => {
  const [rowByRow, indexed] = plan.split('CTE matches')[1]!.split('CTE titled')[0]!.split('One-Time Filter: (NOT')
  const ran = (part = '') => / on documents(_tsv_idx)?( \w+)? \(actual/.test(part)
  return { rowByRow: ran(rowByRow), indexed: ran(indexed) }
}

describe('a phrase in most documents', () => {
  it('is read row by row, with the same results as through the index', async () => {
    const q = `"${PHRASE}"`
    expect(branches(await planOf(q))).toEqual({ rowByRow: true, indexed: false })
    expect(branches(await planOf(q, { phraseSample: 0 }))).toEqual({ rowByRow: false, indexed: true })

    for (const options of [{}, { cap: 20 }, { cap: 20, offset: 10 }, { cap: 500, offset: 50 }] as Options[]) {
      const rowByRow = await run(q, options)
      const indexed = await run(q, { ...options, phraseSample: 0 })
      expect(rowByRow).toEqual(indexed)
    }
    const all = await run(q, { limit: 100 })
    expect(all).toMatchObject({ total: 63, capped: false, reading: 'ok' })
    // Titles first; every excerpt highlights the phrase.
    expect(all.hits.slice(0, 9).every((h) => h.title.startsWith('Dossier'))).toBe(true)
    expect(all.hits.every((h) => h.headline.includes(MATCH_START))).toBe(true)
    const capped = await run(q, { cap: 20 })
    expect(capped).toMatchObject({ total: 20, capped: true })
  })

  it('goes through the index when it is sparse, for plain words, and with a type filter', async () => {
    // The words of the phrase are everywhere, this order nowhere.
    expect(branches(await planOf('"solidaire économie"'))).toEqual({ rowByRow: false, indexed: true })
    expect(await run('"solidaire économie"')).toMatchObject({ total: 0, hits: [] })

    expect(branches(await planOf('économie solidaire'))).toEqual({ rowByRow: false, indexed: true })
    expect(branches(await planOf(`"${PHRASE}"`, { types: ['projects'] }))).toEqual({ rowByRow: false, indexed: true })
    const projects = await run(`"${PHRASE}"`, { types: ['projects'], limit: 50 })
    expect(projects.total).toBe(30)
    expect(projects.hits.every((h) => h.collection === 'projects')).toBe(true)
  })
})
