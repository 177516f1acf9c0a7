/**
 * Benchmark of the whole SPIP import (issue 19: 10,000 articles, 100,000 forum messages and
 * 2,000 documents in under 3 minutes on 2 cores).
 *
 *   npx tsx bench/spip-import.ts [--keep]
 *
 * Writes the synthetic SPIP 4.1 dump of bench/spip-read.ts and an IMG/ folder (1,500 JPEG photos
 * of 1024×683 and 500 PDF), then runs `npm run import:spip` itself on a throwaway embedded
 * Postgres (LABO_DATA_DIR and MEDIA_DIR in a temp folder): once on the empty base, then again
 * (nothing changed: every object « inchangé »). Prints the wall-clock time of each run (Payload's
 * start and the migrations included) and the import's own time per phase.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'

import sharp from 'sharp'

import { ARTICLES, DOCUMENTS, FORUMS, generate } from './spip-read'

async function images(dir: string): Promise<void> {
  mkdirSync(path.join(dir, 'jpg'), { recursive: true })
  mkdirSync(path.join(dir, 'pdf'), { recursive: true })
  const width = 1024
  const height = 683
  // A photo-like image (noise compresses like a photo, not like a flat colour).
  const raw = Buffer.alloc(width * height * 3)
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + ((i / 3072) | 0) * 31) & 0xff
  const jpg = path.join(dir, 'jpg', 'document-1.jpg')
  await sharp(raw, { raw: { width, height, channels: 3 } }).blur(2).jpeg({ quality: 80 }).toFile(jpg)
  const pdf = path.resolve('tests/fixtures/spip/labo/IMG/pdf/synthese_cahiers-d-esperances_2012.pdf')
  for (let i = 1; i <= DOCUMENTS; i++) {
    if (i % 4) {
      if (i !== 1) linkSync(jpg, path.join(dir, 'jpg', `document-${i}.jpg`))
    } else copyFileSync(pdf, path.join(dir, 'pdf', `document-${i}.pdf`))
  }
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; code: number; output: string }> {
  const started = performance.now()
  return new Promise((resolve) => {
    // BENCH_PROFILE=<dir>: a V8 CPU profile of the import (summary: bench/cpuprofile-summary.ts).
    const profile = process.env.BENCH_PROFILE
    const node = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`, '--import', 'tsx'] : ['scripts/launch.mjs']
    const child = spawn(process.execPath, [...node, 'scripts/import-spip.ts', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => process.stderr.write(d))
    child.on('exit', (code) => resolve({ seconds: (performance.now() - started) / 1000, code: code ?? 1, output }))
  })
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-spip-import-'))
  try {
    const dump = path.join(dir, 'spip-synthetic.sql')
    const img = path.join(dir, 'IMG')
    let t = performance.now()
    await generate(dump)
    await images(img)
    console.log(`Dump synthétique (${ARTICLES} articles, ${FORUMS} messages, ${DOCUMENTS} documents) et IMG/ prêts en ${((performance.now() - t) / 1000).toFixed(1)} s`)
    // A throwaway embedded Postgres, whatever DATABASE_URI says.
    const { DATABASE_URI: _ignored, ...inherited } = process.env
    const env: NodeJS.ProcessEnv = { ...inherited, LABO_DATA_DIR: path.join(dir, 'data'), MEDIA_DIR: path.join(dir, 'media') }
    const results: Record<string, unknown>[] = []
    for (const label of ['premier import', 'second import (rien de changé)']) {
      t = performance.now()
      const report = path.join(dir, `report-${results.length}.json`)
      const r = await run([dump, '--media', img, '--report', report], env)
      if (r.code !== 0) throw new Error(`import en échec (code ${r.code}) :\n${r.output.slice(-2000)}`)
      const json = JSON.parse(readFileSync(report, 'utf8')) as { counts: Record<string, Record<string, number>>; durations: Record<string, number>; failed: unknown[]; cpuMs: number }
      const phases = Object.entries(json.durations).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')
      console.log(`\n${label} : ${r.seconds.toFixed(1)} s au total (démarrage de Payload et migrations compris)`)
      console.log(`  phases : ${phases}`)
      console.log(`  temps CPU de l’import (Node, hors Postgres) : ${(json.cpuMs / 1000).toFixed(1)} s ; charge moyenne de la machine : ${os.loadavg()[0].toFixed(1)}`)
      console.log(`  ${Object.entries(json.counts).map(([k, c]) => `${k} ${JSON.stringify(c)}`).join('\n  ')}`)
      if (json.failed.length) console.log(`  ${json.failed.length} objet(s) en erreur, par exemple ${JSON.stringify(json.failed[0])}`)
      results.push({ label, seconds: r.seconds, cpuMs: json.cpuMs, load: os.loadavg()[0], durations: json.durations, counts: json.counts })
    }
    console.log(`\nMachine : ${os.cpus().length} cœur(s) ${os.cpus()[0]?.model ?? ''}, Node ${process.version}`)
    console.log(JSON.stringify({ cores: os.cpus().length, results }))
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true })
    else console.log(`Gardé : ${dir}`)
  }
}

await main()
