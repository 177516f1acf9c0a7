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

type Env = Record<string, string | undefined>

/** The canonical origin of the site (SITE_URL): canonical links, e-mails, feeds, sitemaps. */
export const siteOrigin = (env: Env = process.env) => (env.SITE_URL || 'http://localhost:3000').replace(/\/+$/, '')

/** Whether the site is served over HTTPS (SITE_URL is https): HSTS, Secure cookies. */
export const siteIsHttps = (env: Env = process.env): boolean => /^https:/i.test(siteOrigin(env))

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]']

/** The origin of an address from the environment, or a French error naming the variable. */
const originOf = (variable: string, url: string): string => {
  let origin = 'null'
  try {
    origin = new URL(url.trim()).origin
  } catch {
    // reported below
  }
  if (origin === 'null' || !/^https?:/.test(origin)) {
    throw new Error(`${variable} : « ${url.trim()} » n’est pas une adresse http(s) (exemple : https://www.lelabo-ess.org).`)
  }
  return origin
}

/**
 * Every origin the site and the admin are served at: SITE_URL, its loopback twins on this
 * machine (localhost, 127.0.0.1, [::1] on the same port), and SITE_ALIASES (comma-separated:
 * a www or bare-domain twin). Browsers' logged-in requests are accepted from these only (CSRF).
 */
export function siteOrigins(env: Env = process.env): string[] {
  const canonical = new URL(originOf('SITE_URL', siteOrigin(env)))
  const origins = [canonical.origin]
  if (LOOPBACK_HOSTS.includes(canonical.hostname)) {
    for (const host of LOOPBACK_HOSTS) {
      const twin = new URL(canonical.origin)
      twin.hostname = host
      origins.push(twin.origin)
    }
  }
  for (const alias of (env.SITE_ALIASES ?? '').split(',')) {
    if (alias.trim()) origins.push(originOf('SITE_ALIASES', alias))
  }
  return [...new Set(origins)]
}

export const absoluteURL = (path: string) => `${siteOrigin()}${path}`
