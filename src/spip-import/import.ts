/**
 * Imports a read SPIP dump (./read.ts) into Payload: authors, keywords, documents, rubriques,
 * articles (as articles, pages or projects), forum messages and old addresses, in that order.
 *
 * - Each object is written through the Local API (overrideAccess: a trusted import) in a
 *   transaction of its own with its relations (a project with its carrying structure, an account
 *   with its cleared password): a bad object is reported and skipped, never half written.
 * - Every document keeps its SPIP key (`spipKey`, "article:12"): a second run updates instead of
 *   creating. A hash of what was written last is kept in Payload's key-value store: an object
 *   whose SPIP data did not change is not written again (an editor's later work stays).
 * - Links to documents not written yet are resolved in a second pass.
 * - Forum messages are inserted in batches in SQL (one transaction per batch, every row checked
 *   before), the Local API being too slow for 100,000 of them (see bench/spip-import.ts).
 * - No search indexing, page refresh, webhook or REST-cache bump per document: all once at the end.
 * - `dryRun`: the same work and the same report, nothing written.
 */
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'

import { sql } from '@payloadcms/db-postgres'
import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { IMPORTED_ACCOUNT } from '../collections/Users/hooks'
import { ALLOWED_MIME_TYPES, MAX_UPLOAD_BYTES } from '../collections/Media/constraints'
import type { SpipReport, SpipResolver } from '../lib/spip-markup'
import { hasField } from '../fields/has-field'
import { EVERYTHING } from '../lib/page-refresh'
import { hasDrafts } from '../lib/publication'
import { SEARCH_TYPES } from '../lib/search-types'
import { paths } from '../lib/site-paths'
import { slugify } from '../lib/slug'
import { excerptOf, fingerprintOf, TRUSTED_IMPORT } from '../plugins/comments'
import { bumpRestCache, SKIP_REST_CACHE } from '../plugins/rest-cache'
import { reindexAll, SKIP_SEARCH_INDEX } from '../plugins/search'
import { refreshPaths, SKIP_PAGE_REFRESH } from '../plugins/shared/refresh'
import { executorFor, tableOf } from '../plugins/shared/sql'
import { SKIP_WEBHOOKS } from '../plugins/webhooks'
import {
  articleData,
  articleRefs,
  commentData,
  glossaryData,
  pageData,
  plainText,
  projectData,
  publication,
  type CommentRow,
  type Convert,
  type Data,
  type ProjectFields,
} from './convert'
import { Placement, plainTitle, type ArticleTarget, type SpipMapping } from './mapping'
import type { SpipDump } from './read'
import type { SpipArticle, SpipMot } from './schema'
import { formatSummary, summary } from './read'
import { redirectsOf, writeRedirects, type RedirectTarget } from './redirects'
import { ImportReport, Progress, errorText } from './report'

export type ImportOptions = {
  file: string
  mapping: SpipMapping
  /** The site's IMG/ folder. */
  mediaDir?: string
  dryRun?: boolean
  progress?: Progress
  /** Forum messages per SQL batch. */
  commentBatch?: number
  /** Objects written at once (each in its own transaction). */
  concurrency?: number
}

type Id = number | string
type Known = { collection: string; id: Id; status?: string; url?: string }

/** Collections that receive imports (each has the `spipKey` field). */
const TARGETS = ['users', 'tags', 'glossary-terms', 'media', 'pages', 'articles', 'projects', 'partners', 'comments'] as const
type Target = (typeof TARGETS)[number]
const COMMENTABLE = ['articles', 'projects']

const CONTEXT = {
  [SKIP_SEARCH_INDEX]: true,
  [SKIP_PAGE_REFRESH]: true,
  [SKIP_REST_CACHE]: true,
  [SKIP_WEBHOOKS]: true,
  [TRUSTED_IMPORT]: true,
  [IMPORTED_ACCOUNT]: true,
}

/** Runs `fn` over `items`, `n` at a time (each object in its own transaction). */
async function inParallel<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await fn(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker))
}

/** `[…->12]`, `[…->art12]`, `[…->article12#x]`: links to an article. */
const ARTICLE_LINK = /->\s*(?:art(?:icle)?\s*)?(\d+)\s*(?:#[\w-]*)?\]/gi

const hashOf = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 32)
const kvKey = (collection: string, key: string) => `spip-import:${collection}:${key}`

class Importer {
  readonly report: ImportReport
  readonly place: Placement
  private readonly progress: Progress
  private readonly dryRun: boolean
  /** spipKey → where it is, per collection ("article:12" may be in articles, pages or projects). */
  private readonly known = new Map<string, Known>()
  /** Slugs in use per collection, and the documents not imported that an import may adopt. */
  private readonly slugs = new Map<string, Set<string>>()
  private readonly adoptable = new Map<string, Map<string, Id>>()
  private readonly emails = new Map<string, Id>()
  /** Where each article goes (decided before anything is written: links need it). */
  private readonly articleTargets = new Map<number, ArticleTarget>()
  private readonly secondPass: (() => Promise<void>)[] = []
  private fakeId = 0
  private readonly concurrency: number

  constructor(
    readonly payload: Payload,
    readonly dump: SpipDump,
    readonly options: ImportOptions,
  ) {
    this.dryRun = Boolean(options.dryRun)
    this.concurrency = Math.max(1, options.concurrency ?? Number(process.env.SPIP_IMPORT_CONCURRENCY || 6))
    this.progress = options.progress ?? new Progress(null)
    this.place = new Placement(dump, options.mapping)
    this.report = new ImportReport(
      { version: dump.version.label, file: options.file, dryRun: this.dryRun },
      formatSummary(summary(dump)),
      [...dump.warnings],
    )
  }

  // --- storage ---------------------------------------------------------------------------------------

  private async load(): Promise<void> {
    const db = await executorFor(this.payload)
    for (const collection of TARGETS) {
      const table = tableOf(this.payload, collection)
      const config = this.payload.collections[collection].config
      const withSlug = hasField(config.fields, 'slug')
      const cols = sql.raw(
        collection === 'media' ? ', "filename" AS extra' : collection === 'users' ? ', "email" AS extra' : withSlug ? ', "slug" AS extra' : '',
      )
      const status = sql.raw(collection === 'comments' ? ', "status"' : hasDrafts(config) ? ', "_status" AS status' : '')
      const { rows } = await db.execute(sql`SELECT "id", "spip_key"${cols}${status} FROM ${table}`)
      const slugs = new Set<string>()
      const adoptable = new Map<string, Id>()
      for (const r of rows as { id: Id; spip_key: string | null; extra?: string | null; status?: string }[]) {
        if (r.spip_key) {
          this.known.set(`${collection}|${r.spip_key}`, {
            collection,
            id: r.id,
            status: r.status ?? undefined,
            url: collection === 'media' && r.extra ? `/api/media/file/${encodeURIComponent(r.extra)}` : undefined,
          })
        }
        if (collection === 'users' && r.extra) {
          if (!r.spip_key) this.emails.set(r.extra.toLowerCase(), r.id)
        } else if (r.extra) {
          slugs.add(r.extra)
          if (!r.spip_key) adoptable.set(r.extra, r.id)
        }
      }
      this.slugs.set(collection, slugs)
      this.adoptable.set(collection, adoptable)
    }
  }

  private get(collection: string, key: string): Known | undefined {
    return this.known.get(`${collection}|${key}`)
  }

  /** A slug free in the collection for a new document (suffixed with the SPIP id when taken). */
  private freeSlug(collection: string, title: string, id: number): string {
    const taken = this.slugs.get(collection)!
    const base = slugify(title) || `spip-${id}`
    let slug = taken.has(base) ? `${base}-${id}` : base
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${id}-${n}`
    taken.add(slug)
    return slug
  }

  async inTransaction<T>(fn: (req: Partial<PayloadRequest>) => Promise<T>): Promise<T> {
    const transactionID = (await this.payload.db.beginTransaction()) ?? undefined
    const req: Partial<PayloadRequest> = transactionID === undefined ? {} : { transactionID }
    try {
      const result = await fn(req)
      if (transactionID !== undefined) await this.payload.db.commitTransaction(transactionID)
      return result
    } catch (err) {
      if (transactionID !== undefined) await this.payload.db.rollbackTransaction(transactionID).catch(() => {})
      throw err
    }
  }

  /**
   * Creates or updates the document of `key` in `collection` with `data`, in a transaction with
   * `also` (its relations). Returns its id, or null when it failed (reported).
   */
  async upsert(
    collection: Target,
    key: string,
    data: Data,
    o: {
      title: string
      slugFrom?: string
      spipId?: number
      filePath?: string
      /** Set on create only (a password, roles): an update never changes them. */
      createOnly?: Data
      also?: (req: Partial<PayloadRequest>, id: Id) => Promise<void>
      reportAs?: string
      onOutcome?: (outcome: 'created' | 'updated' | 'unchanged' | 'failed') => void
    },
  ): Promise<Id | null> {
    const outcome = (what: 'created' | 'updated' | 'unchanged' | 'failed') => {
      o.onOutcome?.(what)
      if (what !== 'failed') this.report.count(o.reportAs ?? collection, what)
      return what
    }
    const type = o.reportAs ?? collection
    const existing = this.get(collection, key)
    const hash = hashOf(data)
    try {
      if (existing && (await this.payload.kv.get<{ hash: string }>(kvKey(collection, key)))?.hash === hash) {
        outcome('unchanged')
        return existing.id
      }
      let adopt: Id | undefined
      let slug: string | undefined
      if (!existing && o.slugFrom !== undefined) {
        const wanted = slugify(o.slugFrom)
        const candidate = this.adoptable.get(collection)?.get(wanted)
        if (candidate !== undefined) {
          adopt = candidate
          this.adoptable.get(collection)!.delete(wanted)
        } else slug = this.freeSlug(collection, o.slugFrom, o.spipId ?? 0)
      }
      const status = typeof data._status === 'string' ? data._status : undefined
      if (this.dryRun) {
        const id = existing?.id ?? adopt ?? --this.fakeId
        this.remember(collection, key, { collection, id, status, url: o.filePath ? `/api/media/file/${encodeURIComponent(path.basename(o.filePath))}` : undefined })
        outcome(existing || adopt !== undefined ? 'updated' : 'created')
        return id
      }
      const doc = await this.inTransaction(async (req) => {
        const common = { collection: collection as CollectionSlug, depth: 0, overrideAccess: true, context: CONTEXT, req }
        const id = existing?.id ?? adopt
        const written = (
          id !== undefined
            ? await this.payload.update({ ...common, id, data: { ...data, spipKey: key } as never })
            : await this.payload.create({ ...common, data: { ...data, ...o.createOnly, spipKey: key, ...(slug ? { slug } : {}) } as never, ...(o.filePath ? { filePath: o.filePath } : {}) })
        ) as { id: Id; filename?: string }
        await o.also?.(req, written.id)
        return written
      })
      await this.payload.kv.set(kvKey(collection, key), { hash })
      this.remember(collection, key, { collection, id: doc.id, status, url: doc.filename ? `/api/media/file/${encodeURIComponent(doc.filename)}` : undefined })
      outcome(existing || adopt !== undefined ? 'updated' : 'created')
      return doc.id
    } catch (err) {
      outcome('failed')
      this.report.fail(type, key, err, o.title)
      return null
    }
  }

  private remember(collection: string, key: string, k: Known): void {
    this.known.set(`${collection}|${key}`, k)
  }

  // --- references ------------------------------------------------------------------------------------

  /** Where `article:12`, `rubrique:3`… went: a document, a URL, or nothing. */
  private targetOf(type: string, id: number): (Known & { pending?: boolean }) | { url: string } | null {
    switch (type) {
      case 'article': {
        const target = this.articleTargets.get(id)
        if (!target || target === 'ignore') return null
        return this.get(target, `article:${id}`) ?? { collection: target, id: 0, pending: true }
      }
      case 'rubrique': {
        if (this.place.rubriqueIsPage(id)) return this.get('pages', `rubrique:${id}`) ?? (this.dump.rubriques.some((r) => r.id_rubrique === id) ? { collection: 'pages', id: 0, pending: true } : null)
        const section = this.place.sectionOf(id)
        return { url: section ? `${paths.articles}?rubrique=${section}` : paths.projects }
      }
      case 'document':
        return this.get('media', `document:${id}`) ?? null
      case 'mot': {
        const t = this.place.motTarget(id)
        if (t === 'glossaire') return this.get('glossary-terms', `mot:${id}`) ?? null
        const mot = this.dump.mots.find((m) => m.id_mot === id)
        return mot && t !== 'ignore' ? { url: `/recherche?q=${encodeURIComponent(plainTitle(mot.titre))}` } : null
      }
      default:
        return null
    }
  }

  private titles: Map<string, string> | null = null

  private titleOf(type: string, id: number): string | undefined {
    if (!this.titles) {
      const d = this.dump
      this.titles = new Map<string, string>([
        ...d.articles.map((a) => [`article:${a.id_article}`, plainTitle(a.titre)] as [string, string]),
        ...d.rubriques.map((r) => [`rubrique:${r.id_rubrique}`, plainTitle(r.titre)] as [string, string]),
        ...d.mots.map((m) => [`mot:${m.id_mot}`, plainTitle(m.titre)] as [string, string]),
        ...d.documents.map((x) => [`document:${x.id_document}`, plainTitle(x.titre)] as [string, string]),
      ])
    }
    return this.titles.get(`${type}:${id}`) || undefined
  }

  /** A converter for the text of `from`: reports are kept until the object is final. */
  private converter(from: string): Convert & { pending: () => boolean; flush: () => void } {
    let pending = false
    const reports: SpipReport[] = []
    const resolve: SpipResolver = (ref, usage) => {
      const t = this.targetOf(ref.type, ref.id)
      if (!t) return null
      if ('pending' in t && t.pending) {
        pending = true
        return null
      }
      // The link text of `[->art12]`: the title of the SPIP object, as SPIP shows it.
      const title = this.titleOf(ref.type, ref.id)
      if ('url' in t && !('id' in t)) return { url: t.url, ...(title ? { title } : {}) }
      const k = t as Known
      if (k.collection === 'media') return usage === 'media' ? { media: k.id } : k.url ? { url: k.url, ...(title ? { title } : {}) } : null
      return { relationTo: k.collection, value: k.id, ...(title ? { title } : {}) }
    }
    return {
      resolve,
      sink: (r) => reports.push(r),
      pending: () => pending,
      flush: () => reports.forEach((r) => this.report.markup(from, r)),
    }
  }

  // --- phases ----------------------------------------------------------------------------------------

  private async phase(name: string, total: number, fn: () => Promise<void>): Promise<void> {
    const started = Date.now()
    this.progress.start(name, total)
    await fn()
    this.progress.end()
    this.report.durations[name] = Date.now() - started
  }

  private tick(): void {
    this.progress.tick()
  }

  async run(): Promise<ImportReport> {
    const cpu = process.cpuUsage()
    await this.load()
    for (const a of this.dump.articles) this.articleTargets.set(a.id_article, this.place.articleTarget(a.id_article, a.id_rubrique))
    await this.phase('Auteurs', this.dump.auteurs.length, () => this.users())
    await this.phase('Mots-clés', this.dump.mots.length, () => this.mots())
    await this.phase('Documents', this.dump.documents.length + this.dump.logos.filter((l) => l.source === 'fichier').length, () => this.media())
    await this.phase('Rubriques', this.dump.rubriques.length, () => this.rubriques())
    await this.phase('Articles', this.dump.articles.length, () => this.articles())
    await this.phase('Liens (2e passe)', this.secondPass.length, () =>
      inParallel(this.secondPass, this.concurrency, async (fn) => {
        await fn()
        this.tick()
      }),
    )
    await this.phase('Forum', this.dump.forums.length, () => this.comments())
    await this.phase('Redirections', 1, () => this.redirects())
    // Once, at the end, and only if something was written.
    const changed = Object.values(this.report.counts).some((c) => c.created + c.updated > 0)
    if (!this.dryRun && changed) await this.phase('Index et pages', 1, () => this.finish())
    const used = process.cpuUsage(cpu)
    this.report.cpuMs = Math.round((used.user + used.system) / 1000)
    return this.report
  }

  private async users(): Promise<void> {
    await inParallel(this.dump.auteurs, this.concurrency, async (a) => {
      const key = `auteur:${a.id_auteur}`
      const name = plainTitle(a.nom) || a.login || `Auteur ${a.id_auteur}`
      this.tick()
      if (a.statut !== '0minirezo' && a.statut !== '1comite') {
        this.report.skip('users', key, a.statut === '5poubelle' ? 'auteur supprimé (à la poubelle)' : a.statut === '6forum' ? 'visiteur (compte du forum) : son nom reste sur ses messages' : `statut « ${a.statut} »`, name)
        return
      }
      const email = a.email.trim().toLowerCase()
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
        this.report.skip('users', key, 'pas d’adresse e-mail valide : un compte en demande une (son nom reste sur ses articles)', name)
        return
      }
      const other = this.emails.get(email)
      if (other !== undefined && !this.get('users', key)) {
        this.report.skip('users', key, `un compte existe déjà avec l’adresse ${email} : il est gardé tel quel`, name)
        return
      }
      await this.upsert('users', key, { name, email }, {
        title: name,
        createOnly: { roles: ['editor'], password: randomBytes(24).toString('base64url') },
        // No password: a random one is needed to create the account, then cleared; they choose theirs with « Mot de passe oublié ».
        also: async (req, id) => {
          await (await executorFor(this.payload, req)).execute(sql`UPDATE ${tableOf(this.payload, 'users')} SET "hash" = NULL, "salt" = NULL WHERE "id" = ${id}`)
        },
      })
    })
  }

  private async mots(): Promise<void> {
    const groups = new Map(this.dump.groupesMots.map((g) => [g.id_groupe, g]))
    for (const m of this.dump.mots) {
      this.tick()
      const key = `mot:${m.id_mot}`
      const title = plainTitle(m.titre)
      const target = this.place.motTarget(m.id_mot)
      if (target === 'glossaire') {
        const c = this.converter(key)
        const data = glossaryData(m, c)
        const id = await this.upsert('glossary-terms', key, data, { title, slugFrom: title, spipId: m.id_mot })
        if (id !== null) c.flush()
      } else if (target === 'mot-cle' || target === 'domaine') {
        await this.upsert('tags', key, { name: title, kind: target }, { title, slugFrom: title, spipId: m.id_mot })
      } else if (target === 'ignore') {
        this.report.skip('tags', key, `groupe « ${plainTitle(groups.get(m.id_groupe)?.titre ?? '')} » ignoré (fichier de correspondance)`, title)
      }
      // Project fields (périmètre, levier…) are read on the projects.
    }
  }

  private async media(): Promise<void> {
    const dir = this.options.mediaDir
    if (!dir) this.report.notes.push('Sans --media, les documents et logos ne sont pas importés (pas de dossier IMG).')
    const files: { key: string; fichier: string; alt: string; caption: string | null; credit: string | null }[] = this.dump.documents.map((d) => {
      const titre = plainTitle(d.titre)
      const alt = plainTitle(d.alt) || titre || path.basename(d.fichier).replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ')
      return { key: `document:${d.id_document}`, fichier: d.distant ? '' : d.fichier, alt, caption: titre && titre !== alt ? titre : null, credit: plainTitle(d.credits) || null }
    })
    for (const l of this.dump.logos) {
      if (l.source === 'fichier') files.push({ key: `logo:${l.objet}:${l.id_objet}:${l.etat}`, fichier: l.fichier, alt: `Logo (${l.objet} ${l.id_objet})`, caption: null, credit: null })
    }
    await inParallel(files, this.concurrency, async (f) => {
      this.tick()
      if (!f.fichier) {
        this.report.skip('media', f.key, 'document distant (une adresse, pas un fichier) : gardé comme lien', f.alt)
        return
      }
      if (!dir) {
        this.report.skip('media', f.key, 'dossier IMG non fourni (--media)', f.alt)
        return
      }
      const file = path.join(dir, f.fichier)
      if (!existsSync(file)) {
        this.report.missingFiles.push({ key: f.key, file: `IMG/${f.fichier}` })
        this.report.skip('media', f.key, `fichier IMG/${f.fichier} absent`, f.alt)
        return
      }
      const ext = path.extname(file).slice(1).toLowerCase()
      const mime = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', pdf: 'application/pdf' }[ext]
      if (!mime || !(ALLOWED_MIME_TYPES as readonly string[]).includes(mime)) {
        this.report.skip('media', f.key, `type de fichier .${ext} non accepté par la médiathèque`, f.alt)
        return
      }
      if (statSync(file).size > MAX_UPLOAD_BYTES) {
        this.report.skip('media', f.key, `fichier de plus de ${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} Mo`, f.alt)
        return
      }
      await this.upsert('media', f.key, { alt: f.alt, caption: f.caption, credit: f.credit }, { title: f.alt, filePath: file })
    })
  }

  private async rubriques(): Promise<void> {
    const depth = (id: number) => this.place.chain(id).length
    const ordered = [...this.dump.rubriques].sort((a, b) => depth(a.id_rubrique) - depth(b.id_rubrique) || a.id_rubrique - b.id_rubrique)
    const levels = [...new Set(ordered.map((r) => depth(r.id_rubrique)))]
    for (const level of levels) await inParallel(ordered.filter((r) => depth(r.id_rubrique) === level), this.concurrency, async (r) => {
      this.tick()
      const key = `rubrique:${r.id_rubrique}`
      const title = plainTitle(r.titre)
      if (!this.place.rubriqueIsPage(r.id_rubrique)) {
        const section = this.place.sectionOf(r.id_rubrique)
        this.report.skip('pages', key, section ? `rubrique d’articles « ${section} » (pas de page)` : 'rubrique des projets (pas de page)', title)
        return
      }
      const status = publication(r.statut) ?? 'draft'
      const parentRub = r.id_parent ? this.place.pageRubriqueOf(r.id_parent) : null
      const parent = parentRub ? (this.get('pages', `rubrique:${parentRub}`)?.id ?? null) : null
      await this.writeWithLinks('pages', key, title, r.id_rubrique, (c) => pageData({ titre: r.titre, chapo: r.descriptif, texte: r.texte, date: r.date }, { ...c, parent: parent as number | null, status }))
    })
  }

  /** Writes a document whose text may link forward; such a document is written again in the second pass. */
  private async writeWithLinks(
    collection: Target,
    key: string,
    title: string,
    spipId: number,
    build: (c: Convert) => Data,
    also?: (req: Partial<PayloadRequest>, id: Id) => Promise<void>,
    onOutcome?: (outcome: 'created' | 'updated' | 'unchanged' | 'failed') => void,
  ): Promise<Id | null> {
    const c = this.converter(key)
    const data = build(c)
    const id = await this.upsert(collection, key, data, { title, slugFrom: title, spipId, also, onOutcome })
    if (id === null) return null
    if (c.pending()) {
      this.secondPass.push(async () => {
        const again = this.converter(key)
        const final = build(again)
        if (this.dryRun) return again.flush()
        try {
          await this.inTransaction((req) => this.payload.update({ collection: collection as CollectionSlug, id, data: final as never, depth: 0, overrideAccess: true, context: CONTEXT, req }))
          await this.payload.kv.set(kvKey(collection, key), { hash: hashOf(final) })
        } catch (err) {
          this.report.notes.push(`${key} : liens non résolus (${errorText(err)})`)
        }
        again.flush()
      })
    } else c.flush()
    return id
  }

  private async articles(): Promise<void> {
    const authorsOf = new Map<number, string[]>()
    const names = new Map(this.dump.auteurs.map((a) => [a.id_auteur, plainTitle(a.nom)]))
    for (const l of this.dump.auteursLiens) {
      if (l.objet !== 'article') continue
      const list = authorsOf.get(l.id_objet) ?? []
      const name = names.get(l.id)
      if (name) list.push(name)
      authorsOf.set(l.id_objet, list)
    }
    const mots = new Map(this.dump.mots.map((m) => [m.id_mot, m]))
    const logos = new Map(this.dump.logos.filter((l) => l.objet === 'article' && l.etat === 'on').map((l) => [l.id_objet, l.id_document ? `document:${l.id_document}` : `logo:article:${l.id_objet}:on`]))
    // Articles are written in id order, a few at a time: one that links to an earlier article still
    // being written waits for it (links go to older articles mostly), rather than being written
    // twice; links to later ones wait for the second pass. Waiting downwards only: no cycle.
    const writing = new Map<number, Promise<void>>()
    await inParallel([...this.dump.articles].sort((x, y) => x.id_article - y.id_article), this.concurrency, async (a) => {
      let done = () => {}
      writing.set(a.id_article, new Promise<void>((resolve) => (done = resolve)))
      try {
        const earlier = [...`${a.chapo}\n${a.texte}\n${a.ps}`.matchAll(ARTICLE_LINK)].map((m) => Number(m[1])).filter((id) => id < a.id_article)
        await Promise.all(earlier.map((id) => writing.get(id)))
        await this.article(a, { authorsOf, mots, logos })
      } finally {
        done()
        writing.delete(a.id_article)
      }
    })
  }

  private async article(
    a: SpipArticle,
    { authorsOf, mots, logos }: { authorsOf: Map<number, string[]>; mots: Map<number, SpipMot>; logos: Map<number, string> },
  ): Promise<void> {
    {
      this.tick()
      const key = `article:${a.id_article}`
      const title = plainTitle(a.titre)
      const target = this.articleTargets.get(a.id_article)!
      const status = publication(a.statut)
      if (!status) {
        this.report.skip(target === 'ignore' ? 'articles' : target, key, a.statut === 'poubelle' ? 'à la poubelle' : a.statut === 'refuse' ? 'refusé' : `statut « ${a.statut} »`, title)
        return
      }
      if (target === 'ignore') {
        this.report.skip('articles', key, 'ignoré (fichier de correspondance)', title)
        return
      }
      if (a.virtuel.trim()) {
        this.report.skip('articles', key, `article virtuel (redirection vers ${a.virtuel.trim().replace(/^=>?\s*/, '')}) : devient une redirection`, title)
        return
      }
      const tagIds: number[] = []
      const fields: ProjectFields = { domains: [], scope: [], lever: [], programme: [], legalForm: [] }
      for (const id of this.place.motsOf(a.id_article)) {
        const t = this.place.motTarget(id)
        const mot = mots.get(id)
        if (!mot) continue
        const tag = this.get('tags', `mot:${id}`)
        if (t === 'domaine' && tag) fields.domains.push(tag.id as number)
        if ((t === 'mot-cle' || t === 'domaine') && tag) tagIds.push(tag.id as number)
        if (t === 'perimetre') fields.scope.push(plainTitle(mot.titre))
        if (t === 'levier') fields.lever.push(plainTitle(mot.titre))
        if (t === 'programme') fields.programme.push(plainTitle(mot.titre))
        if (t === 'forme-juridique') fields.legalForm.push(plainTitle(mot.titre))
      }
      if (target === 'articles') {
        await this.writeWithLinks('articles', key, title, a.id_article, (c) =>
          articleData(a, { ...c, authors: authorsOf.get(a.id_article) ?? [], tags: tagIds, section: this.place.sectionOf(a.id_rubrique) ?? 'actualites', status }),
        )
      } else if (target === 'pages') {
        const rub = this.place.pageRubriqueOf(a.id_rubrique)
        const parent = rub ? ((this.get('pages', `rubrique:${rub}`)?.id as number | undefined) ?? null) : null
        await this.writeWithLinks('pages', key, title, a.id_article, (c) => pageData(a, { ...c, parent, status }))
      } else {
        const logo = logos.get(a.id_article)
        const cover = logo ? ((this.get('media', logo)?.id as number | undefined) ?? null) : null
        // « Voir d'anciens projets »: links to earlier projects, resolved like any link (second pass if need be).
        const at = a.texte.search(/\{\{\{[^}]*anciens projets/i)
        const refs = at >= 0 ? articleRefs(a.texte.slice(at)) : []
        let structureData: Data | null = null
        let written: string = 'unchanged'
        const id = await this.writeWithLinks('projects', key, title, a.id_article, (c) => {
          const related: number[] = []
          for (const ref of refs) {
            const r = c.resolve({ type: 'article', id: ref }, 'link')
            if (r && 'relationTo' in r && r.relationTo === 'projects') related.push(r.value as number)
          }
          const { data, structure } = projectData(a, { ...c, fields, cover, status, relatedProjects: related })
          structureData = structure
          return data
        }, async (req, projectId) => {
          if (!structureData) return
          const partnerId = await this.structure(`structure:${a.id_article}`, structureData, req)
          await this.payload.update({ collection: 'projects', id: projectId, data: { carryingStructure: partnerId } as never, depth: 0, overrideAccess: true, context: CONTEXT, req })
        }, (what) => (written = what))
        if (this.dryRun && id !== null && structureData && written !== 'unchanged') {
          this.report.count('partners', this.get('partners', `structure:${a.id_article}`) ? 'updated' : 'created')
        }
      }
    }
  }

  /** The carrying structure of a project, in the project's transaction (adopted by slug if it exists). */
  private async structure(key: string, data: Data, req: Partial<PayloadRequest>): Promise<Id | null> {
    const existing = this.get('partners', key)
    const name = String(data.name)
    const common = { collection: 'partners' as const, depth: 0, overrideAccess: true, context: CONTEXT, req }
    const adopt = existing ? undefined : this.adoptable.get('partners')?.get(slugify(name))
    let id: Id
    if (existing || adopt !== undefined) {
      id = (existing?.id ?? adopt)!
      // An adopted structure keeps what an editor wrote; only the SPIP key and empty fields are set.
      if (existing) await this.payload.update({ ...common, id, data: data as never })
      else await this.payload.update({ ...common, id, data: { spipKey: key } as never })
      this.report.count('partners', 'updated')
    } else {
      const doc = await this.payload.create({ ...common, data: { ...data, spipKey: key, slug: this.freeSlug('partners', name, 0) } as never })
      id = doc.id
      this.report.count('partners', 'created')
    }
    this.remember('partners', key, { collection: 'partners', id })
    this.adoptable.get('partners')?.delete(slugify(name))
    return id
  }

  private async comments(): Promise<void> {
    const names = new Map(this.dump.auteurs.map((a) => [a.id_auteur, plainTitle(a.nom)]))
    // A message signed by an editor or administrator of the SPIP site is « Réponse du Labo ».
    const staff = new Set(this.dump.auteurs.filter((a) => a.statut === '0minirezo' || a.statut === '1comite').map((a) => a.id_auteur))
    const levels = new Map<number, { id: Id; level: number; parent: number }>()
    const forums = [...this.dump.forums].sort((a, b) => a.id_forum - b.id_forum)
    const existing = new Map<string, { id: Id; hash: string }>()
    const db = await executorFor(this.payload)
    const table = tableOf(this.payload, 'comments')
    const { rows } = await db.execute(sql`SELECT "id", "spip_key", "status", "body", "author_name", "author_email", "author_website", "parent_id", "by_staff" FROM ${table} WHERE "spip_key" IS NOT NULL`)
    for (const r of rows as Record<string, unknown>[]) {
      existing.set(String(r.spip_key), { id: r.id as Id, hash: hashOf([r.status, r.body, r.author_name, r.author_email ?? null, r.author_website ?? null, r.parent_id ?? null, r.by_staff === true]) })
    }
    // Ids of new comments are taken from the sequence first: a reply needs its parent's id in the same batch.
    const fresh = forums.filter((f) => !existing.has(`forum:${f.id_forum}`)).length
    const ids: Id[] = []
    if (!this.dryRun && fresh > 0) {
      const seq = await db.execute(sql`SELECT nextval(pg_get_serial_sequence(${'comments'}, 'id')) AS id FROM generate_series(1, ${fresh})`)
      for (const r of seq.rows) ids.push(Number(r.id))
    }
    let nextFresh = 0
    type Row = CommentRow & { id: Id; key: string; parent: Id | null; level: number; targetKey: string; collection: string; targetId: Id; published: boolean; byStaff: boolean }
    const inserts: Row[] = []
    const updates: Row[] = []
    for (const f of forums) {
      const key = `forum:${f.id_forum}`
      const title = `message de ${plainTitle(f.auteur) || 'anonyme'}`
      const skip = (reason: string) => {
        this.report.skip('comments', key, reason, title)
        this.tick()
      }
      if (f.statut.startsWith('priv')) {
        skip('discussion privée de l’espace de rédaction')
        continue
      }
      const data = commentData(f, names.get(f.id_auteur) ?? null)
      if (!data) {
        skip(`statut « ${f.statut} »`)
        continue
      }
      if (f.objet !== 'article') {
        skip(`message sur un objet « ${f.objet} » (seuls ceux des articles sont repris)`)
        continue
      }
      const target = this.targetOf('article', f.id_objet)
      if (!target || !('id' in target) || ('pending' in target && target.pending) || !COMMENTABLE.includes(target.collection)) {
        skip(target && 'collection' in target && target.collection === 'pages' ? `l’article ${f.id_objet} est devenu une page (sans commentaires)` : `l’article ${f.id_objet} n’est pas importé`)
        continue
      }
      if (!data.body) {
        skip('message vide')
        continue
      }
      let parent: { id: Id; level: number; parent: number } | undefined
      if (f.id_parent) {
        parent = levels.get(f.id_parent)
        if (!parent) this.report.notes.push(`${key} : son message parent (forum:${f.id_parent}) n’est pas importé ; il devient un premier message.`)
        // Three levels at most: a deeper reply answers its grandparent's level.
        while (parent && parent.level >= 3) parent = levels.get(parent.parent)
      }
      const level = parent ? parent.level + 1 : 1
      const have = existing.get(key)
      const id = have?.id ?? (this.dryRun ? --this.fakeId : ids[nextFresh++])
      levels.set(f.id_forum, { id, level, parent: f.id_parent })
      const row: Row = { ...data, id, key, parent: parent?.id ?? null, level, targetKey: `${target.collection}:${target.id}`, collection: target.collection, targetId: target.id, published: target.status === 'published' || target.status === undefined, byStaff: staff.has(f.id_auteur) }
      if (!have) inserts.push(row)
      else if (have.hash !== hashOf([row.status, row.body, row.authorName, row.authorEmail, row.authorWebsite, row.parent, row.byStaff])) updates.push(row)
      else {
        this.report.count('comments', 'unchanged')
        this.tick()
      }
    }
    const batch = this.options.commentBatch ?? 2000
    const columns = (r: Row) => ({
      id: r.id,
      parent_id: r.parent,
      author_name: r.authorName,
      author_email: r.authorEmail,
      author_website: r.authorWebsite,
      body: r.body,
      status: r.status,
      by_staff: r.byStaff,
      level: r.level,
      target_key: r.targetKey,
      target_published: r.published,
      excerpt: excerptOf(r.body),
      fingerprint: fingerprintOf(r.targetKey, r.authorEmail ?? '', r.body),
      created_at: r.createdAt,
      updated_at: r.createdAt,
      spip_key: r.key,
    })
    const rels = tableOf(this.payload, 'comments_rels')
    for (let i = 0; i < inserts.length; i += batch) {
      const chunk = inserts.slice(i, i + batch)
      if (!this.dryRun) {
        try {
          await this.inTransaction(async (req) => {
            const tx = await executorFor(this.payload, req)
            const json = JSON.stringify(chunk.map(columns))
            await tx.execute(sql`INSERT INTO ${table} ("id", "parent_id", "author_name", "author_email", "author_website", "body", "status", "by_staff", "level", "target_key", "target_published", "excerpt", "fingerprint", "created_at", "updated_at", "spip_key")
              SELECT "id", "parent_id", "author_name", "author_email", "author_website", "body", "status", "by_staff", "level", "target_key", "target_published", "excerpt", "fingerprint", "created_at", "updated_at", "spip_key"
              FROM json_populate_recordset(NULL::${table}, ${json}::json)`)
            const relRows = JSON.stringify(chunk.map((r) => ({ parent_id: r.id, path: 'target', articles_id: r.collection === 'articles' ? r.targetId : null, projects_id: r.collection === 'projects' ? r.targetId : null })))
            await tx.execute(sql`INSERT INTO ${rels} ("parent_id", "path", "articles_id", "projects_id")
              SELECT "parent_id", "path", "articles_id", "projects_id" FROM json_populate_recordset(NULL::${rels}, ${relRows}::json)`)
          })
        } catch (err) {
          for (const r of chunk) this.report.fail('comments', r.key, err)
          this.progress.tick(chunk.length)
          continue
        }
      }
      this.report.count('comments', 'created', chunk.length)
      this.progress.tick(chunk.length)
    }
    for (const r of updates) {
      this.tick()
      if (this.dryRun) {
        this.report.count('comments', 'updated')
        continue
      }
      try {
        const c = columns(r)
        await this.inTransaction(async (req) =>
          (await executorFor(this.payload, req)).execute(sql`UPDATE ${table} SET "status" = ${c.status}, "body" = ${c.body}, "author_name" = ${c.author_name},
            "author_email" = ${c.author_email}, "author_website" = ${c.author_website}, "parent_id" = ${c.parent_id}, "level" = ${c.level},
            "excerpt" = ${c.excerpt}, "fingerprint" = ${c.fingerprint}, "by_staff" = ${c.by_staff}, "updated_at" = now() WHERE "id" = ${r.id}`),
        )
        this.report.count('comments', 'updated')
      } catch (err) {
        this.report.fail('comments', r.key, err)
      }
    }
  }

  private async redirects(): Promise<void> {
    const entries = redirectsOf(this.dump, (type, id) => {
      if (type === 'article') {
        const a = this.dump.articles.find((x) => x.id_article === id)
        const v = a?.virtuel.trim().replace(/^=>?\s*/, '')
        if (v) {
          if (/^https?:\/\//i.test(v)) return { url: v }
          const m = /^(art|article|rub|rubrique)?\s*(\d+)$/i.exec(v)
          if (m) return this.redirectTarget(/^rub/i.test(m[1] ?? '') ? 'rubrique' : 'article', Number(m[2]))
          return null
        }
      }
      return this.redirectTarget(type, id)
    })
    const written = await writeRedirects(entries, { payload: this.payload, dryRun: this.dryRun, context: CONTEXT, inTransaction: (fn) => this.inTransaction(fn) }, (_, outcome, err) => {
      if (outcome === 'failed') this.report.fail('redirects', _.from, err)
      else this.report.count('redirects', outcome)
    })
    if (!written) {
      this.report.notes.push(`${entries.length} ancienne(s) adresse(s) SPIP à rediriger : non écrites, ce site n’a pas (encore) la collection des redirections.`)
    }
    this.tick()
  }

  private redirectTarget(type: string, id: number): RedirectTarget | null {
    const t = this.targetOf(type, id)
    if (!t || ('pending' in t && t.pending)) return null
    if ('url' in t && !('id' in t)) return { url: t.url }
    const k = t as Known
    if (k.collection === 'media') return k.url ? { url: k.url } : null
    return { relationTo: k.collection, value: k.id }
  }

  private async finish(): Promise<void> {
    await reindexAll(this.payload, SEARCH_TYPES)
    await bumpRestCache(this.payload)
    await refreshPaths([EVERYTHING], { payload: this.payload })
    this.tick()
  }
}

export async function importSpip(payload: Payload, dump: SpipDump, options: ImportOptions): Promise<ImportReport> {
  return new Importer(payload, dump, options).run()
}

export { plainText }
