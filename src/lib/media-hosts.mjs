// Where the site's media files are served from, read by next.config.mjs (plain JS) and the app.
// Payload has no serverURL (payload.config.ts): a file it serves has a site-relative URL,
// /api/media/file/<name>, valid at every address of the site. With S3_PUBLIC_URL, files are
// read straight from that host (a public bucket or its CDN), and next/image may fetch from it.

/** The path Payload serves the Media collection's files under. */
export const MEDIA_FILE_PATH = '/api/media/file'

/**
 * S3_PUBLIC_URL without its trailing slash, or null when media go through the site.
 * @param {Record<string, string | undefined>} [env]
 * @returns {string | null}
 */
export function mediaPublicURL(env = process.env) {
  const raw = env.S3_PUBLIC_URL?.trim()
  if (!raw) return null
  let url
  try {
    url = new URL(raw)
  } catch {
    url = null
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new Error(`S3_PUBLIC_URL : « ${raw} » n’est pas une adresse http(s) de dossier (exemple : https://medias.lelabo-ess.org/labo).`)
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/**
 * The sources next/image may resize: the site's media files, and the public media host if any
 * (that host and path exactly, nothing wider).
 * @param {Record<string, string | undefined>} [env]
 */
export function mediaImagePatterns(env = process.env) {
  const base = mediaPublicURL(env)
  const remote = base ? new URL(base) : null
  return {
    localPatterns: [{ pathname: `${MEDIA_FILE_PATH}/**` }],
    remotePatterns: remote
      ? [
          {
            protocol: /** @type {'http' | 'https'} */ (remote.protocol.slice(0, -1)),
            hostname: remote.hostname,
            port: remote.port,
            pathname: `${remote.pathname.replace(/\/+$/, '')}/**`,
          },
        ]
      : [],
  }
}
