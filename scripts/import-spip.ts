/**
 * `npm run import:spip -- <dump.sql> [--media <IMG>] [--dry-run] [--mapping <file.json>] [--report <file.json>]`:
 * imports a SPIP site (README « Migrer depuis SPIP »). The dump and the mapping file are read and
 * checked before Payload starts: a file that is not a SPIP dump, truncated or of an unknown
 * version stops here, with exit code 1 and nothing written.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { ensureDatabaseServer, ensureSecret, loadDotEnv } from './lib/runtime'
import { guardLoading } from './lib/loader-guard'

const USAGE = 'usage : npm run import:spip -- <export.sql> [--media <dossier IMG>] [--dry-run] [--mapping <fichier.json>] [--report <rapport.json>]'

function parseArgs(argv: string[]) {
  const out: { dump?: string; media?: string; mapping?: string; report?: string; dryRun: boolean } = { dryRun: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (!v || v.startsWith('--')) throw new Error(`${a} attend une valeur.\n${USAGE}`)
      return v
    }
    if (a === '--dry-run') out.dryRun = true
    else if (a === '--media') out.media = value()
    else if (a === '--mapping') out.mapping = value()
    else if (a === '--report') out.report = value()
    else if (a.startsWith('--')) throw new Error(`Option inconnue : ${a}\n${USAGE}`)
    else if (!out.dump) out.dump = a
    else throw new Error(`Un seul fichier d’export à la fois (reçu aussi « ${a} »).\n${USAGE}`)
  }
  if (!out.dump) throw new Error(USAGE)
  return out
}

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const dumpFile = args.dump!
  const { readSpipDump } = await import('../src/spip-import/read')
  const { parseMapping, resolveMapping } = await import('../src/spip-import/mapping')
  if (args.media && !statSync(args.media, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`--media : le dossier « ${args.media} » n’existe pas.`)
  }
  let mappingFile
  if (args.mapping) {
    let json: unknown
    try {
      json = JSON.parse(readFileSync(args.mapping, 'utf8'))
    } catch (err) {
      throw new Error(`Fichier de correspondance « ${args.mapping} » illisible : ${err instanceof Error ? err.message : err}`)
    }
    mappingFile = parseMapping(json)
  }
  console.error(`Lecture de ${dumpFile}…`)
  const dump = await readSpipDump(dumpFile, { mediaDir: args.media })
  const mapping = resolveMapping(dump, mappingFile)

  loadDotEnv()
  ensureSecret()
  const db = await ensureDatabaseServer('labo')
  try {
    const { closePayload, loadPayload, migrate } = await guardLoading('Chargement de Payload', () => import('./lib/prepare'))
    const { importSpip } = await import('../src/spip-import/import')
    const { Progress } = await import('../src/spip-import/report')
    const payload = await loadPayload()
    if (!args.dryRun) await migrate(payload)
    else {
      // A simulation writes nothing, migrations included: the base must already be up to date.
      const { migrations } = await import('../src/migrations')
      const docs = await payload
        .find({ collection: 'payload-migrations', pagination: false, depth: 0, overrideAccess: true })
        .then((r) => r.docs, () => [])
      const applied = new Set(docs.map((d) => (d as { name?: string }).name))
      const pending = migrations.filter((m) => !applied.has(m.name))
      if (pending.length) {
        await closePayload(payload)
        throw new Error(`La base n’est pas à jour (${pending.length} migration(s) à appliquer) : lancez « npm run migrate », puis la simulation.`)
      }
    }
    const report = await importSpip(payload, dump, { file: dumpFile, mapping, mediaDir: args.media, dryRun: args.dryRun, progress: new Progress() })
    await closePayload(payload)
    console.log(report.format().join('\n'))
    const file = path.resolve(args.report ?? 'rapport-import-spip.json')
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
    console.log(`\nRapport JSON : ${file}`)
  } finally {
    await db.stop()
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
