/**
 * The demo content (src/seed) loads from an empty database, loads twice without duplicating
 * anything, never overwrites an editor's work, and every piece of information of the five seed
 * pages reads back through the public REST API with the values of the seed text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { formatDateLong, formatDateShort, formatMonthYear } from '../../src/lib/dates'
import type { Article, Axis, GlossaryTerm, Navigation, Page, Partner, Project, SiteSettings, Tag, Theme } from '../../src/payload-types'
import { seed } from '../../src/seed'
import { plainText } from '../../src/seed/lexical'
import { bootPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
let first: { created: number }
let second: { created: number }

type List<T> = { docs: T[]; totalDocs: number }

const get = async <T>(path: string): Promise<T> => {
  const res = await ctx.api(path)
  expect(res.status, path).toBe(200)
  return (await res.json()) as T
}
const one = async <T>(path: string): Promise<T> => {
  const { docs } = await get<List<T>>(path)
  expect(docs, path).toHaveLength(1)
  return docs[0]!
}
const populated = <T extends object>(value: number | T | null | undefined): T => {
  expect(typeof value, 'populated relationship').toBe('object')
  return value as T
}

const COUNTS = {
  tags: 9,
  partners: 1,
  pages: 4,
  'glossary-terms': 6,
  axes: 2,
  themes: 6,
  projects: 3,
  articles: 2,
} as const

const counts = async () => {
  const entries = await Promise.all(
    (Object.keys(COUNTS) as (keyof typeof COUNTS)[]).map(
      async (collection) => [collection, (await ctx.payload.count({ collection })).totalDocs] as const,
    ),
  )
  return Object.fromEntries(entries)
}

beforeAll(async () => {
  ctx = await bootPayload()
  first = await seed(ctx.payload)
  second = await seed(ctx.payload)
})
afterAll(async () => ctx?.close())

describe('seed: loading', () => {
  it('loads everything into an empty database, then nothing more the second time', async () => {
    // 35 = 9 tags, 1 partner, 4 pages, 6 terms, 2 axes, 6 themes, 3 projects, 2 articles, 2 globals.
    expect(first.created).toBe(35)
    expect(second.created).toBe(0)
    expect(await counts()).toEqual(COUNTS)
  })

  it('never recreates or overwrites what an editor renamed, changed or deleted', async () => {
    const project = await one<Project>('/api/projects?where[slug][equals]=culture-et-ess')
    await ctx.payload.update({ collection: 'projects', id: project.id, data: { slug: 'culture-et-economie-sociale', year: 2019 } })
    const tag = await one<Tag>('/api/tags?where[slug][equals]=gouverner')
    await ctx.payload.delete({ collection: 'tags', id: tag.id })
    await ctx.payload.updateGlobal({ slug: 'site-settings', data: { tagline: 'Accroche modifiée' } })

    expect((await seed(ctx.payload)).created).toBe(0)
    expect(await ctx.payload.count({ collection: 'projects', where: { slug: { equals: 'culture-et-ess' } } })).toMatchObject({ totalDocs: 0 })
    expect((await ctx.payload.findByID({ collection: 'projects', id: project.id })).year).toBe(2019)
    expect(await ctx.payload.count({ collection: 'tags', where: { slug: { equals: 'gouverner' } } })).toMatchObject({ totalDocs: 0 })
    expect((await ctx.payload.findGlobal({ slug: 'site-settings' })).tagline).toBe('Accroche modifiée')

    // Restore the seed values for the read-back tests below.
    await ctx.payload.update({ collection: 'projects', id: project.id, data: { slug: 'culture-et-ess', year: null } })
    const restored = await ctx.payload.create({ collection: 'tags', data: { name: 'Gouverner', slug: 'gouverner', kind: 'mot-cle' } })
    const axis1 = await ctx.payload.find({ collection: 'axes', where: { number: { equals: 1 } }, depth: 0 })
    const keywords = (axis1.docs[0]!.keywords ?? []).map((k) => (typeof k === 'object' ? k.id : k))
    await ctx.payload.update({ collection: 'axes', id: axis1.docs[0]!.id, data: { keywords: [...keywords, restored.id] } })
    const { tagline } = await import('../../src/seed/data/site').then((m) => m.site.settings)
    await ctx.payload.updateGlobal({ slug: 'site-settings', data: { tagline } })
  })
})

describe('seed 000: the project card, through REST', () => {
  const SLUG = 'le-labo-de-l-ess-des-lieux-pour-accueillir-l-ess'
  let project: Project

  beforeAll(async () => {
    project = await one<Project>(`/api/projects?where[slug][equals]=${SLUG}&depth=1`)
  })

  it('has the card fields', () => {
    expect(project.title).toBe("Le Labo de l'ESS - Des lieux pour accueillir l'ESS")
    expect(project._status).toBe('published')
    expect(formatDateShort(project.contentUpdatedAt!)).toBe('09/03/2023')
    expect(project.year).toBe(2020)
    expect(project.scope).toBe('national')
    expect((project.domains ?? []).map((d) => populated<Tag>(d).name)).toEqual(['Éducation', 'Culture', 'Promotion ESS'])
    expect(project.lever).toBe("Faire (re)connaître l'ESS")
    expect(project.programme).toBe('Création de valeurs')
    expect(project.duration).toBe('2 ans')
    expect((project.conventionDates ?? []).map((c) => formatMonthYear(c.date))).toEqual([
      'septembre 2017',
      'juin 2018',
      'juin 2019',
      'juin 2020',
    ])
  })

  it('shows the carrying structure: legal form and contact information', () => {
    const structure = populated<Partner>(project.carryingStructure)
    expect(structure.name).toBe('Le Labo de l’ESS')
    expect(structure.legalForm).toBe('association')
    expect(structure.foundedYear).toBe(2010)
    expect(structure.founder).toBe('Claude Alphandéry')
    expect(structure.address).toEqual({ street: '5 rue Las Cases', postalCode: '75007', city: 'Paris', country: 'France' })
    expect(structure.email).toBe('contact@lelabo-ess.org')
    expect(structure.website).toMatch(/^https:\/\/www\.lelabo-ess\.org/)
    expect((structure.socialLinks ?? []).map((s) => s.network)).toEqual(['youtube', 'twitter', 'facebook', 'linkedin'])
    for (const link of structure.socialLinks ?? []) expect(link.url).toMatch(/^https:\/\//)
  })

  it('links the two earlier projects, published', () => {
    const related = (project.relatedProjects ?? []).map((p) => populated<Project>(p))
    expect(related.map((p) => p.title)).toEqual(['Culture & ESS', 'Agir contre la précarité alimentaire'])
    expect(related.every((p) => p._status === 'published')).toBe(true)
  })

  it('has the four sections with the seed text', () => {
    expect(plainText(project.supportedProject)).toBe(
      "Soutien à la stratégie de développement des lieux physiques et virtuels au service de l'ESS",
    )
    const context = plainText(project.context).split('\n')
    expect(context[0]).toMatch(/^Convaincu que l'ESS est un moteur essentiel du développement des territoires/)
    expect(context).toContain("1/ Un lieu physique pour un espace ouvert et dynamique au service de l'ESS")
    expect(context).toContain(
      "Organiser des projections-débats annuelles suivis d'échanges conviviaux pour faire découvrir l'ESS et échanger avec ses acteurs,",
    )
    expect(context).toContain('2/ Des lieux virtuels pour un écosystème plus souple et ouvert')
    expect(context.at(-1)).toBe(
      "Le Labo de l'ESS accompagnera tous ses travaux d'un résumé de 4 pages et proposera de nouveaux contenus : notes d'actualité, notes de propositions et actes de plaidoyer co-signés avec des partenaires.",
    )
    // Real structure: a heading and a three-item list.
    const kinds = (project.context?.root.children ?? []).map((n) => n.type)
    expect(kinds).toEqual(['paragraph', 'paragraph', 'heading', 'list', 'heading', 'paragraph', 'paragraph'])
    expect(plainText(project.structure)).toMatch(/^Association créée en 2010 par Claude Alphandéry, le Labo de l'ESS est un laboratoire d'idées/)
    expect(plainText(project.foundationOpinion)).toMatch(/contribue pleinement à la « théorie du changement » souhaitée par la Fondation\.$/)
  })
})

describe('seeds 001 and 002: axes and themes, through REST', () => {
  it('has both axes of "Les Cahiers d’espérances", published on 11 January 2012, with their themes in order', async () => {
    const { docs } = await get<List<Axis>>('/api/axes?sort=number&depth=1')
    expect(docs.map((a) => [a.number, a.title])).toEqual([
      [1, 'Organiser'],
      [4, 'Développer'],
    ])
    const [axis1, axis4] = docs as [Axis, Axis]
    for (const axis of docs) {
      expect(formatDateLong(axis.publishedAt!)).toBe('11 janvier 2012')
      expect(axis.series).toBe('cahiers-d-esperances')
      expect(axis.themesLead).toBe('Chacun des thèmes ci-dessous donnera lieu à un groupe de travail.')
      expect(populated<Page>(axis.parentPage).title).toBe('Les Cahiers d’espérances')
    }
    expect(axis1.tagline).toBe('Mutualiser, coopérer, gouverner')
    expect(axis4.tagline).toBe('Prévention, Développement durable, Innovation')
    expect((axis1.keywords ?? []).map((k) => populated<Tag>(k).name)).toEqual(['Mutualiser', 'Coopérer', 'Gouverner'])
    expect((axis4.keywords ?? []).map((k) => populated<Tag>(k).name)).toEqual(['Prévention', 'Développement durable', 'Innovation'])
    expect(plainText(axis1.introduction)).toMatch(/^L’ESS est un mouvement qui réinvente à toutes les échelles/)
    expect(plainText(axis4.introduction)).toMatch(/organiser des circuits courts qui créent de nouveaux liens entre producteurs durables et solidaires et consommateurs\./)

    const themeNumbers = (axis: Axis) => (axis.themes?.docs ?? []).map((t) => populated<Theme>(t).number)
    expect(themeNumbers(axis1)).toEqual([1, 2, 3])
    expect(themeNumbers(axis4)).toEqual([10, 11, 12])
  })

  it('has the six themes with their text and working group', async () => {
    const { docs } = await get<List<Theme>>('/api/themes?sort=number&depth=1&limit=20')
    expect(docs.map((t) => [t.number, populated<Axis>(t.axis).number])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [10, 4],
      [11, 4],
      [12, 4],
    ])
    const byNumber = new Map(docs.map((t) => [t.number, t]))
    expect(byNumber.get(1)!.title).toBe('Etendre la collaboration entre les acteurs de l’ESS ; mutualiser les outils financiers, techniques et humains')
    expect(byNumber.get(2)!.title).toBe('Organiser le triptyque : Etat, Privé, ESS.')
    expect(byNumber.get(3)!.title).toMatch(/pôles territoriaux de coopération économique \(PTCE\)$/)
    expect(byNumber.get(10)!.title).toBe('Développer l’innovation sociale de l’ESS')
    expect(byNumber.get(11)!.title).toMatch(/^Développer le concept et l’organisation des circuits courts au sens large/)
    expect(byNumber.get(12)!.title).toMatch(/vers un changement d’échelle$/)
    expect(plainText(byNumber.get(3)!.body).split('\n')[0]).toBe(
      'Comment coopérer dans les territoires pour faire face à la crise, innover et changer d’échelle ?',
    )
    expect(plainText(byNumber.get(11)!.body)).toMatch(/Le concept de circuit court, s’il a été développé par les AMAP, reste/)
    expect(byNumber.get(3)!.workingGroup).toMatchObject({
      status: 'Groupe de pilotage en place',
      note: 'Un groupe de pilotage travaille déjà sur ce thème',
      linkLabel: 'en savoir plus sur le thème 3',
    })
  })
})

describe('seeds 003 and 004: articles, through REST', () => {
  it('has the "Décideurs en région" interview with its source, date and comment policy', async () => {
    const article = await one<Article>('/api/articles?where[source.medium][equals]=Décideurs en région&depth=1')
    expect(article.title).toBe('Décideurs en région - Labo de l’ESS : rendre accessibles des solutions concrètes - Christelle Layre')
    expect(article.rubrique).toBe('on-parle-de-nous')
    expect(formatDateLong(article.publishedAt!)).toBe('8 février 2016')
    expect(article.excerpt).toMatch(/^Christelle Layre, responsable opérationnelle au Labo de l’ESS, accorde une interview à Décideurs en région/)
    expect(article.source?.label).toBe('Pour lire l’interview dans son intégralité cliquez ici.')
    expect(article.source?.url).toMatch(/^https:\/\//)
    expect(article.commentMode).toBe('default')
    const body = plainText(article.body).split('\n')
    expect(body[0]).toMatch(/^« Fondé en 2010, le Labo de l’ESS travaille à la promotion de l’économie sociale et solidaire en France\./)
    expect(body).toContain('Décideurs en région : Présentez-nous le Laboratoire de l’ESS ?')
    expect(body).toContain('Quels sont ces axes ?')
    expect(body.at(-1)).toMatch(/en faveur de la transition énergétique\. »$/)
    // Questions are bold.
    const question = article.body?.root.children[1] as unknown as { children: { format: number }[] }
    expect(question.children[0]!.format & 1).toBe(1)
    expect((article.relatedContent ?? []).map((r) => [r.relationTo, populated<Theme>(r.value as Theme).number])).toEqual([
      ['themes', 3],
      ['themes', 11],
    ])
  })

  it('has the Les Echos interview of 22 November 2016', async () => {
    const article = await one<Article>('/api/articles?where[source.medium][equals]=Les Echos')
    expect(article.rubrique).toBe('interviews')
    expect(formatDateLong(article.publishedAt!)).toBe('22 novembre 2016')
    expect(formatDateLong(article.source!.publishedOn!)).toBe('22 novembre 2016')
    expect(article.source?.section).toBe('Cahier Expertises Spécial Économie sociale et solidaire')
    expect(article.source?.label).toBe(
      'Accédez à l’intégralité de l’entretien dans le Cahier Expertises Spécial Économie sociale et solidaire, sorti le 22 novembre, par Les Echos.',
    )
    const body = plainText(article.body).split('\n')
    expect(body).toEqual([
      'Quelle est la mission du Labo de l’économie sociale et solidaire ?',
      expect.stringMatching(/^Le Labo de l’Economie sociale et solidaire est un think tank .* Le Labo capitalise ces expériences et en mesure les impacts\.$/),
      'Quelles sont ses actions prioritaires ?',
      expect.stringMatching(/^Parmi nos chantiers d’aujourd’hui.* des statuts, des accompagnements et des financements qui leur conviennent\.$/),
    ])
  })
})

describe('glossary, pages and site globals, through REST', () => {
  it('has the six glossary terms with the definitions the seeds show inline', async () => {
    const { docs } = await get<List<GlossaryTerm>>('/api/glossary-terms?sort=term&limit=20&depth=1')
    const byTerm = new Map(docs.map((t) => [t.term, t]))
    expect([...byTerm.keys()].sort()).toEqual(
      ['AMAP', 'Circuits courts', 'Coopération', 'ESS', 'Outils financiers solidaires', 'PTCE'].sort(),
    )
    expect(byTerm.get('ESS')!.shortDefinition).toBe(
      'Qu’est-ce que l’Économie sociale et solidaire (ESS) ?\nDéfinition et présentation de cette économie différente, socialement utile, coopérative et ancrée localement',
    )
    expect(plainText(byTerm.get('ESS')!.definition)).toMatch(
      /^Le terme d’Économie sociale et solidaire regroupe un ensemble de structures .* respectueuse de l’homme et de son environnement\.$/,
    )
    expect(byTerm.get('PTCE')!.shortDefinition).toBe('Pôles territoriaux de coopération économique.')
    expect(byTerm.get('Circuits courts')!.shortDefinition).toBe('Définition du concept de circuits courts économiques et solidaires')
    expect((byTerm.get('Circuits courts')!.variants ?? []).map((v) => v.variant)).toContain('circuit court')
    expect(byTerm.get('AMAP')!.shortDefinition).toMatch(/^Une Association pour le maintien d’une agriculture paysanne \(AMAP\) est un partenariat/)
    expect(byTerm.get('Outils financiers solidaires')!.shortDefinition).toBe('Définition')
    expect(byTerm.get('Coopération')!.shortDefinition).toMatch(/^Acteurs qui ont des intérêts similaires .* tout en maintenant leur identité économique$/)
    expect((byTerm.get('AMAP')!.relatedTerms ?? []).map((t) => populated<GlossaryTerm>(t).term)).toEqual(['Circuits courts'])
  })

  it('has the page tree of the breadcrumbs', async () => {
    const page = await one<Page>('/api/pages?where[slug][equals]=les-cahiers-d-esperances')
    expect((page.breadcrumbs ?? []).map((b) => b.label)).toEqual([
      'Le Labo de l’ESS',
      'Présentation',
      'L’histoire du Labo de l’ESS',
      'Les Cahiers d’espérances',
    ])
    expect(page.breadcrumbs?.at(-1)?.url).toBe('/le-labo-de-l-ess/presentation/l-histoire-du-labo-de-l-ess/les-cahiers-d-esperances')
  })

  it('has the site settings ("Nous suivre") and the menus', async () => {
    const settings = await get<SiteSettings>('/api/globals/site-settings')
    expect(settings.tagline).toBe(
      'Le Labo de l’ESS est un think tank qui construit, par un travail collaboratif, des axes structurants de l’économie sociale et solidaire, à partir d’initiatives concrètes, innovantes et inspirantes issues des territoires.',
    )
    expect(settings.contact).toEqual({ address: '5 rue Las Cases\n75007 Paris\nFrance', email: 'contact@lelabo-ess.org' })
    expect((settings.socialLinks ?? []).map((s) => s.network)).toEqual(['youtube', 'twitter', 'facebook', 'linkedin'])
    expect(settings.defaultCommentMode).toBe('a-priori')

    const nav = await get<Navigation>('/api/globals/navigation?depth=1')
    expect((nav.header ?? []).map((item) => item.label)).toEqual([
      'Le Labo de l’ESS',
      'Présentation',
      'Les Cahiers d’espérances',
      'Glossaire',
    ])
    const firstTarget = nav.header?.[0]?.link.reference?.value
    expect(populated<Page>(firstTarget as Page).slug).toBe('le-labo-de-l-ess')
    expect(nav.header?.[3]?.link).toMatchObject({ type: 'custom', url: '/glossaire' })
  })
})
