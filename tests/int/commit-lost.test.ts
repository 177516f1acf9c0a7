/**
 * A COMMIT that fails must never be acknowledged (issue 18): with Payload's stock transaction
 * helpers, a 201 came back for rows Postgres never stored (the COMMIT error was swallowed).
 * The COMMIT fails for real here: a deferred constraint trigger raising at commit time, and a
 * connection cut (pg_terminate_backend) between the insert and the commit.
 */
import { sql as pgSql } from '@payloadcms/db-postgres'
import { beginTransaction as stockBegin, commitTransaction as stockCommit } from '@payloadcms/drizzle'
import pg from 'pg'
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { submitComment } from '../../src/components/comments/submit'
import { flushCommentNotifications, TRUSTED_IMPORT } from '../../src/plugins/comments'
import { COMMIT_MESSAGES, executorFor } from '../../src/plugins/shared/sql'
import { bootPayload, type TestContext } from '../helpers/payload'
import { authHeaders, createUser, json } from '../helpers/users'

/** A value carrying this makes its transaction's COMMIT fail (deferred trigger below). */
const FAIL_AT_COMMIT = '[échec au commit]'
/** A tag named with this has its connection cut after the insert, before the commit. */
const CUT_BEFORE_COMMIT = '[connexion coupée]'

let ctx: TestContext
let sql: pg.Client
let admin: Record<string, string>
let articleId: number
let ip = 0

const count = async (query: string, values: unknown[] = []) => Number((await sql.query(query, values)).rows[0].n)
const comments = (like: string) => count(`SELECT count(*) AS n FROM comments WHERE body LIKE $1`, [`%${like}%`])
const tags = (like: string) => count(`SELECT count(*) AS n FROM tags WHERE name LIKE $1`, [`%${like}%`])

const request = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
  const res = await ctx.api(path, { method, ...json(body, headers) })
  return { status: res.status, body: (await res.json()) as { errors?: { message: string; code: string }[]; doc?: { id: number } } }
}
const postComment = (body: string) =>
  request(
    'POST',
    '/api/comments',
    { target: { relationTo: 'articles', value: articleId }, authorName: 'Marie Curie', authorEmail: 'marie@exemple.test', body },
    { 'X-Forwarded-For': `198.51.100.${++ip}` },
  )

/** The 503 a failed COMMIT answers: French, and never a success. */
function expectUnconfirmed(res: Awaited<ReturnType<typeof request>>) {
  expect(res.status).toBe(503)
  expect(res.body.doc).toBeUndefined()
  expect(res.body.errors?.[0]?.code).toBe('unavailable')
  expect(res.body.errors?.[0]?.message).toBe(COMMIT_MESSAGES.rolledBack)
}

const pool = () => (ctx.payload.db as unknown as { pool: pg.Pool }).pool
/** Connections checked out at rest (the adapter keeps the one it first connected with). */
let checkedOutAtRest = 0

/**
 * No transaction left open: no session, no connection checked out or idle in transaction.
 * Background work (search indexing, notifications) may hold a connection for a moment: a leak is
 * a connection still checked out once that settled.
 */
async function expectNoLeak() {
  expect(Object.keys((ctx.payload.db as unknown as { sessions: Record<string, unknown> }).sessions)).toEqual([])
  await vi.waitFor(
    () => {
      expect(pool().totalCount - pool().idleCount).toBe(checkedOutAtRest)
      expect(pool().waitingCount).toBe(0)
    },
    { timeout: 5000, interval: 50 },
  )
  expect(await count(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`)).toBe(0)
}

/** Cuts the transaction's connection once the tag is inserted: the COMMIT then goes nowhere. */
const cutConnection: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (!String((doc as { name?: unknown }).name).includes(CUT_BEFORE_COMMIT)) return doc
  const exec = await executorFor(req.payload, req as PayloadRequest)
  const pid = Number((await exec.execute(pgSql`SELECT pg_backend_pid() AS pid`)).rows[0]!.pid)
  await sql.query('SELECT pg_terminate_backend($1, 5000)', [pid])
  return doc
}
beforeAll(async () => {
  ctx = await bootPayload()
  sql = new pg.Client({ connectionString: process.env.DATABASE_URI })
  await sql.connect()
  await sql.query(`
    CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'refused at commit (test)'; END $$;
    CREATE CONSTRAINT TRIGGER comments_refuse_at_commit AFTER INSERT OR UPDATE ON comments
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (NEW.body LIKE '%${FAIL_AT_COMMIT}%') EXECUTE FUNCTION refuse_at_commit();
    CREATE CONSTRAINT TRIGGER tags_refuse_at_commit AFTER INSERT OR UPDATE ON tags
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
      WHEN (NEW.name LIKE '%${FAIL_AT_COMMIT}%') EXECUTE FUNCTION refuse_at_commit();
  `)
  ctx.payload.collections.tags.config.hooks.afterChange.push(cutConnection)
  admin = await authHeaders(ctx, await createUser(ctx.payload, 'admin'))
  const article = await ctx.payload.create({
    collection: 'articles',
    data: { title: 'Article commenté', slug: 'article-commente', commentMode: 'a-posteriori', _status: 'published' } as never,
  })
  articleId = article.id
  checkedOutAtRest = pool().totalCount - pool().idleCount
})
afterAll(async () => {
  await flushCommentNotifications()
  await sql?.end()
  await ctx?.close()
})

describe('the attack: Payload’s stock transaction helpers', () => {
  it('acknowledge a comment whose COMMIT failed (if this fails, Payload fixed it upstream)', async () => {
    const db = ctx.payload.db
    const ours = { begin: db.beginTransaction, commit: db.commitTransaction }
    db.beginTransaction = stockBegin as never
    db.commitTransaction = stockCommit as never
    try {
      const res = await postComment(`Perdu en silence ${FAIL_AT_COMMIT}`)
      expect(res.status).toBe(201)
      expect(await comments('Perdu en silence')).toBe(0)
    } finally {
      db.beginTransaction = ours.begin
      db.commitTransaction = ours.commit
    }
  })
})

describe('a failed COMMIT answers 503 and stores nothing', () => {
  it('REST: a comment', async () => {
    expectUnconfirmed(await postComment(`Commentaire refusé au commit ${FAIL_AT_COMMIT}`))
    expect(await comments('Commentaire refusé au commit')).toBe(0)
    await expectNoLeak()
  })

  it('REST: creating and updating a document of another collection', async () => {
    const res = await request('POST', '/api/tags', { name: `Étiquette ${FAIL_AT_COMMIT}`, kind: 'mot-cle' }, admin)
    expectUnconfirmed(res)
    expect(await tags('Étiquette [')).toBe(0)

    const created = await request('POST', '/api/tags', { name: 'Économie circulaire', kind: 'mot-cle' }, admin)
    expect(created.status).toBe(201)
    const updated = await request('PATCH', `/api/tags/${created.body.doc!.id}`, { name: `Économie ${FAIL_AT_COMMIT}` }, admin)
    expectUnconfirmed(updated)
    expect(await tags('Économie circulaire')).toBe(1)
    expect(await tags(`Économie ${FAIL_AT_COMMIT}`)).toBe(0)
    await expectNoLeak()
  })

  it('REST: the connection cut between the insert and the commit', async () => {
    expectUnconfirmed(await request('POST', '/api/tags', { name: `Coupure ${CUT_BEFORE_COMMIT}`, kind: 'mot-cle' }, admin))
    expect(await tags('Coupure')).toBe(0)
    await expectNoLeak()
    // The pool recovers: the next write goes through.
    expect((await request('POST', '/api/tags', { name: 'Après la coupure', kind: 'mot-cle' }, admin)).status).toBe(201)
    expect(await tags('Après la coupure')).toBe(1)
  })

  it('Local API (imports, scripts): the create throws a 503', async () => {
    await expect(
      ctx.payload.create({
        collection: 'comments',
        data: { target: { relationTo: 'articles', value: articleId }, authorName: 'Import', authorEmail: 'i@exemple.test', body: `Importé ${FAIL_AT_COMMIT}`, status: 'approved' } as never,
        context: { [TRUSTED_IMPORT]: true },
        overrideAccess: true,
      }),
    ).rejects.toMatchObject({ status: 503, message: COMMIT_MESSAGES.rolledBack })
    expect(await comments('Importé')).toBe(0)
    await expectNoLeak()
  })

  it('the site’s comment form: an error, never « Merci »', async () => {
    const result = await submitComment(
      ctx.payload,
      { target: `articles:${articleId}`, authorName: 'Lectrice', authorEmail: 'l@exemple.test', body: `Depuis le formulaire ${FAIL_AT_COMMIT}` },
      { headers: new Headers({ 'x-forwarded-for': '203.0.113.7' }) },
    )
    expect(result.state.status).toBe('error')
    expect(result.state.message).toBe(COMMIT_MESSAGES.rolledBack)
    expect(await comments('Depuis le formulaire')).toBe(0)
    await expectNoLeak()
  })
})

describe('what commits still answers as before', () => {
  it('a normal comment answers 201 and is stored', async () => {
    const res = await postComment('Un commentaire ordinaire.')
    expect(res.status).toBe(201)
    expect(await comments('Un commentaire ordinaire.')).toBe(1)
  })

  it('a refused write rolls back (400, 409) and leaves nothing open', async () => {
    expect((await request('POST', '/api/tags', { kind: 'mot-cle' }, admin)).status).toBe(400)
    const first = await postComment('Deux fois le même message.')
    expect(first.status).toBe(201)
    expect((await postComment('Deux fois le même message.')).status).toBe(409)
    expect(await comments('Deux fois le même message.')).toBe(1)
    await expectNoLeak()
  })

  it('many failed commits in a row exhaust no connection', async () => {
    for (let i = 0; i < 15; i++) expectUnconfirmed(await postComment(`Rafale ${i} ${FAIL_AT_COMMIT}`))
    await expectNoLeak()
    expect((await postComment('Après la rafale.')).status).toBe(201)
    expect(await comments('Rafale')).toBe(0)
  })
})
