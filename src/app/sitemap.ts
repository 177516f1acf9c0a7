import type { MetadataRoute } from 'next'

import { publicPath } from '@/lib/site-paths'
import { getPayloadClient } from '@/data/payload'
import { absoluteURL, paths } from '@/lib/site-paths'

// Static: built once, then refreshed by the publication hooks (revalidatePath('/sitemap.xml')).
export const dynamic = 'force-static'
export const revalidate = false

type Entry = MetadataRoute.Sitemap[number]

const latest = (dates: string[]): Date | undefined => {
  const times = dates.map((d) => Date.parse(d)).filter((n) => !Number.isNaN(n))
  return times.length ? new Date(Math.max(...times)) : undefined
}

/** Every public page: home, lists and each published document — one query per collection. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const payload = await getPayloadClient()
  const common = { pagination: false, depth: 0, overrideAccess: false } as const
  const slugAndDate = { slug: true, updatedAt: true } as const
  const [projects, axes, themes, articles, pages, terms, partners] = await Promise.all([
    payload.find({ collection: 'projects', ...common, select: slugAndDate }),
    payload.find({ collection: 'axes', ...common, select: slugAndDate }),
    payload.find({ collection: 'themes', ...common, select: slugAndDate }),
    payload.find({ collection: 'articles', ...common, select: slugAndDate }),
    payload.find({ collection: 'pages', ...common, select: { ...slugAndDate, breadcrumbs: true } }),
    payload.find({ collection: 'glossary-terms', ...common, select: slugAndDate }),
    payload.find({ collection: 'partners', ...common, select: { updatedAt: true } }),
  ])

  const list = (path: string, docs: { updatedAt: string }[]): Entry => ({
    url: absoluteURL(path),
    lastModified: latest(docs.map((d) => d.updatedAt)),
  })
  const docs = (collection: string, items: { slug?: string | null; updatedAt: string; breadcrumbs?: unknown }[]): Entry[] =>
    items.flatMap((doc) => {
      const path = publicPath(collection, doc)
      return path ? [{ url: absoluteURL(path), lastModified: new Date(doc.updatedAt) }] : []
    })

  const everything = [projects, axes, themes, articles, pages, terms, partners].flatMap((r) => r.docs)
  return [
    list(paths.home, everything),
    list(paths.projects, projects.docs),
    list(paths.axes, axes.docs),
    list(paths.articles, articles.docs),
    list(paths.partners, partners.docs),
    ...(terms.docs.length ? [list(paths.glossary, terms.docs)] : []),
    ...docs('projects', projects.docs),
    ...docs('axes', axes.docs),
    ...docs('themes', themes.docs),
    ...docs('articles', articles.docs),
    ...docs('pages', pages.docs),
    ...docs('glossary-terms', terms.docs),
  ]
}
