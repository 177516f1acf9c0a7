/** Runs a command (e.g. `payload migrate:create`) with DATABASE_URI pointing at a database. */
import { ensureDatabaseServer, ensureSecret, loadDotEnv, run } from './lib/runtime'

async function main() {
  loadDotEnv()
  ensureSecret()
  const [cmd, ...args] = process.argv.slice(2)
  if (!cmd) throw new Error('usage: tsx scripts/with-db.ts <command> [args…]')
  const db = await ensureDatabaseServer(process.env.LABO_DB_NAME || 'labo')
  try {
    await run('npx', [cmd, ...args])
  } finally {
    await db.stop()
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
