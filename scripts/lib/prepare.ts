/** Brings a database up to date: committed migrations, first admin, demo content. */
import { randomBytes } from 'node:crypto'

import { getPayload, type Payload } from 'payload'

import { guardLoading } from './loader-guard'

/** The configuration and Payload, loaded under the loader guard (see ./loader-guard.ts). */
export async function loadPayload(): Promise<Payload> {
  return guardLoading('Chargement de Payload', async () => {
    const { default: config } = await import('../../payload.config')
    return getPayload({ config })
  })
}

/**
 * Payload's destroy() leaves its connection pool open: the pool is closed too, and its idle
 * connections may be cut (the embedded Postgres stops next) without crashing the script.
 */
export async function closePayload(payload: Payload): Promise<void> {
  await payload.destroy()
  const pool = (payload.db as unknown as { pool?: { on: (event: 'error', fn: () => void) => void; end: () => Promise<void> } }).pool
  if (!pool) return
  pool.on('error', () => {})
  // Not awaited: Payload may keep a connection checked out, which end() would wait for.
  void pool.end().catch(() => {})
}

type MigrateArgs = NonNullable<Parameters<Payload['db']['migrate']>[0]>

/** Applies the committed migrations that have not run yet. */
export async function migrate(payload: Payload) {
  const { migrations } = await import('../../src/migrations')
  await payload.db.migrate({ migrations: migrations as unknown as MigrateArgs['migrations'] })
}

/** On an empty database: an admin from ADMIN_EMAIL/ADMIN_PASSWORD, or a generated password shown once. */
export async function ensureAdmin(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'users' })
  if (totalDocs > 0) return
  const email = process.env.ADMIN_EMAIL || 'admin@lelabo-ess.org'
  const generated = !process.env.ADMIN_PASSWORD
  const password = process.env.ADMIN_PASSWORD || randomBytes(12).toString('base64url')
  await payload.create({
    collection: 'users',
    data: { email, password, name: 'Administrateur', roles: ['admin'] },
  })
  console.log(`  Compte administrateur créé : ${email}`)
  if (generated) {
    console.log(`  Mot de passe (affiché une seule fois, notez-le) : ${password}`)
  }
}

export async function seedDemoContent(payload: Payload): Promise<void> {
  const { seed } = await import('../../src/seed')
  await seed(payload)
}
