/** `npm run seed`: loads the demo content (idempotent) into the configured database. */
import { ensureDatabaseServer, ensureSecret, loadDotEnv } from './lib/runtime'
import { guardLoading } from './lib/loader-guard'

async function main() {
  loadDotEnv()
  ensureSecret()
  const db = await ensureDatabaseServer('labo')
  try {
    const { closePayload, ensureAdmin, loadPayload, migrate, seedDemoContent } = await guardLoading('Chargement de Payload', () => import('./lib/prepare'))
    const payload = await loadPayload()
    await migrate(payload)
    await seedDemoContent(payload)
    await ensureAdmin(payload)
    await closePayload(payload)
    console.log('Contenu de démonstration chargé.')
  } finally {
    await db.stop()
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
