/**
 * Benchmark of the SPIP dump reader (issue 19: a whole import of 10,000 articles, 100,000 forum messages
 * and 2,000 documents within 3 minutes on 2 cores; reading the dump is its first step).
 *
 *   npx tsx bench/spip-read.ts [--keep]
 *
 * Writes a synthetic mysqldump of a SPIP 4.1 site of that size into a temp file (extended INSERTs of
 * about 1 MB, French text with SPIP markup, escapes and accents), then reads it in a fresh child process
 * (so that the peak RSS is the reader's own): once checking every row without decoding (parser only),
 * once building the typed SPIP objects (readSpipDump). Prints MB/s, rows/s and peak RSS.
 */

import { execFileSync } from 'node:child_process'
import { once } from 'node:events'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { parseDumpFile } from '../src/spip-import/dump'
import { readSpipDump, summary } from '../src/spip-import/read'
import { textGenerator } from './lib/text'

export const ARTICLES = 10_000
export const FORUMS = 100_000
export const DOCUMENTS = 2_000
const RUBRIQUES = 200
const AUTEURS = 60
const MOTS = 300
const STATEMENT_BYTES = 1 << 20

const esc = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`
const date = (i: number, n: number) => {
  const t = Date.UTC(2008, 0, 1) + Math.floor((i / n) * 16 * 365 * 86_400_000)
  return `'${new Date(t).toISOString().slice(0, 19).replace('T', ' ')}'`
}

/** Writes the synthetic dump (also used by bench/spip-import.ts). */
export async function generate(file: string): Promise<void> {
  const g = textGenerator(20_260_119)
  const out = createWriteStream(file)
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain')
  }
  await write(
    '/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB\n--\n-- Synthetic SPIP 4.1 site\n\n' +
      '/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET TIME_ZONE=\'+00:00\' */;\n\n',
  )
  const table = async (name: string, columns: string[], count: number, row: (i: number) => (string | number)[]) => {
    await write(
      `DROP TABLE IF EXISTS \`${name}\`;\n/*!40101 SET @saved_cs_client     = @@character_set_client */;\n` +
        `/*!40101 SET character_set_client = utf8mb4 */;\nCREATE TABLE \`${name}\` (\n` +
        columns.map((c) => `  \`${c.split(' ')[0]}\` ${c.split(' ').slice(1).join(' ') || 'text'} NOT NULL`).join(',\n') +
        `\n) ENGINE=MyISAM DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_general_ci;\n` +
        `/*!40101 SET character_set_client = @saved_cs_client */;\n\nLOCK TABLES \`${name}\` WRITE;\n`,
    )
    let statement = ''
    for (let i = 1; i <= count; i++) {
      const tuple = `(${row(i).join(',')})`
      if (!statement) statement = `INSERT INTO \`${name}\` VALUES ${tuple}`
      else statement += `,${tuple}`
      if (statement.length > STATEMENT_BYTES) {
        await write(`${statement};\n`)
        statement = ''
      }
    }
    if (statement) await write(`${statement};\n`)
    await write('UNLOCK TABLES;\n\n')
  }
  const paragraphs = (n: number, words: number) =>
    Array.from({ length: n }, (_, k) => (k % 3 === 1 ? `{{{${g.title()}}}}\n\n` : '') + g.text(words)).join('\n\n')

  await table('spip_meta', ['nom varchar(255)', 'valeur', 'impt', 'maj'], 3, (i) =>
    [
      ["'version_installee'", "'2022022302'"],
      ["'charset'", "'utf-8'"],
      ["'nom_site'", "'Site de test'"],
    ][i - 1].concat(["'oui'", "'2024-01-01 00:00:00'"]),
  )
  await table(
    'spip_rubriques',
    ['id_rubrique bigint', 'id_parent bigint', 'titre', 'descriptif', 'texte', 'id_secteur bigint', 'maj', 'statut', 'date', 'lang', 'langue_choisie', 'statut_tmp', 'date_tmp', 'profondeur smallint'],
    RUBRIQUES,
    (i) => [i, i <= 10 ? 0 : 1 + (i % 10), esc(g.title()), esc(g.text(20)), esc(g.text(60)), 1 + (i % 10), date(i, RUBRIQUES), "'publie'", date(i, RUBRIQUES), "'fr'", "'non'", "'publie'", date(i, RUBRIQUES), i <= 10 ? 0 : 1],
  )
  await table(
    'spip_articles',
    ['id_article bigint', 'surtitre', 'titre', 'soustitre', 'id_rubrique bigint', 'descriptif', 'chapo', 'texte', 'ps', 'date', 'statut', 'id_secteur bigint', 'maj', 'export', 'date_redac', 'visites int', 'referers int', 'popularite double', 'accepter_forum', 'date_modif', 'lang', 'langue_choisie', 'id_trad bigint', 'nom_site', 'url_site', 'virtuel'],
    ARTICLES,
    (i) => [
      i, "''", esc(g.title()), "''", 1 + (i % RUBRIQUES), esc(g.text(30)), esc(g.text(50)),
      esc(`${paragraphs(6, 90)}\n\n-* [L'article précédent->art${Math.max(1, i - 1)}]\n-* {{gras}} et {italique}[[Une note.]]`),
      "''", date(i, ARTICLES), g.chance(0.9) ? "'publie'" : "'prop'", 1 + (i % 10), date(i, ARTICLES), "'oui'", "'0000-00-00 00:00:00'",
      g.int(0, 5000), 0, g.random().toFixed(6), "''", date(i, ARTICLES), "'fr'", "'non'", 0, "''", "''", "''",
    ],
  )
  await table(
    'spip_auteurs',
    ['id_auteur bigint', 'nom', 'bio', 'email', 'nom_site', 'url_site', 'login', 'pass', 'statut', 'webmestre', 'maj', 'en_ligne', 'lang'],
    AUTEURS,
    (i) => [i, esc(g.person()), esc(g.text(15)), `'auteur${i}@example.org'`, "''", "''", `'auteur${i}'`, "'$2y$10$abcdefghijklmnopqrstuv'", i < 5 ? "'0minirezo'" : "'1comite'", "'non'", date(i, AUTEURS), date(i, AUTEURS), "''"],
  )
  await table('spip_auteurs_liens', ['id_auteur bigint', 'id_objet bigint', 'objet', 'vu'], ARTICLES, (i) => [1 + (i % AUTEURS), i, "'article'", "'non'"])
  await table('spip_groupes_mots', ['id_groupe bigint', 'titre', 'descriptif', 'texte', 'unseul', 'obligatoire', 'tables_liees', 'minirezo', 'comite', 'forum', 'maj'], 10, (i) => [i, esc(g.title()), "''", "''", "'non'", "'non'", "'articles'", "'oui'", "'oui'", "'non'", "'2010-01-01 00:00:00'"])
  await table('spip_mots', ['id_mot bigint', 'titre', 'descriptif', 'texte', 'id_groupe bigint', 'type', 'maj'], MOTS, (i) => [i, esc(g.word()), esc(g.text(15)), esc(g.text(40)), 1 + (i % 10), "'Groupe'", "'2010-01-01 00:00:00'"])
  await table('spip_mots_liens', ['id_mot bigint', 'id_objet bigint', 'objet'], ARTICLES * 3, (i) => [1 + (i % MOTS), 1 + (i % ARTICLES), "'article'"])
  await table(
    'spip_documents',
    ['id_document bigint', 'id_vignette bigint', 'extension', 'titre', 'date', 'descriptif', 'fichier', 'taille bigint', 'largeur int', 'hauteur int', 'duree int', 'media', 'mode', 'distant', 'statut', 'credits', 'alt', 'date_publication', 'brise tinyint', 'maj'],
    DOCUMENTS,
    (i) => [i, 0, i % 4 ? "'jpg'" : "'pdf'", esc(g.title()), date(i, DOCUMENTS), esc(g.text(12)), `'${i % 4 ? 'jpg' : 'pdf'}/document-${i}.${i % 4 ? 'jpg' : 'pdf'}'`, g.int(10_000, 2_000_000), i % 4 ? 1024 : 0, i % 4 ? 683 : 0, 'NULL', i % 4 ? "'image'" : "'file'", i % 20 ? (i % 4 ? "'image'" : "'document'") : "'logoon'", "'non'", "'publie'", "''", "''", date(i, DOCUMENTS), 0, date(i, DOCUMENTS)],
  )
  await table('spip_documents_liens', ['id_document bigint', 'id_objet bigint', 'objet', 'vu', 'rang_lien int'], DOCUMENTS, (i) => [i, 1 + ((i * 7) % ARTICLES), "'article'", "'non'", 0])
  await table(
    'spip_forum',
    ['id_forum bigint', 'id_objet bigint', 'objet', 'id_parent bigint', 'id_thread bigint', 'date_heure', 'date_thread', 'titre', 'texte', 'auteur', 'email_auteur', 'nom_site', 'url_site', 'statut', 'ip', 'maj', 'id_auteur bigint'],
    FORUMS,
    (i) => {
      const root = i % 4 === 1
      const thread = root ? i : i - (i % 4) + 1
      return [i, 1 + (Math.floor(i / 10) % ARTICLES), "'article'", root ? 0 : i - 1, thread, date(i, FORUMS), date(i, FORUMS), esc(g.title()), esc(g.text(g.int(20, 120))), esc(g.person()), `'lecteur${i % 5000}@example.net'`, "''", "''", g.chance(0.8) ? "'publie'" : g.chance(0.5) ? "'spam'" : "'off'", `'192.0.2.${i % 250}'`, date(i, FORUMS), 0]
    },
  )
  await table('spip_urls', ['id_parent bigint', 'url varchar(255)', 'type', 'id_objet bigint', 'date', 'segments smallint', 'perma tinyint', 'langue'], ARTICLES + RUBRIQUES + MOTS, (i) => {
    const [type, id] = i <= ARTICLES ? ['article', i] : i <= ARTICLES + RUBRIQUES ? ['rubrique', i - ARTICLES] : ['mot', i - ARTICLES - RUBRIQUES]
    return [0, `'${type}-${id}-${g.word().toLowerCase()}'`, `'${type}'`, id, date(i, ARTICLES), 1, 0, "''"]
  })
  // Revisions: the biggest table of real sites, never read.
  await table('spip_versions', ['id_version bigint', 'id_objet bigint', 'objet', 'date', 'id_auteur', 'titre_version', 'permanent', 'champs'], ARTICLES, (i) => [1, i, "'article'", date(i, ARTICLES), "'1'", "''", "'non'", esc(`a:1:{s:5:"texte";s:0:"${g.text(80)}";}`)])
  await write(`-- Dump completed on 2026-01-19 12:00:00\n`)
  out.end()
  await once(out, 'finish')
}

async function child(mode: string, file: string): Promise<void> {
  const start = performance.now()
  let rows: number
  let detail: unknown
  if (mode === 'parse') {
    const stats = await parseDumpFile(file, { wantRows: () => false })
    rows = stats.skippedRows
  } else {
    const d = await readSpipDump(file)
    const s = summary(d)
    rows = d.dump.rows
    detail = { articles: s.articles, forums: s.forums, documents: s.documents, urls: s.urls, logos: s.logos, warnings: d.warnings }
  }
  const seconds = (performance.now() - start) / 1000
  process.stdout.write(JSON.stringify({ seconds, rows, maxRssMB: process.resourceUsage().maxRSS / 1024, detail }))
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--child') return child(args[1], args[2])
  const dir = mkdtempSync(join(tmpdir(), 'bench-spip-'))
  const file = join(dir, 'spip-synthetic.sql')
  try {
    let t = performance.now()
    await generate(file)
    const mb = statSync(file).size / 1e6
    console.log(`Dump synthétique : ${mb.toFixed(1)} Mo en ${((performance.now() - t) / 1000).toFixed(1)} s (${file})`)
    for (const mode of ['parse', 'read']) {
      t = performance.now()
      const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', mode, file], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      })
      const r = JSON.parse(out) as { seconds: number; rows: number; maxRssMB: number; detail?: unknown }
      console.log(
        `${mode === 'parse' ? 'Analyse seule (lignes vérifiées)' : 'Lecture complète (objets SPIP)'} : ${r.seconds.toFixed(2)} s, ` +
          `${(mb / r.seconds).toFixed(1)} Mo/s, ${Math.round(r.rows / r.seconds).toLocaleString('fr-FR')} lignes/s ` +
          `(${r.rows.toLocaleString('fr-FR')} lignes), pic RSS ${r.maxRssMB.toFixed(0)} Mo`,
      )
      if (r.detail) console.log('  ', JSON.stringify(r.detail))
    }
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
