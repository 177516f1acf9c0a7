/** `npm run build`: production build (the database must be reachable: pages are prerendered). */
import { buildApp, ensureDatabaseServer, ensureSecret, loadDotEnv } from './lib/runtime'
import { guardLoading } from './lib/loader-guard'

async function main() {
  loadDotEnv()
  ensureSecret()
  const db = await ensureDatabaseServer('labo')
  try {
    const { closePayload, loadPayload, migrate } = await guardLoading('Chargement de Payload', () => import('./lib/prepare'))
    const payload = await loadPayload()
    await migrate(payload)
    await closePayload(payload)
    await buildApp()
  } finally {
    await db.stop()
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
