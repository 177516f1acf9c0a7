/**
 * From a mysqldump of a SPIP 3.0 – 4.x site to typed SPIP objects (see schema.ts), without writing
 * anything: a dump that is not SQL, not SPIP, truncated or of an unknown version throws a French
 * SpipDumpError before the importer starts.
 *
 * The table prefix is found, not assumed: any `<prefix>meta` table holding `version_installee`
 * (`spip_` in most sites). Rows of every table that looks like a SPIP one are converted while the
 * dump streams; the prefix is chosen at the end.
 */
import { readdir } from 'node:fs/promises'

import { parseDump, parseDumpFile, sqlText, type DumpHandler, type DumpStats, type SqlValue } from './dump'
import { SpipDumpError } from './errors'
import {
  spipVersion,
  type Raw,
  type SpipArticle,
  type SpipAuteur,
  type SpipDocument,
  type SpipForum,
  type SpipGroupeMots,
  type SpipLien,
  type SpipLogo,
  type SpipMot,
  type SpipRubrique,
  type SpipSyndic,
  type SpipUrl,
  type SpipVersion,
} from './schema'

export interface SpipDump {
  version: SpipVersion
  /** Table prefix, `spip_` by default. */
  prefix: string
  meta: Record<string, string | null>
  rubriques: SpipRubrique[]
  articles: SpipArticle[]
  groupesMots: SpipGroupeMots[]
  mots: SpipMot[]
  motsLiens: SpipLien[]
  auteurs: SpipAuteur[]
  auteursLiens: SpipLien[]
  documents: SpipDocument[]
  documentsLiens: SpipLien[]
  forums: SpipForum[]
  /** Every spip_urls row, old URLs included (they still resolve on the SPIP site). */
  urls: SpipUrl[]
  syndic: SpipSyndic[]
  logos: SpipLogo[]
  /** Optional SPIP tables absent from the dump (a plugin never installed, or uninstalled). */
  missingTables: string[]
  dump: DumpStats
  /** French, for the import report. */
  warnings: string[]
}

export interface ReadOptions {
  /** Table prefix, when the dump holds several SPIP sites. */
  prefix?: string
  /**
   * Names of the files at the top of the site's IMG/ folder, for SPIP 3 logos (IMG/arton12.png…),
   * which are files, not documents.
   */
  imgFiles?: readonly string[]
}

const SUFFIXES = [
  'documents_liens',
  'auteurs_liens',
  'groupes_mots',
  'mots_liens',
  'rubriques',
  'documents',
  'articles',
  'auteurs',
  'syndic',
  'forum',
  'meta',
  'mots',
  'urls',
] as const
type Suffix = (typeof SUFFIXES)[number]

const REQUIRED: Suffix[] = ['meta', 'rubriques', 'articles']
/** SPIP tables ending like the ones read (spip_syndic_articles, spip_visites_articles…) are not prefixes. */
const NOT_A_PREFIX = /(?:^|_)(?:syndic|referers|visites|versions|jobs|resultats|depots|petitions|signatures|messages|breves)_$/

interface Bucket {
  tables: Set<Suffix>
  meta: Record<string, string | null>
  rubriques: SpipRubrique[]
  articles: SpipArticle[]
  groupes_mots: SpipGroupeMots[]
  mots: SpipMot[]
  mots_liens: SpipLien[]
  auteurs: SpipAuteur[]
  auteurs_liens: SpipLien[]
  documents: SpipDocument[]
  documents_liens: SpipLien[]
  forum: SpipForum[]
  urls: SpipUrl[]
  syndic: SpipSyndic[]
}

function newBucket(): Bucket {
  return {
    tables: new Set(),
    meta: {},
    rubriques: [],
    articles: [],
    groupes_mots: [],
    mots: [],
    mots_liens: [],
    auteurs: [],
    auteurs_liens: [],
    documents: [],
    documents_liens: [],
    forum: [],
    urls: [],
    syndic: [],
  }
}

export function splitTableName(table: string): { prefix: string; suffix: Suffix } | null {
  for (const suffix of SUFFIXES) {
    if (table.length > suffix.length && table.endsWith(suffix)) {
      const prefix = table.slice(0, -suffix.length)
      if (prefix.endsWith('_') && !NOT_A_PREFIX.test(prefix)) return { prefix, suffix }
      return null
    }
  }
  return null
}

// --- row helpers ---------------------------------------------------------------------------------------

type Row = Record<string, SqlValue>

const str = (r: Row, k: string): string => sqlText(r[k])
const int = (r: Row, k: string): number => {
  const v = r[k]
  if (typeof v === 'number') return v
  const n = Number(sqlText(v))
  return Number.isFinite(n) ? n : 0
}
const intOrNull = (r: Row, k: string): number | null => {
  const v = r[k]
  if (v === null || v === undefined || v === '') return null
  return int(r, k)
}
const date = (r: Row, k: string): string | null => {
  const v = sqlText(r[k])
  return !v || v.startsWith('0000-00-00') ? null : v
}

function rawOf(r: Row, known: ReadonlySet<string>): Raw {
  const raw: Raw = {}
  for (const k in r) if (!known.has(k)) raw[k] = r[k]
  return raw
}

const known = (...names: string[]) => new Set(names)

const RUBRIQUE = known('id_rubrique', 'id_parent', 'id_secteur', 'titre', 'descriptif', 'texte', 'statut', 'date', 'lang', 'langue_choisie')
const ARTICLE = known(
  'id_article', 'id_rubrique', 'id_secteur', 'surtitre', 'titre', 'soustitre', 'descriptif', 'chapo', 'texte', 'ps',
  'nom_site', 'url_site', 'virtuel', 'statut', 'date', 'date_redac', 'date_modif', 'accepter_forum', 'lang',
  'langue_choisie', 'id_trad',
)
const GROUPE = known('id_groupe', 'titre', 'descriptif', 'texte', 'unseul', 'obligatoire', 'tables_liees')
const MOT = known('id_mot', 'id_groupe', 'titre', 'descriptif', 'texte', 'type')
/** Password hashes, salts, session and recovery tokens, key backups: never carried over. */
const AUTEUR_SECRETS = ['pass', 'low_sec', 'htpass', 'alea_actuel', 'alea_futur', 'cookie_oubli', 'backup_cles']
const AUTEUR = known(
  'id_auteur', 'nom', 'bio', 'email', 'nom_site', 'url_site', 'login', 'statut', 'webmestre', 'lang', 'en_ligne',
  ...AUTEUR_SECRETS,
)
const DOCUMENT = known(
  'id_document', 'id_vignette', 'extension', 'titre', 'descriptif', 'credits', 'alt', 'fichier', 'taille', 'largeur',
  'hauteur', 'duree', 'media', 'mode', 'distant', 'statut', 'date', 'date_publication',
)
const LEGACY_FORUM_OBJECTS: [string, string][] = [
  ['id_article', 'article'],
  ['id_rubrique', 'rubrique'],
  ['id_breve', 'breve'],
  ['id_syndic', 'site'],
  ['id_message', 'message'],
]
const FORUM = known(
  'id_forum', 'id_parent', 'id_thread', 'objet', 'id_objet', 'id_auteur', 'statut', 'date_heure', 'date_thread', 'titre',
  'texte', 'auteur', 'email_auteur', 'nom_site', 'url_site', 'ip',
)
const SYNDIC = known('id_syndic', 'id_rubrique', 'id_secteur', 'nom_site', 'url_site', 'url_syndic', 'descriptif', 'statut', 'date', 'syndication')

function lien(r: Row, id: string): SpipLien {
  return { id: int(r, id), objet: str(r, 'objet'), id_objet: int(r, 'id_objet'), vu: str(r, 'vu'), rang_lien: int(r, 'rang_lien') }
}

function addRow(b: Bucket, suffix: Suffix, r: Row): void {
  switch (suffix) {
    case 'meta':
      b.meta[str(r, 'nom')] = r.valeur === null || r.valeur === undefined ? null : sqlText(r.valeur)
      return
    case 'rubriques':
      b.rubriques.push({
        id_rubrique: int(r, 'id_rubrique'),
        id_parent: int(r, 'id_parent'),
        id_secteur: int(r, 'id_secteur'),
        titre: str(r, 'titre'),
        descriptif: str(r, 'descriptif'),
        texte: str(r, 'texte'),
        statut: str(r, 'statut'),
        date: date(r, 'date'),
        lang: str(r, 'lang'),
        langue_choisie: str(r, 'langue_choisie'),
        raw: rawOf(r, RUBRIQUE),
      })
      return
    case 'articles': {
      let chapo = str(r, 'chapo')
      let virtuel = str(r, 'virtuel')
      // Before SPIP 3.0 (and in sites upgraded half-way) a redirect was a chapo starting with "=".
      if (!('virtuel' in r) && chapo.startsWith('=')) {
        virtuel = chapo.slice(1)
        chapo = ''
      }
      b.articles.push({
        id_article: int(r, 'id_article'),
        id_rubrique: int(r, 'id_rubrique'),
        id_secteur: int(r, 'id_secteur'),
        surtitre: str(r, 'surtitre'),
        titre: str(r, 'titre'),
        soustitre: str(r, 'soustitre'),
        descriptif: str(r, 'descriptif'),
        chapo,
        texte: str(r, 'texte'),
        ps: str(r, 'ps'),
        nom_site: str(r, 'nom_site'),
        url_site: str(r, 'url_site'),
        virtuel,
        statut: str(r, 'statut'),
        date: date(r, 'date'),
        date_redac: date(r, 'date_redac'),
        date_modif: date(r, 'date_modif'),
        accepter_forum: str(r, 'accepter_forum'),
        lang: str(r, 'lang'),
        langue_choisie: str(r, 'langue_choisie'),
        id_trad: int(r, 'id_trad'),
        raw: rawOf(r, ARTICLE),
      })
      return
    }
    case 'groupes_mots':
      b.groupes_mots.push({
        id_groupe: int(r, 'id_groupe'),
        titre: str(r, 'titre'),
        descriptif: str(r, 'descriptif'),
        texte: str(r, 'texte'),
        unseul: str(r, 'unseul'),
        obligatoire: str(r, 'obligatoire'),
        tables_liees: str(r, 'tables_liees'),
        raw: rawOf(r, GROUPE),
      })
      return
    case 'mots':
      b.mots.push({
        id_mot: int(r, 'id_mot'),
        id_groupe: int(r, 'id_groupe'),
        titre: str(r, 'titre'),
        descriptif: str(r, 'descriptif'),
        texte: str(r, 'texte'),
        type: str(r, 'type'),
        raw: rawOf(r, MOT),
      })
      return
    case 'mots_liens':
      b.mots_liens.push(lien(r, 'id_mot'))
      return
    case 'auteurs_liens':
      b.auteurs_liens.push(lien(r, 'id_auteur'))
      return
    case 'documents_liens':
      b.documents_liens.push(lien(r, 'id_document'))
      return
    case 'auteurs':
      b.auteurs.push({
        id_auteur: int(r, 'id_auteur'),
        nom: str(r, 'nom'),
        bio: str(r, 'bio'),
        email: str(r, 'email'),
        nom_site: str(r, 'nom_site'),
        url_site: str(r, 'url_site'),
        login: str(r, 'login'),
        statut: str(r, 'statut'),
        webmestre: str(r, 'webmestre'),
        lang: str(r, 'lang'),
        en_ligne: date(r, 'en_ligne'),
        raw: rawOf(r, AUTEUR),
      })
      return
    case 'documents':
      b.documents.push({
        id_document: int(r, 'id_document'),
        id_vignette: int(r, 'id_vignette'),
        extension: str(r, 'extension'),
        titre: str(r, 'titre'),
        descriptif: str(r, 'descriptif'),
        credits: str(r, 'credits'),
        alt: str(r, 'alt'),
        fichier: str(r, 'fichier'),
        taille: intOrNull(r, 'taille'),
        largeur: intOrNull(r, 'largeur'),
        hauteur: intOrNull(r, 'hauteur'),
        duree: intOrNull(r, 'duree'),
        media: str(r, 'media'),
        mode: str(r, 'mode'),
        distant: str(r, 'distant') === 'oui',
        statut: str(r, 'statut'),
        date: date(r, 'date'),
        date_publication: date(r, 'date_publication'),
        raw: rawOf(r, DOCUMENT),
      })
      return
    case 'forum': {
      let objet = str(r, 'objet')
      let id_objet = int(r, 'id_objet')
      if (!('objet' in r)) {
        const legacy = LEGACY_FORUM_OBJECTS.find(([column]) => int(r, column) > 0)
        if (legacy) {
          objet = legacy[1]
          id_objet = int(r, legacy[0])
        }
      }
      b.forum.push({
        id_forum: int(r, 'id_forum'),
        id_parent: int(r, 'id_parent'),
        id_thread: int(r, 'id_thread'),
        objet,
        id_objet,
        id_auteur: int(r, 'id_auteur'),
        statut: str(r, 'statut'),
        date_heure: date(r, 'date_heure'),
        date_thread: date(r, 'date_thread'),
        titre: str(r, 'titre'),
        texte: str(r, 'texte'),
        auteur: str(r, 'auteur'),
        email_auteur: str(r, 'email_auteur'),
        nom_site: str(r, 'nom_site'),
        url_site: str(r, 'url_site'),
        ip: str(r, 'ip'),
        raw: rawOf(r, FORUM),
      })
      return
    }
    case 'urls':
      b.urls.push({
        url: str(r, 'url'),
        type: str(r, 'type'),
        id_objet: int(r, 'id_objet'),
        id_parent: int(r, 'id_parent'),
        date: date(r, 'date'),
        segments: 'segments' in r ? int(r, 'segments') : 1,
        perma: int(r, 'perma') === 1,
        langue: str(r, 'langue'),
      })
      return
    case 'syndic':
      b.syndic.push({
        id_syndic: int(r, 'id_syndic'),
        id_rubrique: int(r, 'id_rubrique'),
        id_secteur: int(r, 'id_secteur'),
        nom_site: str(r, 'nom_site'),
        url_site: str(r, 'url_site'),
        url_syndic: str(r, 'url_syndic'),
        descriptif: str(r, 'descriptif'),
        statut: str(r, 'statut'),
        date: date(r, 'date'),
        syndication: str(r, 'syndication'),
        raw: rawOf(r, SYNDIC),
      })
      return
  }
}

/** Collects the rows of every SPIP-looking table while the dump streams. */
export class SpipCollector implements DumpHandler {
  readonly buckets = new Map<string, Bucket>()

  private bucket(prefix: string): Bucket {
    let b = this.buckets.get(prefix)
    if (!b) this.buckets.set(prefix, (b = newBucket()))
    return b
  }

  wantRows(table: string): boolean {
    return splitTableName(table) !== null
  }

  onTable(table: { name: string }): void {
    const t = splitTableName(table.name)
    if (t) this.bucket(t.prefix).tables.add(t.suffix)
  }

  onRow(table: string, columns: readonly string[], values: SqlValue[]): void {
    const t = splitTableName(table)
    if (!t) return
    const b = this.bucket(t.prefix)
    b.tables.add(t.suffix)
    const r: Row = {}
    for (let i = 0; i < columns.length; i++) r[columns[i]] = values[i]
    addRow(b, t.suffix, r)
  }
}

// --- logos ---------------------------------------------------------------------------------------------

/** SPIP 3 logo files: IMG/arton12.png, IMG/rubon3.jpg, IMG/siteon0.png (site logo)… */
const LOGO_FILE = /^(art|rub|aut|mot|site|breve|groupe)(on|off)(\d+)\.(jpe?g|png|gif|webp|svg)$/i
const LOGO_OBJECTS: Record<string, string> = {
  art: 'article',
  rub: 'rubrique',
  aut: 'auteur',
  mot: 'mot',
  site: 'site',
  breve: 'breve',
  groupe: 'groupe_mots',
}

export function logosFromFiles(names: readonly string[]): SpipLogo[] {
  const logos: SpipLogo[] = []
  for (const name of names) {
    const m = LOGO_FILE.exec(name)
    if (!m) continue
    logos.push({
      objet: LOGO_OBJECTS[m[1].toLowerCase()],
      id_objet: Number(m[3]),
      etat: m[2].toLowerCase() === 'on' ? 'on' : 'off',
      fichier: name,
      source: 'fichier',
    })
  }
  return logos.sort((a, b) => a.objet.localeCompare(b.objet) || a.id_objet - b.id_objet || a.etat.localeCompare(b.etat))
}

function logosFromDocuments(documents: SpipDocument[], liens: SpipLien[]): SpipLogo[] {
  const byId = new Map(documents.filter((d) => d.mode === 'logoon' || d.mode === 'logooff').map((d) => [d.id_document, d]))
  const logos: SpipLogo[] = []
  for (const l of liens) {
    const d = byId.get(l.id)
    if (!d) continue
    logos.push({
      objet: l.objet,
      id_objet: l.id_objet,
      etat: d.mode === 'logoon' ? 'on' : 'off',
      fichier: d.fichier,
      source: 'document',
      id_document: d.id_document,
    })
  }
  return logos
}

// --- the site ------------------------------------------------------------------------------------------

function choosePrefix(collector: SpipCollector, wanted: string | undefined, stats: DumpStats): { prefix: string; warning?: string } {
  const candidates = [...collector.buckets.entries()]
    .filter(([, b]) => b.meta.version_installee !== undefined)
    .map(([p]) => p)
  if (wanted !== undefined) {
    if (candidates.includes(wanted)) return { prefix: wanted }
    throw new SpipDumpError(
      'NO_SPIP',
      `aucun site SPIP avec le préfixe de tables « ${wanted} » dans ce fichier` +
        (candidates.length ? ` (préfixe(s) trouvé(s) : ${candidates.join(', ')}).` : '.'),
    )
  }
  if (candidates.length === 1) return { prefix: candidates[0] }
  if (candidates.length > 1) {
    if (candidates.includes('spip_')) {
      return {
        prefix: 'spip_',
        warning: `Le fichier contient plusieurs sites SPIP (${candidates.join(', ')}) : seul celui des tables spip_ est lu.`,
      }
    }
    throw new SpipDumpError(
      'AMBIGUOUS_PREFIX',
      `le fichier contient plusieurs sites SPIP (préfixes de tables ${candidates.join(', ')}) : indiquez lequel importer.`,
    )
  }
  const spipLike = [...collector.buckets.entries()].filter(([, b]) => b.tables.has('articles') || b.tables.has('rubriques'))
  if (spipLike.length) {
    const [prefix, b] = spipLike[0]
    throw new SpipDumpError(
      'NO_SPIP',
      b.tables.has('meta')
        ? `la table ${prefix}meta ne contient pas « version_installee » : impossible de savoir de quelle version de SPIP vient ce site (export partiel ?).`
        : `les tables ${prefix}articles / ${prefix}rubriques sont là mais pas ${prefix}meta : l'export est partiel. Exportez la base entière.`,
    )
  }
  throw new SpipDumpError(
    'NO_SPIP',
    `aucune table SPIP dans ce fichier (${stats.tables.length} table(s) : ${stats.tables.slice(0, 8).join(', ') || 'aucune'}${stats.tables.length > 8 ? '…' : ''}). ` +
      `Est-ce bien l'export de la base d'un site SPIP ?`,
  )
}

export function buildSpipDump(collector: SpipCollector, stats: DumpStats, options: ReadOptions = {}): SpipDump {
  const { prefix, warning } = choosePrefix(collector, options.prefix, stats)
  const b = collector.buckets.get(prefix)!
  const version = spipVersion(b.meta.version_installee, b.meta.plugin)
  const missing = REQUIRED.filter((s) => !b.tables.has(s))
  if (missing.length) {
    throw new SpipDumpError(
      'NO_SPIP',
      `table(s) ${missing.map((s) => prefix + s).join(', ')} absente(s) : l'export est partiel. Exportez la base entière.`,
    )
  }
  const warnings = [...stats.warnings]
  if (warning) warnings.push(warning)

  const logos = logosFromDocuments(b.documents, b.documents_liens)
  if (options.imgFiles) {
    const has = new Set(logos.map((l) => `${l.objet}:${l.id_objet}:${l.etat}`))
    for (const l of logosFromFiles(options.imgFiles)) if (!has.has(`${l.objet}:${l.id_objet}:${l.etat}`)) logos.push(l)
  }

  const mojibake = b.articles.filter((a) => /Ã[\u0080-\u00bf]|â€/.test(a.titre) || /Ã[\u0080-\u00bf]|â€/.test(a.chapo)).length
  if (mojibake) {
    warnings.push(
      `${mojibake} article(s) ont des titres ou chapeaux du type « Ã© » : le texte a probablement été encodé deux fois ` +
        `(UTF-8 stocké dans des tables latin1 puis exporté en UTF-8). Exportez la base avec --default-character-set=latin1.`,
    )
  }

  const optional: Suffix[] = ['groupes_mots', 'mots', 'mots_liens', 'auteurs', 'auteurs_liens', 'documents', 'documents_liens', 'forum', 'urls', 'syndic']
  return {
    version,
    prefix,
    meta: b.meta,
    rubriques: b.rubriques,
    articles: b.articles,
    groupesMots: b.groupes_mots,
    mots: b.mots,
    motsLiens: b.mots_liens,
    auteurs: b.auteurs,
    auteursLiens: b.auteurs_liens,
    documents: b.documents,
    documentsLiens: b.documents_liens,
    forums: b.forum,
    urls: b.urls,
    syndic: b.syndic,
    logos,
    missingTables: optional.filter((s) => !b.tables.has(s)).map((s) => prefix + s),
    dump: stats,
    warnings,
  }
}

/** Reads a dump held in memory (tests, small files). */
export function readSpipDumpFrom(input: string | Buffer, options: ReadOptions = {}): SpipDump {
  const collector = new SpipCollector()
  const stats = parseDump(input, collector)
  return buildSpipDump(collector, stats, options)
}

/**
 * Streams a dump file (.sql or .sql.gz). With `mediaDir` (the site's IMG/ folder), the names of its
 * top-level files are listed for SPIP 3 logos.
 */
export async function readSpipDump(path: string, options: ReadOptions & { mediaDir?: string } = {}): Promise<SpipDump> {
  const collector = new SpipCollector()
  const stats = await parseDumpFile(path, collector)
  let imgFiles = options.imgFiles
  if (!imgFiles && options.mediaDir) {
    imgFiles = (await readdir(options.mediaDir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)
  }
  return buildSpipDump(collector, stats, { ...options, imgFiles })
}

// --- summary -------------------------------------------------------------------------------------------

export interface SpipSummary {
  version: string
  prefix: string
  rubriques: number
  articles: number
  articlesParStatut: Record<string, number>
  groupesMots: number
  mots: number
  auteurs: number
  auteursParStatut: Record<string, number>
  documents: number
  documentsParMode: Record<string, number>
  forums: number
  forumsParStatut: Record<string, number>
  urls: number
  syndic: number
  logos: number
  liens: { mots: number; auteurs: number; documents: number }
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const item of items) {
    const k = key(item) || '(vide)'
    out[k] = (out[k] ?? 0) + 1
  }
  return out
}

export function summary(d: SpipDump): SpipSummary {
  return {
    version: d.version.label,
    prefix: d.prefix,
    rubriques: d.rubriques.length,
    articles: d.articles.length,
    articlesParStatut: countBy(d.articles, (a) => a.statut),
    groupesMots: d.groupesMots.length,
    mots: d.mots.length,
    auteurs: d.auteurs.length,
    auteursParStatut: countBy(d.auteurs, (a) => a.statut),
    documents: d.documents.length,
    documentsParMode: countBy(d.documents, (x) => x.mode),
    forums: d.forums.length,
    forumsParStatut: countBy(d.forums, (f) => f.statut),
    urls: d.urls.length,
    syndic: d.syndic.length,
    logos: d.logos.length,
    liens: { mots: d.motsLiens.length, auteurs: d.auteursLiens.length, documents: d.documentsLiens.length },
  }
}

const detail = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')

/** The summary as French lines, for the import report. */
export function formatSummary(s: SpipSummary): string[] {
  return [
    `${s.version} (tables ${s.prefix}*)`,
    `Rubriques : ${s.rubriques}`,
    `Articles : ${s.articles}${s.articles ? ` (${detail(s.articlesParStatut)})` : ''}`,
    `Groupes de mots-clés : ${s.groupesMots} ; mots-clés : ${s.mots} ; liens : ${s.liens.mots}`,
    `Auteurs : ${s.auteurs}${s.auteurs ? ` (${detail(s.auteursParStatut)})` : ''}`,
    `Documents : ${s.documents}${s.documents ? ` (${detail(s.documentsParMode)})` : ''} ; logos : ${s.logos}`,
    `Messages de forum : ${s.forums}${s.forums ? ` (${detail(s.forumsParStatut)})` : ''}`,
    `URLs : ${s.urls}`,
    `Sites référencés : ${s.syndic}`,
  ]
}
