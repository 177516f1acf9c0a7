import { describe, expect, it } from 'vitest'

import { formatTable, percentile, queryGrowth, rate, ratioPercent, statementCounter, summarize } from '../../bench/lib/stats'
import { lexicalText, mulberry32, textGenerator } from '../../bench/lib/text'

describe('bench text generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = textGenerator(42)
    const b = textGenerator(42)
    const c = textGenerator(43)
    const first = [a.title(), a.text(50), a.person()]
    expect([b.title(), b.text(50), b.person()]).toEqual(first)
    expect([c.title(), c.text(50), c.person()]).not.toEqual(first)
  })

  it('writes French sentences of at least the asked number of words', () => {
    const gen = textGenerator(1)
    const text = gen.text(120)
    expect(text.split(' ').length).toBeGreaterThanOrEqual(120)
    expect(text).toMatch(/^\p{Lu}/u)
    expect(text.endsWith('.')).toBe(true)
    expect(text).toMatch(/[éèàêç’]/)
  })

  it('builds Lexical JSON of paragraphs of text nodes, as Payload stores it', () => {
    const doc = textGenerator(7).lexical(200)
    expect(doc.root).toMatchObject({ type: 'root', direction: 'ltr', version: 1 })
    expect(doc.root.children.length).toBeGreaterThan(1)
    for (const p of doc.root.children) {
      expect(p).toMatchObject({ type: 'paragraph', version: 1 })
      expect(p.children[0]).toMatchObject({ type: 'text', format: 0, mode: 'normal', version: 1 })
    }
    expect(lexicalText(doc).split(/\s+/).length).toBeGreaterThanOrEqual(200)
    // Plain JSON: survives a round trip through a jsonb column.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc)
  })

  it('draws integers within bounds and floats in [0, 1)', () => {
    const gen = textGenerator(3)
    const ints = Array.from({ length: 500 }, () => gen.int(2, 5))
    expect(Math.min(...ints)).toBe(2)
    expect(Math.max(...ints)).toBe(5)
    const random = mulberry32(9)
    const floats = Array.from({ length: 500 }, random)
    expect(floats.every((x) => x >= 0 && x < 1)).toBe(true)
  })
})

describe('bench stats', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(sorted, 50)).toBe(50)
    expect(percentile(sorted, 95)).toBe(95)
    expect(percentile(sorted, 99)).toBe(99)
    expect(percentile(sorted, 100)).toBe(100)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
  })

  it('summarizes unsorted samples', () => {
    const s = summarize([5, 1, 3, 2, 4])
    expect(s).toEqual({ p50: 3, p95: 5, p99: 5, max: 5, mean: 3 })
  })

  it('computes rates and ratios', () => {
    expect(rate(5000, 2000)).toBe(2500)
    expect(rate(10, 0)).toBe(0)
    expect(ratioPercent(1, 3)).toBe(33.3)
    expect(ratioPercent(1, 0)).toBeNull()
  })

  it('flags statement counts that grow with the data', () => {
    expect(queryGrowth(8, 8)).toBe('constant')
    expect(queryGrowth(8, 9)).toBe('GROWS')
    expect(queryGrowth(9, 8)).toBe('shrinks')
    expect(queryGrowth(null, 8)).toBe('n/a')
  })

  it('formats a table with aligned columns', () => {
    const out = formatTable([
      ['', 'req/s'],
      ['page /', '1234'],
      ['REST', '5'],
    ]).split('\n')
    expect(out).toEqual(['        req/s', '------  -----', 'page /   1234', 'REST        5'])
  })

  it('counts one application’s statements in Postgres log chunks', () => {
    const counter = statementCounter('app')
    counter.feed('app|11|LOG:  execute <unnamed>: select "id" from "articles"\nother|12|LOG:  statement: SELECT 1\n')
    counter.feed('[STDERR] app|11|LOG:  statement: SELECT 2\napp|11|DETAIL:  parameters: $1 = \'1\'\n')
    counter.feed('app|11|LOG:  execute s1: select 1\n  continued line app|11|LOG:  statement: no\napp|11|ERROR:  boom')
    expect(counter.count).toBe(3)
    expect(counter.since(1)).toEqual(['statement: SELECT 2', 'execute s1: select 1'])
  })

  it('leaves out the transactions of a job runner, whole, and counts a transaction once it ends', () => {
    const counter = statementCounter('app', /payload_jobs/)
    counter.feed('app|7|LOG:  statement: begin\napp|8|LOG:  statement: begin\n')
    counter.feed('app|7|LOG:  execute <unnamed>: select * from "payload_jobs" where "processing" = $1\n')
    counter.feed('app|8|LOG:  execute <unnamed>: insert into "comments" ("body") values ($1)\n')
    expect(counter.count).toBe(0)
    counter.feed('app|7|LOG:  statement: commit\napp|9|LOG:  execute <unnamed>: select 1\napp|8|LOG:  statement: commit\n')
    expect(counter.since(0)).toEqual(['execute <unnamed>: select 1', 'statement: begin', 'execute <unnamed>: insert into "comments" ("body") values ($1)', 'statement: commit'])
    counter.feed('app|7|LOG:  execute <unnamed>: delete from "payload_jobs" where "id" = $1\n')
    expect(counter.count).toBe(4)
  })
})
