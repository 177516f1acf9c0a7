/**
 * Page refreshes announced to the other processes on the database (src/lib/page-refresh.ts,
 * src/plugins/shared/refresh.ts): a change announces the pages it affects when it commits, never
 * when it rolls back; a listener hears them, together when they come close, and after losing its
 * connection refreshes the whole site. The servers' side (two real instances) is in
 * tests/e2e/instances.test.ts.
 */
import pg from 'pg'
import { createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { encodeRefresh, EVERYTHING, listenForRefreshes, REFRESH_CHANNEL, type RefreshListener } from '../../src/lib/page-refresh'
import { revalidateAllToken } from '../../src/plugins/revalidate'
import { seed } from '../../src/seed'
import { bootPayload, type TestContext } from '../helpers/payload'
import { createRoleUsers, json } from '../helpers/users'

let ctx: TestContext
let users: Awaited<ReturnType<typeof createRoleUsers>>
let listener: RefreshListener
let heard: string[][] = []
/** Refreshes announced to onPending, and how many of them had settled when onRefresh ran. */
let pending: Promise<void>[] = []
let waiters: (() => void)[] = []
let article: { id: number; slug: string }

/** Resolves with the refreshes heard once there are `count` of them (or fails after 5 s). */
const hear = async (count = 1): Promise<string[][]> => {
  const deadline = Date.now() + 5_000
  while (heard.length < count) {
    if (Date.now() > deadline) throw new Error(`${heard.length} refresh(es) heard, ${count} expected`)
    await new Promise<void>((resolve) => {
      waiters.push(resolve)
      setTimeout(resolve, 100)
    })
  }
  return heard
}

let notifier: pg.Client
/** Sends announcements from another connection, in one statement (they arrive together). */
const notify = async (...texts: string[]) => {
  const calls = texts.map((_, i) => `pg_notify($1, $${i + 2})`).join(', ')
  await notifier.query(`SELECT ${calls}`, [REFRESH_CHANNEL, ...texts])
}

beforeAll(async () => {
  ctx = await bootPayload()
  notifier = new pg.Client({ connectionString: process.env.DATABASE_URI })
  await notifier.connect()
  users = await createRoleUsers(ctx)
  await seed(ctx.payload)
  const { docs } = await ctx.payload.find({ collection: 'articles', limit: 1, sort: '-publishedAt', overrideAccess: false, user: null })
  article = { id: docs[0]!.id, slug: docs[0]!.slug as string }
  listener = await listenForRefreshes({
    connectionString: process.env.DATABASE_URI!,
    self: 'this-server',
    retryMs: 50,
    coalesceMs: 30,
    onPending: (refresh) => pending.push(refresh),
    onRefresh: async (paths) => {
      heard.push(paths)
      for (const wake of waiters.splice(0)) wake()
    },
  })
})
afterAll(async () => {
  await notifier?.end()
  await listener?.close()
  await ctx?.close()
})
beforeEach(async () => {
  // What an earlier test announced has been heard by now.
  await new Promise((r) => setTimeout(r, 150))
  heard = []
  pending = []
})

describe('a change announces the pages it affects', () => {
  it('when it commits, with the paths of the document and of the lists that show it', async () => {
    const res = await ctx.api(`/api/articles/${article.id}`, { method: 'PATCH', ...json({ title: 'Un titre changé pour les autres serveurs' }, users.editor.headers) })
    expect(res.status, await res.clone().text()).toBe(200)
    const [paths] = await hear()
    expect(paths).toEqual(expect.arrayContaining([`/articles/${article.slug}`, '/', '/articles', '/rss.xml']))
  })

  it('not when it rolls back', async () => {
    const req = await createLocalReq({}, ctx.payload)
    await initTransaction(req)
    await ctx.payload.update({ collection: 'articles', id: article.id, data: { title: 'Jamais enregistré' }, req })
    await killTransaction(req)
    // An announcement afterwards: the first one heard.
    await notify(encodeRefresh({ from: 'control', paths: ['/controle'], applied: false }))
    const [first] = await hear()
    expect(first).toEqual(['/controle'])
    const { title } = await ctx.payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(title).not.toBe('Jamais enregistré')
  })

  it('the whole site for site-wide settings', async () => {
    const res = await ctx.api('/api/globals/site-settings', { method: 'POST', ...json({}, users.admin.headers) })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(await hear()).toEqual([[EVERYTHING]])
  })
})

describe('the listener', () => {
  it('hears other processes, and its own only when they could not refresh in a request', async () => {
    await notify(encodeRefresh({ from: 'this-server', paths: ['/deja-fait'], applied: true }), encodeRefresh({ from: 'this-server', paths: ['/depuis-le-cron'], applied: false }))
    const [paths] = await hear()
    expect(paths).toEqual(['/depuis-le-cron'])
  })

  it('refreshes announcements that come close together at once, the whole site absorbing the rest', async () => {
    await notify(encodeRefresh({ from: 'a', paths: ['/a', '/b'], applied: true }), encodeRefresh({ from: 'b', paths: ['/b', '/c'], applied: true }))
    expect(await hear()).toEqual([['/a', '/b', '/c']])
    // Pages were told to wait as soon as the first was heard, until the refresh was done.
    expect(pending).toHaveLength(1)
    await expect(pending[0]).resolves.toBeUndefined()
    heard = []
    await notify(encodeRefresh({ from: 'a', paths: ['/a'], applied: true }), encodeRefresh({ from: 'b', paths: [EVERYTHING], applied: true }))
    expect(await hear()).toEqual([[EVERYTHING]])
  })

  it('ignores what is not an announcement', async () => {
    await notify('pas du JSON', JSON.stringify({ from: 'x', paths: ['javascript:alert(1)'] }), encodeRefresh({ from: 'x', paths: ['/valide'], applied: false }))
    expect(await hear()).toEqual([['/valide']])
  })

  it('comes back after losing its connection and refreshes the whole site (announcements may have been missed)', async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URI })
    await admin.connect()
    try {
      const { rows } = await admin.query(
        "SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE application_name = 'labo-page-refresh' AND datname = current_database()",
      )
      expect(rows).toEqual([{ killed: true }])
      expect(await hear()).toEqual([[EVERYTHING]])
      // Listening again.
      heard = []
      await admin.query('SELECT pg_notify($1, $2)', [REFRESH_CHANNEL, encodeRefresh({ from: 'x', paths: ['/apres'], applied: false })])
      expect(await hear()).toEqual([['/apres']])
    } finally {
      await admin.end()
    }
  })
})

describe('POST /api/revalidate', () => {
  const token = () => ({ 'x-revalidate-token': revalidateAllToken('test-secret') })

  it('refreshes the given paths, announced to the other servers unless local', async () => {
    const everywhere = await ctx.api('/api/revalidate', { method: 'POST', ...json({ paths: ['/articles', '/projets'] }, token()) })
    expect(everywhere.status).toBe(200)
    expect(await everywhere.json()).toEqual({ message: '2 chemin(s) régénéré(s) à leur prochaine visite.' })
    expect(await hear()).toEqual([['/articles', '/projets']])

    heard = []
    const local = await ctx.api('/api/revalidate', { method: 'POST', ...json({ paths: ['/local'], local: true }, token()) })
    expect(local.status).toBe(200)
    await notify(encodeRefresh({ from: 'control', paths: ['/controle'], applied: false }))
    expect(await hear()).toEqual([['/controle']])
  })

  it('without a body, the whole site; for an admin too', async () => {
    const res = await ctx.api('/api/revalidate', { method: 'POST', headers: users.admin.headers })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ message: 'Toutes les pages seront régénérées à leur prochaine visite.' })
    expect(await hear()).toEqual([[EVERYTHING]])
  })

  it('refuses a bad body in French, and anyone else', async () => {
    const bad = await ctx.api('/api/revalidate', { method: 'POST', ...json({ paths: ['pas-un-chemin'] }, token()) })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/^Corps invalide/)
    for (const headers of [{}, users.editor.headers, users.moderator.headers, { 'x-revalidate-token': 'faux' }]) {
      const res = await ctx.api('/api/revalidate', { method: 'POST', ...json({ paths: ['/'] }, headers) })
      expect(res.status).toBe(403)
    }
  })
})
