/**
 * The SPIP site's old addresses → redirects to the imported documents: `spip.php?article12`,
 * `article12.html`, `spip.php?page=article&id_article=12`, every `spip_urls` ("propres") row,
 * the same for rubriques and keywords, `IMG/…` files, and `spip.php?page=backend` → /rss.xml.
 * `redirectsOf` is pure; `writeRedirects` is the one place that writes them.
 */
import { sql } from '@payloadcms/db-postgres'
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { PAGE_COLLECTIONS } from '../collections/registry'
import { redirectKey } from '../lib/site-paths'
import { REDIRECTS } from '../plugins/redirects'
import { executorFor, tableOf } from '../plugins/shared/sql'

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

export function redirectsOf(dump: SpipDump, targetOf: TargetOf): RedirectEntry[] {
  const out = new Map<string, RedirectEntry>()
  // Addresses are kept as SPIP wrote them: `writeRedirects` normalises them as a request is (redirectKey).
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
    add(`/${marker(u.url)}`, targetOf(u.type as 'article' | 'rubrique' | 'mot', u.id_objet), `${u.type}:${u.id_objet}`)
  }
  for (const d of dump.documents) {
    if (d.distant || !d.fichier) continue
    add(`/IMG/${d.fichier}`, targetOf('document', d.id_document), `document:${d.id_document}`)
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
  batch?: number
}

type Outcome = 'created' | 'updated' | 'unchanged' | 'failed'

const targetText = (to: RedirectTarget) => ('url' in to ? `url:${to.url}` : `${to.relationTo}:${to.value}`)

/**
 * Writes the redirects into the `redirects` collection (@payloadcms/plugin-redirects, 301),
 * keyed on `from` (normalised by `redirectKey`, as the collection does). New ones are inserted in
 * SQL by batches, one transaction per batch (tens of thousands for a big site: the Local API
 * validates each `from` with two queries); one whose target changed is updated through the Local
 * API; an address an editor already redirects elsewhere by hand is left alone (reported
 * unchanged). Returns false when the site has no redirects collection (nothing written).
 */
export async function writeRedirects(entries: RedirectEntry[], w: RedirectWriter, onEach: (entry: RedirectEntry, outcome: Outcome, err?: unknown) => void): Promise<boolean> {
  const { payload } = w
  if (!(REDIRECTS in payload.collections)) return false
  const table = tableOf(payload, REDIRECTS)
  const rels = tableOf(payload, `${REDIRECTS}_rels`)
  const db = await executorFor(payload)
  const { rows } = await db.execute(sql`SELECT r."id", r."from", r."to_type", r."to_url", x."path", x."projects_id", x."axes_id", x."themes_id", x."articles_id", x."pages_id", x."glossary_terms_id"
    FROM ${table} r LEFT JOIN ${rels} x ON x."parent_id" = r."id" AND x."path" = 'to.reference'`)
  const existing = new Map<string, { id: number; target: string }>()
  for (const r of rows as Record<string, unknown>[]) {
    const ref = PAGE_COLLECTIONS.find((c) => r[`${c.replace(/-/g, '_')}_id`] != null)
    const target = r.to_type === 'custom' ? `url:${r.to_url}` : ref ? `${ref}:${r[`${ref.replace(/-/g, '_')}_id`]}` : ''
    existing.set(String(r.from), { id: Number(r.id), target })
  }
  const fresh: (RedirectEntry & { from: string })[] = []
  for (const e of entries) {
    const from = redirectKey(e.from)
    if (!from) {
      onEach(e, 'failed', new Error(`adresse « ${e.from} » impossible à rediriger`))
      continue
    }
    if ('relationTo' in e.to && !(PAGE_COLLECTIONS as readonly string[]).includes(e.to.relationTo)) {
      onEach(e, 'failed', new Error(`destination ${e.to.relationTo} sans page`))
      continue
    }
    const have = existing.get(from)
    if (!have) {
      fresh.push({ ...e, from })
      existing.set(from, { id: 0, target: targetText(e.to) })
      continue
    }
    if (have.target === targetText(e.to) || have.id === 0) {
      onEach(e, 'unchanged')
      continue
    }
    if (w.dryRun) {
      onEach(e, 'updated')
      continue
    }
    try {
      await w.inTransaction((req) =>
        payload.update({ collection: REDIRECTS as CollectionSlug, id: have.id, data: { to: toData(e.to) } as never, depth: 0, overrideAccess: true, context: w.context, req }),
      )
      onEach(e, 'updated')
    } catch (err) {
      onEach(e, 'failed', err)
    }
  }
  const batch = w.batch ?? 2000
  for (let i = 0; i < fresh.length; i += batch) {
    const chunk = fresh.slice(i, i + batch)
    if (!w.dryRun) {
      try {
        await w.inTransaction(async (req) => {
          const tx = await executorFor(payload, req)
          const now = new Date().toISOString()
          const values = chunk.map((e) => ({ from: e.from, to_type: 'url' in e.to ? 'custom' : 'reference', to_url: 'url' in e.to ? e.to.url : null, type: '301', created_at: now, updated_at: now }))
          const ids = await tx.execute(sql`INSERT INTO ${table} ("from", "to_type", "to_url", "type", "created_at", "updated_at")
            SELECT "from", "to_type", "to_url", "type", "created_at", "updated_at" FROM json_populate_recordset(NULL::${table}, ${JSON.stringify(values)}::json)
            RETURNING "id", "from"`)
          const idOf = new Map((ids.rows as { id: number; from: string }[]).map((r) => [r.from, r.id]))
          const relRows = chunk
            .filter((e) => 'relationTo' in e.to)
            .map((e) => {
              const to = e.to as { relationTo: string; value: number | string }
              const row: Record<string, unknown> = { parent_id: idOf.get(e.from), path: 'to.reference' }
              for (const c of PAGE_COLLECTIONS) row[`${c.replace(/-/g, '_')}_id`] = c === to.relationTo ? to.value : null
              return row
            })
          if (relRows.length) {
            const cols = sql.raw(['parent_id', 'path', ...PAGE_COLLECTIONS.map((c) => `${c.replace(/-/g, '_')}_id`)].map((c) => `"${c}"`).join(', '))
            await tx.execute(sql`INSERT INTO ${rels} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${rels}, ${JSON.stringify(relRows)}::json)`)
          }
        })
      } catch (err) {
        for (const e of chunk) onEach(e, 'failed', err)
        continue
      }
    }
    for (const e of chunk) onEach(e, 'created')
  }
  return true
}

const toData = (to: RedirectTarget) => ('url' in to ? { type: 'custom', url: to.url, reference: null } : { type: 'reference', reference: to, url: null })
