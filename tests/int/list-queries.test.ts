/**
 * No N+1: the statements run to render a list page (and the home page) do not grow with the
 * number of documents. Counted at the pg driver, on the seed content, then again after adding
 * many published projects, articles and partners with their relations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { articleList, homeContent, projectList } from '../../src/data/lists'
import { seed } from '../../src/seed'
import { bootPayload, type TestContext } from '../helpers/payload'
import { countQueries } from '../helpers/query-count'

let ctx: TestContext

const scenarios: Record<string, () => Promise<unknown>> = {
  'projets, page 1': () => projectList(ctx.payload, {}),
  'projets d’un domaine': () => projectList(ctx.payload, { domaine: 'emploi' }),
  'articles, page 1': () => articleList(ctx.payload, {}),
  'articles d’une rubrique': () => articleList(ctx.payload, { rubrique: 'actualites' }),
  accueil: () => homeContent(ctx.payload, [], 12),
}

const measure = async () => {
  const counts: Record<string, number> = {}
  for (const [name, run] of Object.entries(scenarios)) counts[name] = (await countQueries(run)).queries
  return counts
}

beforeAll(async () => {
  ctx = await bootPayload()
  await seed(ctx.payload)
})
afterAll(() => ctx?.close())

const addProjectsAndArticles = async (from: number, to: number, domains: number[]) => {
  for (let i = from; i < to; i++) {
    await ctx.payload.create({
      collection: 'projects',
      data: { title: `Projet ${i}`, slug: `projet-${i}`, year: 2000 + (i % 20), domains, _status: 'published' },
    })
    await ctx.payload.create({
      collection: 'articles',
      data: { title: `Article ${i}`, slug: `article-${i}`, rubrique: 'actualites', commentMode: 'default', publishedAt: new Date(2020, 0, i + 1).toISOString(), _status: 'published' },
    })
    await ctx.payload.create({ collection: 'partners', data: { name: `Partenaire ${i}`, slug: `partenaire-${i}` } })
  }
}

describe('list pages run a fixed number of queries', () => {
  it('the same count with a few documents and with many', async () => {
    const domains = await Promise.all(
      ['emploi', 'habitat', 'mobilite'].map((slug) =>
        ctx.payload.create({ collection: 'tags', data: { name: slug, slug, kind: 'domaine' } }),
      ),
    )
    const domainIds = domains.map((d) => d.id)
    await addProjectsAndArticles(0, 2, domainIds)
    const few = await measure()
    for (const [name, count] of Object.entries(few)) expect(count, name).toBeGreaterThan(0)

    await addProjectsAndArticles(2, 40, domainIds)
    const { result, queries } = await countQueries(() => projectList(ctx.payload, { domaine: 'emploi', page: '3' }))
    expect(result.result.docs.length).toBeGreaterThan(0)
    expect(result.result.docs.every((p) => p.domains?.length === 3 && p.domains.every((d) => typeof d === 'object'))).toBe(true)
    expect(queries).toBe(few['projets d’un domaine'])

    expect(await measure()).toEqual(few)
  })
})
