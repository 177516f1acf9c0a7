import { RUBRIQUES } from '@/collections/Articles'
import { getPayloadClient, getSite } from '@/data/payload'
import { labelOf } from '@/lib/labels'
import { plainText } from '@/lib/seo'
import { absoluteURL, paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'

// Static: built once, then refreshed by the publication hooks (revalidatePath('/rss.xml')).
export const dynamic = 'force-static'
export const revalidate = false

const ITEMS = 20

/** Text for XML: the five special characters escaped, characters XML 1.0 forbids removed. */
function xmlEscape(value: string): string {
  return value
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** RFC 822 date, as RSS 2.0 wants it: "Mon, 08 Feb 2016 12:00:00 GMT". */
const rfc822 = (value: string | Date): string | null => {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toUTCString()
}

const element = (name: string, value: string | null | undefined, attrs = ''): string =>
  value ? `<${name}${attrs}>${xmlEscape(value)}</${name}>` : ''

/** RSS 2.0 feed of the 20 latest published articles. */
export async function GET(): Promise<Response> {
  const payload = await getPayloadClient()
  const [{ settings }, { docs }] = await Promise.all([
    getSite(),
    payload.find({
      collection: 'articles',
      sort: ['-publishedAt', '-id'],
      limit: ITEMS,
      pagination: false,
      depth: 0,
      select: { title: true, slug: true, excerpt: true, body: true, rubrique: true, publishedAt: true },
      overrideAccess: false,
    }),
  ])

  const home = absoluteURL(paths.home)
  const self = absoluteURL('/rss.xml')
  const items = docs.map((article) => {
    const url = absoluteURL(paths.article(article.slug))
    const description = article.excerpt || plainText(article.body, 400)
    return [
      '<item>',
      element('title', t(article.title)),
      element('link', url),
      element('guid', url, ' isPermaLink="true"'),
      element('pubDate', article.publishedAt ? rfc822(article.publishedAt) : null),
      element('category', labelOf(RUBRIQUES, article.rubrique)),
      element('description', description ? t(description) : null),
      '</item>',
    ]
      .filter(Boolean)
      .join('')
  })
  const lastBuild = docs[0]?.publishedAt ? rfc822(docs[0].publishedAt) : null

  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    element('title', t(settings.name)),
    element('link', home),
    element('description', t(settings.tagline || `Les articles de ${settings.name}`)),
    element('language', 'fr'),
    `<atom:link href="${xmlEscape(self)}" rel="self" type="application/rss+xml"/>`,
    element('lastBuildDate', lastBuild),
    ...items,
    '</channel>',
    '</rss>',
  ]
    .filter(Boolean)
    .join('\n')

  return new Response(xml + '\n', {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  })
}
