/**
 * `npm run migrate`: applies the committed migrations to DATABASE_URI (or the embedded
 * database). With --seed it also loads the demo content. Used by the tests too.
 */
import { ensureDatabaseServer, ensureSecret, loadDotEnv } from './lib/runtime'
import { guardLoading } from './lib/loader-guard'

async function main() {
  loadDotEnv()
  ensureSecret()
  const withSeed = process.argv.includes('--seed')
  const db = await ensureDatabaseServer('labo')
  try {
    const { closePayload, loadPayload, migrate, seedDemoContent } = await guardLoading('Chargement de Payload', () => import('./lib/prepare'))
    const payload = await loadPayload()
    await migrate(payload)
    if (withSeed) await seedDemoContent(payload)
    await closePayload(payload)
  } finally {
    await db.stop()
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.stack : err)
    process.exit(1)
  },
)
