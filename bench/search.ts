/**
 * Benchmark of the site search (not a test).
 *
 *   npm run bench:search                      # throwaway embedded Postgres in a temp folder
 *   DATABASE_URI=postgres://… npm run bench:search   # a throwaway database on that server
 *   npm run bench:search -- --docs 20000 --runs 200
 *   npm run bench:search -- --only phrase --explain   # matching queries only; EXPLAIN (ANALYZE, BUFFERS) each
 *   DATABASE_URI=… npm run bench:search -- --keep      # keep the database (its name is printed)…
 *   DATABASE_URI=… npm run bench:search -- --db labo_bench_x   # …and time it again (migrated, not re-indexed)
 *
 * Creates a throwaway database, applies the committed migrations, generates 10,000 French
 * documents of every searchable type (deterministic PRNG; Lexical bodies of 80 to 800 words from
 * a small domain vocabulary, so that common words such as "économie" occur in nearly every
 * document — the hardest case for ranking — and a long tail of rare words),
 * indexes them through the plugin's own code (indexRowOf → replaceIndex), then times, for a set
 * of queries, what GET /api/search runs in SQL (one statement: query check, ranked page with its
 * count and excerpts) and prints p50/p95 per query. Goal: p95 under 20 ms. Past 500 matches the search
 * stops counting ("> 500") and ranks a bounded candidate set (see searchIndex).
 *
 * The generated documents exist in the index only: the check that a page's results are still
 * published in their collections' tables (10 primary-key lookups) is left out.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import pg from 'pg'

import { ensureDatabase, startEmbeddedPostgres, tmpDataDir } from '../scripts/lib/embedded-postgres'
import { loadDotEnv } from '../scripts/lib/runtime'
import { mulberry32 } from './lib/text'
import { guardLoading } from '../scripts/lib/loader-guard'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const DOCS = arg('docs', 10_000)
const RUNS = arg('runs', 100)
const WARMUP = 10
const flag = (name: string) => process.argv.includes(`--${name}`)
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}
/** Keep the throwaway database (with DATABASE_URI only: an embedded server is stopped anyway). */
const KEEP = flag('keep')
/** Re-use a database kept by --keep: migrated (new migrations run), not generated nor indexed again. */
const REUSE = option('db')
/** Only the queries whose label contains this text. */
const ONLY = option('only')
/** Print EXPLAIN (ANALYZE, BUFFERS) of each query's statement after its timings. */
const EXPLAIN = flag('explain')
const GOAL_MS = 20

const random = mulberry32(20261126)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))

// Words of the domain, inflected as in real text, and function words.
const WORDS = (
  'économie économies économique économiques sociale sociales solidaire solidaires coopérative coopératives coopération ' +
  'coopérer association associations entreprise entreprises entrepreneur entrepreneurs entrepreneuriat emploi emplois ' +
  'insertion territoire territoires territorial territoriale local locale locaux développement durable durables ' +
  'innovation innovations innovante innovantes projet projets acteurs actrices réseau réseaux citoyen citoyens citoyenne ' +
  'habitants collectivité collectivités financement financements finance solidarité utilité mutuelle mutuelles fondation ' +
  'fondations agriculture alimentation agricole paysanne paysans producteurs consommateurs circuit circuits court courts ' +
  'culture culturelle culturels éducation santé habitat logement énergie énergies renouvelables transition écologique ' +
  'numérique gouvernance démocratie participative bénévoles bénévolat salariés salariée formation formations jeunes ' +
  'quartiers ruraux urbains politique politiques publique publiques état région régions département commune communes ' +
  'europe européenne européen monnaie monnaies complémentaires banque banques épargne investissement investisseurs ' +
  'pôle pôles ptce amap scop scic mutualisation mutualiser essaimage essaimer expérimentation expérimentations ' +
  'évaluation impact impacts valeur valeurs création créer accompagnement accompagner dispositif dispositifs ' +
  'proposition propositions groupe groupes travail thème thèmes axe axes cahier cahiers espérances laboratoire idées'
).split(' ')
const FILLER = 'le la les de des du et en un une pour avec dans sur par qui que est sont au aux ce cette ces son sa ses leur leurs plus très aussi mais ou donc'.split(' ')
const SYLLABLES = 'co op ra tion so li dai re no mie ter ri to al ac teur fi nan cier pô le mu tu té in ser dé ve lop pe ment ré seau ci toy en gou ver ce qui ta ble ges pro jet lo cal ca pi tal ha bi tat cul rel ag col'.split(' ')
// A long tail of rare words, like the names, places and jargon of real text.
const RARE = Array.from({ length: 20_000 }, () => Array.from({ length: int(2, 4) }, () => pick(SYLLABLES)).join(''))
const PHRASES = [
  'économie sociale et solidaire',
  'circuits courts',
  'circuit court',
  'coopératives d’activité et d’emploi',
  'pôles territoriaux de coopération économique',
  'développement durable des territoires',
  'agriculture paysanne',
  'innovation sociale',
]

const word = () => {
  const r = random()
  if (r < 0.45) return pick(FILLER)
  if (r < 0.75) return pick(WORDS)
  return pick(RARE)
}
function sentence(min = 8, max = 20): string {
  const words: string[] = []
  const n = int(min, max)
  for (let i = 0; i < n; i++) words.push(random() < 0.04 ? pick(PHRASES) : word())
  const s = words.join(' ')
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`
}
const text = (words: number) => {
  const out: string[] = []
  let count = 0
  while (count < words) {
    const s = sentence()
    out.push(s)
    count += s.split(' ').length
  }
  return out
}
const lexical = (words: number) => {
  const sentences = text(words)
  const paragraphs: string[] = []
  for (let i = 0; i < sentences.length; i += 4) paragraphs.push(sentences.slice(i, i + 4).join(' '))
  return {
    root: {
      type: 'root',
      children: paragraphs.map((p) => ({ type: 'paragraph', children: [{ type: 'text', text: p }] })),
    },
  }
}
const title = () => sentence(3, 9).replace(/\.$/, '')

type GeneratedDoc = { type: string; doc: Record<string, unknown> }

function generate(n: number): GeneratedDoc[] {
  const mix: [string, number][] = [
    ['articles', 0.4],
    ['projects', 0.2],
    ['themes', 0.1],
    ['pages', 0.1],
    ['glossary-terms', 0.1],
    ['axes', 0.05],
    ['partners', 0.05],
  ]
  const docs: GeneratedDoc[] = []
  let id = 0
  for (const [type, share] of mix) {
    const count = Math.round(n * share)
    for (let i = 0; i < count && docs.length < n; i++) {
      id++
      const slug = `doc-${id}`
      const publishedAt = new Date(Date.UTC(2010 + int(0, 15), int(0, 11), int(1, 28))).toISOString()
      const base = { id, slug, publishedAt, _status: 'published' }
      const doc: Record<string, unknown> =
        type === 'articles'
          ? { ...base, title: title(), excerpt: text(int(20, 40)).join(' '), body: lexical(int(80, 800)), authors: [{ name: `${pick(RARE)} ${pick(RARE)}` }] }
          : type === 'projects'
            ? {
                ...base,
                title: title(),
                summary: text(int(15, 30)).join(' '),
                supportedProject: lexical(int(50, 250)),
                context: lexical(int(50, 250)),
                structure: lexical(int(30, 150)),
                foundationOpinion: lexical(int(20, 100)),
                lever: title(),
              }
            : type === 'themes'
              ? { ...base, number: id, title: title(), body: lexical(int(80, 500)) }
              : type === 'pages'
                ? { ...base, title: title(), body: lexical(int(80, 800)) }
                : type === 'glossary-terms'
                  ? { ...base, term: title(), variants: [{ variant: title() }], shortDefinition: text(int(10, 30)).join(' '), definition: lexical(int(30, 200)) }
                  : type === 'axes'
                    ? { ...base, number: id, title: title(), tagline: title(), introduction: lexical(int(80, 400)) }
                    : { ...base, name: title(), legalForm: pick(['association', 'scop', 'scic']), description: lexical(int(20, 150)) }
      docs.push({ type, doc })
    }
  }
  return docs
}

const QUERIES: { label: string; q: string; type?: string; page?: number }[] = [
  { label: 'économie (very common)', q: 'économie' },
  { label: 'coopératives (stemming)', q: 'coopératives' },
  { label: 'economie (no accent)', q: 'economie' },
  { label: 'circuits courts', q: 'circuits courts' },
  { label: '"économie sociale et solidaire"', q: '"économie sociale et solidaire"' },
  { label: 'coopérative -agriculture', q: 'coopérative -agriculture' },
  { label: 'emploi OR insertion', q: 'emploi OR insertion' },
  { label: 'développement durable des territoires', q: 'développement durable des territoires' },
  { label: 'amap (less common)', q: 'amap' },
  { label: 'rare word', q: RARE[17]! },
  { label: 'no match', q: 'ornithorynque' },
  { label: 'économie, type=projects', q: 'économie', type: 'projects' },
  { label: 'économie, page 5', q: 'économie', page: 5 },
]

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

async function main() {
  loadDotEnv()
  process.env.PAYLOAD_SECRET ||= 'bench-secret'
  const dbName = REUSE ?? `labo_bench_${Date.now().toString(36)}`
  if ((KEEP || REUSE) && !process.env.DATABASE_URI) throw new Error('--keep and --db need DATABASE_URI (a server that outlives the run)')
  let adminUri: string
  let cleanup = async () => {}
  if (process.env.DATABASE_URI) {
    const url = new URL(process.env.DATABASE_URI)
    url.pathname = '/postgres'
    adminUri = url.toString()
    cleanup = async () => {
      if (KEEP || REUSE) return console.log(`Database kept: ${dbName} (--db ${dbName} to time it again)`)
      const client = new pg.Client({ connectionString: adminUri })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)
      await client.end()
    }
  } else {
    const dir = tmpDataDir('labo-bench-search-')
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), ephemeral: true })
    adminUri = server.uri('postgres')
    cleanup = async () => {
      await server.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  await ensureDatabase(adminUri, dbName)
  const dbUrl = new URL(adminUri)
  dbUrl.pathname = `/${dbName}`
  process.env.DATABASE_URI = dbUrl.toString()

  try {
    const { loadPayload, migrate } = await guardLoading('Chargement de Payload', () => import('../scripts/lib/prepare'))
    const { indexRowOf } = await import('../src/lib/search-documents')
    const { excerptHtml } = await import('../src/lib/search-text')
    const { parseSearchInput } = await import('../src/plugins/search/service')
    const { executorFor, replaceIndex, searchIndex } = await import('../src/plugins/search/sql')
    const { sql } = await import('@payloadcms/db-postgres/drizzle')
    type SearchType = Parameters<typeof indexRowOf>[0]

    const payload = await loadPayload()
    await migrate(payload)
    const exec = await executorFor(payload)
    const pool = (payload.db as unknown as { pool: pg.Pool }).pool

    if (!REUSE) {
      let t0 = performance.now()
      const docs = generate(DOCS)
      const rows = docs.map(({ type, doc }) => indexRowOf(type as SearchType, doc)).filter((r) => r !== null)
      const words = rows.reduce((n, r) => n + r.body.split(/\s+/).length, 0)
      console.log(`${rows.length} documents generated and extracted in ${Math.round(performance.now() - t0)} ms (${Math.round(words / rows.length)} words of body on average)`)

      t0 = performance.now()
      await replaceIndex(exec, async () => rows)
      const indexMs = performance.now() - t0
      console.log(`Indexed in ${(indexMs / 1000).toFixed(1)} s`)
    }
    await pool.query('VACUUM ANALYZE search.documents')
    const { rows: size } = await pool.query(
      `SELECT pg_size_pretty(pg_total_relation_size('search.documents')) AS total, pg_size_pretty(pg_relation_size('search.documents_tsv_idx')) AS gin`,
    )
    console.log(`Table + indexes ${size[0].total}, GIN ${size[0].gin}`)
    const { rows: version } = await pool.query('SHOW server_version')
    const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')
    console.log(`PostgreSQL ${version[0].server_version}, ${os.cpus().length} CPU(s), load average ${load()} before the runs\n`)

    /** What GET /api/search runs in SQL for one request (through `runner`: the database, or EXPLAIN). */
    const run = async ({ q, type, page }: (typeof QUERIES)[number], runner = exec) => {
      const parsed = parseSearchInput({ q, type, page: page ? String(page) : undefined })
      if (!parsed.ok) throw new Error(`${q}: ${parsed.error.code}`)
      const { query, types, limit } = parsed.value
      const result = await searchIndex(runner, { query, types, limit, offset: (parsed.value.page - 1) * limit, live: null })
      if (runner !== exec) return ''
      if (result.reading !== 'ok') throw new Error(`${q}: ${result.reading}`)
      result.hits.forEach((h) => excerptHtml(h.headline))
      return result.capped ? `> ${result.total}` : String(result.total)
    }

    const table: string[][] = [['query', 'matches', 'p50 ms', 'p95 ms', 'max ms']]
    let worstP95 = 0
    const plans: string[] = []
    for (const query of QUERIES.filter((q) => !ONLY || q.label.includes(ONLY))) {
      for (let i = 0; i < WARMUP; i++) await run(query)
      const times: number[] = []
      let total = ''
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now()
        total = await run(query)
        times.push(performance.now() - start)
      }
      times.sort((a, b) => a - b)
      const p95 = percentile(times, 95)
      worstP95 = Math.max(worstP95, p95)
      table.push([query.label, total, percentile(times, 50).toFixed(2), p95.toFixed(2), times.at(-1)!.toFixed(2)])
      if (EXPLAIN) {
        const explain: typeof exec = {
          ...exec,
          execute: async (statement) => {
            const { rows: plan } = await exec.execute(sql`EXPLAIN (ANALYZE, BUFFERS) ${statement}`)
            plans.push(`\n${query.label}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`)
            return { rows: [] }
          },
        }
        await run(query, explain)
      }
    }
    const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)))
    for (const [i, row] of table.entries()) {
      console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
      if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
    }
    for (const plan of plans) console.log(plan)
    console.log(`\nLoad average after the runs: ${load()} (the timings include whatever else the machine was doing).`)
    console.log(`${RUNS} runs per query after ${WARMUP} warm-up runs. Worst p95: ${worstP95.toFixed(2)} ms — goal < ${GOAL_MS} ms: ${worstP95 < GOAL_MS ? 'met' : 'NOT met'}.`)
    // The server is stopped next: idle connections must not crash the process on their way out.
    ;(payload.db as unknown as { pool: pg.Pool }).pool.on('error', () => {})
    await payload.destroy()
  } finally {
    await cleanup()
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.stack : err)
    process.exit(1)
  },
)
