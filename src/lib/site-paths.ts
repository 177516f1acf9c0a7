/** Public paths of the site, shared by pages, links, the sitemap and revalidation. */
export const paths = {
  home: '/',
  projects: '/projets',
  project: (slug: string) => `/projets/${slug}`,
  axes: '/axes',
  axis: (slug: string) => `/axes/${slug}`,
  theme: (slug: string) => `/themes/${slug}`,
  articles: '/articles',
  article: (slug: string) => `/articles/${slug}`,
  partners: '/partenaires',
  glossary: '/glossaire',
  term: (slug: string) => `/glossaire/${slug}`,
  /** The page to answer a comment (works without JavaScript; not indexed). */
  commentReply: (id: number | string) => `/commentaires/${id}/repondre`,
} as const

export const siteOrigin = () => (process.env.SITE_URL || 'http://localhost:3000').replace(/\/+$/, '')

export const absoluteURL = (path: string) => `${siteOrigin()}${path}`
