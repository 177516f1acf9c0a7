/**
 * Benchmark of the glossary matcher.
 *
 *   npx tsx bench/glossary.ts
 *
 * Builds a glossary of 500 synthetic French-looking terms (deterministic PRNG)
 * plus the 6 real ones, generates a 10,000-word text containing some of them,
 * then measures the build time and the median / p95 duration of 50 `find`
 * runs, with firstOnly true and false. Goal: under 5 ms per annotation of
 * 10,000 words.
 */

import { performance } from 'node:perf_hooks'
import { buildMatcher, type GlossaryEntry, type GlossaryMatch } from '../src/lib/glossary-matcher'
import { normalizeForMatch, stripAccents } from '../src/lib/text'
import { mulberry32 } from './lib/text'

const SYNTHETIC_TERMS = 500
const WORDS = 10_000
const RUNS = 50
const WARMUP = 10
const GOAL_MS = 5

const random = mulberry32(20240611)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1))

const SYLLABLES = [
  'co', 'op', 'é', 'ra', 'tion', 'so', 'li', 'dai', 're', 'no', 'mie', 'ter', 'ri', 'to', 'al', 'ac', 'teur',
  'fi', 'nan', 'cier', 'pô', 'le', 'mu', 'tu', 'té', 'in', 'ser', 'dé', 've', 'lop', 'pe', 'ment', 'ré',
  'seau', 'cir', 'cuit', 'ci', 'toy', 'en', 'gou', 'ver', 'nan', 'ce', 'é', 'qui', 'ta', 'ble', 'ges', 'tion',
  'pro', 'jet', 'lo', 'cal', 'ca', 'pi', 'tal', 'ha', 'bi', 'tat', 'cul', 'tu', 'rel', 'ag', 'ri', 'col',
]
const CONNECTORS = ['de', 'du', 'des', 'et', 'pour', 'en']
const FILLER = [
  'le', 'la', 'les', 'de', 'des', 'du', 'et', 'en', 'un', 'une', 'pour', 'avec', 'dans', 'sur', 'par', 'qui',
  'que', 'est', 'sont', 'projet', 'territoire', 'acteurs', 'économie', 'sociale', 'solidaire', 'emploi',
  'entreprise', 'association', 'réseau', 'politique', 'publique', 'développement', 'local', 'citoyens',
  'habitants', 'collectivités', 'financement', 'innovation', 'transition', 'écologique', 'culture', 'lieu',
  'lieux', 'accueillir', 'démarche', 'collective', 'rapport', 'étude', 'enjeux', 'nouveaux', 'modèles',
  'cœur', 'œuvre', 'l’action', 'aujourd’hui', 'c’est', 'n’est',
]

function syntheticWord(): string {
  let word = ''
  const count = int(2, 4)
  for (let i = 0; i < count; i++) word += pick(SYLLABLES)
  return word
}

function syntheticTerm(): string {
  const words = [syntheticWord()]
  const extra = int(0, 3)
  for (let i = 0; i < extra; i++) {
    if (random() < 0.4) words.push(pick(CONNECTORS))
    words.push(syntheticWord())
  }
  const term = words.join(' ')
  return term[0].toUpperCase() + term.slice(1)
}

const REAL: GlossaryEntry[] = [
  { id: 'ess', slug: 'ess', term: 'ESS', variants: ['économie sociale et solidaire'] },
  { id: 'ptce', slug: 'ptce', term: 'PTCE', variants: ['pôle territorial de coopération économique'] },
  { id: 'amap', slug: 'amap', term: 'AMAP', variants: ['AMAPs'] },
  { id: 'circuits-courts', slug: 'circuits-courts', term: 'Circuits courts' },
  { id: 'outils', slug: 'outils-financiers-solidaires', term: 'Outils financiers solidaires' },
  { id: 'cooperation', slug: 'cooperation', term: 'Coopération' },
]

function buildGlossary(): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [...REAL]
  const forms = new Set(REAL.map((e) => normalizeForMatch(e.term)))
  let n = 0
  while (n < SYNTHETIC_TERMS) {
    const term = syntheticTerm()
    const key = normalizeForMatch(term)
    if (forms.has(key)) continue
    forms.add(key)
    n++
    const entry: GlossaryEntry = { id: `t${n}`, slug: `t${n}`, term }
    if (random() < 0.2) entry.variants = [`${term}s`]
    entries.push(entry)
  }
  return entries
}

/** Writes a term the way an author might: original, lowercase, or without accents. */
function writeTerm(term: string): string {
  const r = random()
  if (r < 0.4) return term
  if (r < 0.8) return term.toLowerCase()
  return stripAccents(term)
}

function buildText(entries: readonly GlossaryEntry[]): { text: string; words: number } {
  const parts: string[] = []
  let words = 0
  let sentence = 0
  while (words < WORDS) {
    const r = random()
    let chunk: string
    if (r < 0.03) {
      const entry = random() < 0.3 ? pick(REAL) : pick(entries)
      const form = entry.variants && random() < 0.3 ? entry.variants[0] : entry.term
      chunk = writeTerm(form)
      if (random() < 0.3) chunk = `${pick(["l'", 'l’', "d'", 'd’'])}${chunk}`
    } else if (r < 0.2) {
      chunk = syntheticWord()
    } else {
      chunk = pick(FILLER)
    }
    words += chunk.split(' ').length
    sentence++
    if (sentence > int(8, 20)) {
      chunk += pick(['.', '.', ',', ' ;', ' ?', ' !', ' :'])
      sentence = 0
    }
    parts.push(chunk)
  }
  return { text: parts.join(' '), words }
}

function stats(samples: number[]): { median: number; p95: number; min: number; max: number; mean: number } {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  return {
    median: (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2,
    p95: at(0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
  }
}

const fmt = (ms: number): string => `${ms.toFixed(3)} ms`

function main(): void {
  const entries = buildGlossary()
  const { text, words } = buildText(entries)

  const buildTimes: number[] = []
  let matcher = buildMatcher(entries)
  for (let k = 0; k < 10; k++) {
    const t0 = performance.now()
    matcher = buildMatcher(entries)
    buildTimes.push(performance.now() - t0)
  }
  const build = stats(buildTimes)

  console.log('Glossary matcher benchmark')
  console.log(`  entries: ${entries.length} (${SYNTHETIC_TERMS} synthetic + ${REAL.length} real), compiled forms: ${matcher.size}`)
  console.log(`  text: ${words} words, ${text.length} UTF-16 code units`)
  console.log(`  build: median ${fmt(build.median)}, p95 ${fmt(build.p95)} (over ${buildTimes.length} builds)`)

  let ok = true
  for (const firstOnly of [true, false]) {
    let matches: GlossaryMatch[] = []
    for (let k = 0; k < WARMUP; k++) matches = matcher.find(text, { firstOnly })
    const times: number[] = []
    for (let k = 0; k < RUNS; k++) {
      const t0 = performance.now()
      matches = matcher.find(text, { firstOnly })
      times.push(performance.now() - t0)
    }
    // Sanity check: offsets point at the matched text.
    for (const m of matches) {
      if (text.slice(m.start, m.end) !== m.text) throw new Error(`bad offsets for ${m.text}`)
    }
    const s = stats(times)
    ok &&= s.p95 < GOAL_MS
    console.log(
      `  find(firstOnly: ${firstOnly}): ${matches.length} matches; median ${fmt(s.median)}, p95 ${fmt(s.p95)}, ` +
        `min ${fmt(s.min)}, max ${fmt(s.max)} (${RUNS} runs after ${WARMUP} warm-up runs)`,
    )
  }
  console.log(ok ? `  OK: p95 under ${GOAL_MS} ms per 10,000-word annotation` : `  SLOW: p95 above ${GOAL_MS} ms`)
  if (!ok) process.exitCode = 1
}

main()
