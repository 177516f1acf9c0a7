/** `npm start`: database, migrations, first admin, demo content, build if needed, then serve. */
import { spawn } from 'node:child_process'

import { parseTrustedProxies } from '../src/lib/http/client-address'
import { buildApp, buildIsFresh, ensureDatabaseServer, ensureSecret, keepAlive, loadDotEnv, ROOT, serverArgs, step, supervise } from './lib/runtime'
import { guardLoading } from './lib/loader-guard'

const TOTAL = 5

async function main() {
  const started = keepAlive('npm start')
  loadDotEnv()
  // A mistyped TRUSTED_PROXIES fails now, before the database and the build.
  parseTrustedProxies(process.env.TRUSTED_PROXIES)
  ensureSecret()
  const port = process.env.PORT || '3000'
  process.env.SITE_URL ||= `http://localhost:${port}`

  step(1, TOTAL, process.env.DATABASE_URI ? 'Connexion à la base de données (DATABASE_URI)…' : 'Démarrage de la base Postgres intégrée (.data/postgres)…')
  // The embedded server is started again if it dies (killed, crashed), as is the web server below.
  const db = await ensureDatabaseServer('labo', { restart: true })
  try {
    const { closePayload, ensureAdmin, loadPayload, migrate, seedDemoContent } = await guardLoading('Chargement de Payload', () => import('./lib/prepare'))
    const payload = await loadPayload()
    step(2, TOTAL, 'Application des migrations…')
    await migrate(payload)
    step(3, TOTAL, 'Contenu de démonstration et compte administrateur…')
    await seedDemoContent(payload)
    await ensureAdmin(payload)
    await closePayload(payload)

    if (buildIsFresh()) {
      step(4, TOTAL, 'Construction : à jour, rien à reconstruire.')
    } else {
      step(4, TOTAL, 'Construction de l’application (next build, une à deux minutes)…')
      await buildApp()
    }
  } catch (err) {
    await db.stop()
    throw err
  }

  step(5, TOTAL, `Démarrage du serveur : site http://localhost:${port} — administration http://localhost:${port}/admin`)
  const serve = () =>
    spawn(process.execPath, serverArgs(port), {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    })
  supervise(serve, db.stop, { restart: true })
  started()
}

main().catch((err) => {
  console.error(`\nÉchec du démarrage : ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
