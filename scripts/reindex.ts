/**
 * `npm run reindex`: rebuilds the whole search index from the published documents of
 * DATABASE_URI (or the embedded database). Safe while the site runs: the index is replaced in
 * one transaction, and searches keep reading the old one until it commits; then the REST cache's
 * content generation is bumped, so that no server keeps a search answer of the old index.
 */
import { ensureDatabaseServer, ensureSecret, loadDotEnv } from './lib/runtime'
import { guardLoading } from './lib/loader-guard'

async function main() {
  loadDotEnv()
  ensureSecret()
  const db = await ensureDatabaseServer('labo')
  try {
    const { closePayload, loadPayload } = await guardLoading('Chargement de Payload', () => import('./lib/prepare'))
    const { reindexAll } = await import('../src/plugins/search')
    const { executorFor, schemaReady } = await import('../src/plugins/search/sql')
    const { SEARCH_TYPES } = await import('../src/lib/search-types')
    const payload = await loadPayload()
    if (!(await schemaReady(await executorFor(payload)))) {
      await closePayload(payload)
      throw new Error('L’index de recherche n’existe pas encore : appliquez d’abord les migrations (npm run migrate).')
    }
    const started = Date.now()
    const count = await reindexAll(payload, SEARCH_TYPES)
    // The index is written without Payload's hooks: the servers' cached search answers go too.
    const { bumpRestCache } = await import('../src/plugins/rest-cache')
    await bumpRestCache(payload)
    await closePayload(payload)
    console.log(`Index de recherche reconstruit : ${count ?? 0} document(s) publié(s), en ${Date.now() - started} ms.`)
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
