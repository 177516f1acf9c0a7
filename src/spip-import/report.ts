/** The import's report (terminal, in French, and JSON) and its progress bars. */
import type { SpipReport } from '../lib/spip-markup'

export type Outcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed'

export const TYPE_LABELS: Record<string, string> = {
  users: 'Auteurs → comptes',
  tags: 'Mots-clés → étiquettes',
  'glossary-terms': 'Mots-clés → glossaire',
  media: 'Documents et logos → médias',
  pages: 'Rubriques et articles → pages',
  articles: 'Articles → articles',
  projects: 'Articles → projets',
  partners: 'Structures porteuses',
  comments: 'Forum → commentaires',
  redirects: 'Anciennes adresses → redirections',
}

const OUTCOME_LABELS: Record<Outcome, string> = {
  created: 'créé(s)',
  updated: 'mis à jour',
  unchanged: 'inchangé(s)',
  skipped: 'non importé(s)',
  failed: 'en erreur',
}

export type SkippedEntry = { key: string; title?: string; reason: string }

export class ImportReport {
  readonly counts: Record<string, Record<Outcome, number>> = {}
  readonly skipped: SkippedEntry[] = []
  readonly failed: SkippedEntry[] = []
  readonly unknownShortcuts: Record<string, number> = {}
  readonly approximations: Record<string, number> = {}
  readonly brokenLinks: { from: string; ref: string; usage: 'link' | 'media' }[] = []
  readonly glossaryShortcuts: Record<string, number> = {}
  readonly missingFiles: { key: string; file: string }[] = []
  readonly notes: string[] = []
  readonly durations: Record<string, number> = {}
  /** CPU time of the importing process (ms), Postgres's not included. */
  cpuMs = 0

  constructor(
    readonly source: { version: string; file: string; dryRun: boolean },
    readonly summary: string[],
    readonly warnings: string[],
  ) {}

  count(type: string, outcome: Outcome, n = 1): void {
    const c = (this.counts[type] ??= { created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 })
    c[outcome] += n
  }

  skip(type: string, key: string, reason: string, title?: string): void {
    this.count(type, 'skipped')
    this.skipped.push({ key, reason, ...(title ? { title } : {}) })
  }

  fail(type: string, key: string, err: unknown, title?: string): void {
    this.count(type, 'failed')
    this.failed.push({ key, reason: errorText(err), ...(title ? { title } : {}) })
  }

  /** Merges what the markup converter found in the text of `from` ("article:12"). */
  markup(from: string, r: SpipReport): void {
    for (const [k, n] of Object.entries(r.unknown)) this.unknownShortcuts[k] = (this.unknownShortcuts[k] ?? 0) + n
    for (const [k, n] of Object.entries(r.approximations)) this.approximations[k] = (this.approximations[k] ?? 0) + n
    for (const g of r.glossary) this.glossaryShortcuts[g] = (this.glossaryShortcuts[g] ?? 0) + 1
    for (const b of r.broken) this.brokenLinks.push({ from, ref: `${b.type}${b.id}`, usage: b.usage })
  }

  toJSON() {
    return {
      source: this.source,
      summary: this.summary,
      warnings: this.warnings,
      counts: this.counts,
      skipped: this.skipped,
      failed: this.failed,
      unknownShortcuts: this.unknownShortcuts,
      approximations: this.approximations,
      brokenLinks: this.brokenLinks,
      glossaryShortcuts: this.glossaryShortcuts,
      missingFiles: this.missingFiles,
      notes: this.notes,
      durations: this.durations,
      cpuMs: this.cpuMs,
    }
  }

  /** The report as French lines for the terminal (lists cut at `limit` entries). */
  format(limit = 30): string[] {
    const out: string[] = []
    out.push(this.source.dryRun ? 'Import SPIP — simulation (--dry-run) : rien n’a été écrit.' : 'Import SPIP — rapport')
    out.push(`Source : ${this.source.file} (${this.source.version})`, '')
    out.push(...this.summary.map((l) => `  ${l}`), '')
    for (const [type, c] of Object.entries(this.counts)) {
      const parts = (Object.keys(OUTCOME_LABELS) as Outcome[]).filter((o) => c[o] > 0).map((o) => `${c[o]} ${OUTCOME_LABELS[o]}`)
      out.push(`${(TYPE_LABELS[type] ?? type).padEnd(36)} ${parts.join(', ') || 'aucun'}`)
    }
    const list = (title: string, lines: string[]) => {
      if (!lines.length) return
      out.push('', `${title} (${lines.length}) :`)
      for (const l of lines.slice(0, limit)) out.push(`  - ${l}`)
      if (lines.length > limit) out.push(`  … et ${lines.length - limit} autre(s) (voir le rapport JSON)`)
    }
    list('Non importés', this.skipped.map((s) => `${s.key}${s.title ? ` « ${s.title} »` : ''} : ${s.reason}`))
    list('En erreur (rien d’écrit pour eux)', this.failed.map((s) => `${s.key}${s.title ? ` « ${s.title} »` : ''} : ${s.reason}`))
    list('Fichiers absents du dossier IMG', this.missingFiles.map((m) => `${m.key} : ${m.file}`))
    list('Raccourcis inconnus (gardés en texte)', Object.entries(this.unknownShortcuts).map(([k, n]) => `${k} × ${n}`))
    list('Liens internes cassés (texte gardé)', this.brokenLinks.map((b) => `${b.from} → ${b.ref}${b.usage === 'media' ? ' (image)' : ''}`))
    list('Approximations', Object.entries(this.approximations).map(([k, n]) => `${k} × ${n}`))
    list('Raccourcis de glossaire [?terme] (mot gardé en texte)', Object.entries(this.glossaryShortcuts).map(([k, n]) => `${k} × ${n}`))
    list('Avertissements', [...this.warnings, ...this.notes])
    const d = Object.entries(this.durations).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`)
    if (d.length) out.push('', `Durées : ${d.join(', ')}`)
    return out
  }
}

export function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'data' in err) {
    const data = (err as { data?: { errors?: { path?: string; message?: string }[] } }).data
    if (data?.errors?.length) return data.errors.map((e) => `${e.path ? `${e.path} : ` : ''}${e.message}`).join(' ; ')
  }
  return err instanceof Error ? err.message : String(err)
}

/** A progress bar per phase on a terminal (stderr), a line per phase otherwise. */
export class Progress {
  private label = ''
  private total = 0
  private done = 0
  private last = 0
  private started = 0

  constructor(private readonly stream: NodeJS.WriteStream | null = process.stderr) {}

  start(label: string, total: number): void {
    this.label = label
    this.total = total
    this.done = 0
    this.started = Date.now()
    this.draw(true)
  }

  tick(n = 1): void {
    this.done += n
    this.draw(false)
  }

  end(): void {
    if (!this.stream) return
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1)
    const line = `${this.label.padEnd(30)} ${this.done}/${this.total} en ${seconds} s`
    this.stream.write(this.stream.isTTY ? `\r\x1b[K${line}\n` : `${line}\n`)
  }

  private draw(force: boolean): void {
    if (!this.stream?.isTTY) return
    const now = Date.now()
    if (!force && now - this.last < 100 && this.done < this.total) return
    this.last = now
    const width = 30
    const filled = this.total ? Math.round((this.done / this.total) * width) : width
    this.stream.write(`\r\x1b[K${this.label.padEnd(30)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total}`)
  }
}
