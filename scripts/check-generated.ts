/**
 * CI check: the committed import map and generated types match the configuration.
 * (The migrations are checked against the config by tests/int/migrations.test.ts.)
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { ROOT } from './lib/runtime'

const GENERATED = [
  { file: 'src/app/(payload)/admin/importMap.js', command: 'generate:importmap' },
  { file: 'src/payload-types.ts', command: 'generate:types' },
]

let stale = 0
for (const { file, command } of GENERATED) {
  const abs = path.join(ROOT, file)
  const committed = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : ''
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/payload/bin.js'), command], {
    cwd: ROOT,
    env: { ...process.env, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'check', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const regenerated = fs.readFileSync(abs, 'utf8')
  if (regenerated !== committed) {
    console.error(`✗ ${file} ne correspond pas à la configuration : lancez \`npm run ${command}\` et committez-le.`)
    stale++
  } else {
    console.log(`✓ ${file} à jour`)
  }
}
process.exit(stale ? 1 : 0)
