/** `npm run dev`: Next in development mode with schema push, on its own database (labo_dev). */
import { spawn } from 'node:child_process'

import { ensureDatabaseServer, ensureSecret, loadDotEnv, NEXT_BIN, ROOT, supervise } from './lib/runtime'

async function main() {
  loadDotEnv()
  ensureSecret()
  // A pushed schema must never meet the migrated one: dev gets a database of its own.
  const db = await ensureDatabaseServer('labo_dev')
  const port = process.env.PORT || '3000'
  const child = spawn(process.execPath, [NEXT_BIN, 'dev', '-p', port], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PAYLOAD_DB_PUSH: 'true' },
  })
  supervise(() => child, db.stop)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
