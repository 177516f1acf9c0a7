/**
 * The jobs queues run in one process at a time among every server on the database
 * (src/plugins/jobs-leader.ts): the holder of a Postgres advisory lock (src/lib/advisory-leader.ts).
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AdvisoryLeader } from '../../src/lib/advisory-leader'
import { leaderOf } from '../../src/plugins/jobs-leader'
import { bootPayload, type TestContext } from '../helpers/payload'

let ctx: TestContext
const opened: AdvisoryLeader[] = []
const leader = (name: string, app = 'labo-leader-test') => {
  const l = new AdvisoryLeader(process.env.DATABASE_URI!, name, app)
  opened.push(l)
  return l
}

beforeAll(async () => {
  ctx = await bootPayload()
})
afterAll(async () => {
  for (const l of opened) await l.close()
  await leaderOf(ctx.payload)?.close()
  await ctx?.close()
})

describe('advisory leader', () => {
  it('one holder at a time; the next one takes over when it lets go', async () => {
    const a = leader('test:a')
    const b = leader('test:a')
    const [first, again] = await Promise.all([a.isLeader(), a.isLeader()])
    expect([first, again]).toEqual([true, true])
    expect(await b.isLeader()).toBe(false)
    expect(await b.isLeader()).toBe(false)
    // Another name is another lock.
    expect(await leader('test:autre').isLeader()).toBe(true)
    await a.close()
    expect(await b.isLeader()).toBe(true)
    expect(await a.isLeader()).toBe(false)
  })

  it('a holder whose connection dies loses the lock to the next one', async () => {
    const a = leader('test:b', 'labo-leader-victim')
    const b = leader('test:b')
    expect(await a.isLeader()).toBe(true)
    expect(await b.isLeader()).toBe(false)
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URI })
    await admin.connect()
    try {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'labo-leader-victim' AND datname = current_database()")
    } finally {
      await admin.end()
    }
    for (const started = Date.now(); !(await b.isLeader()); ) {
      if (Date.now() - started > 5_000) throw new Error('the lock was not released with its session')
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(await a.isLeader()).toBe(false)
  })
})

describe('the jobs queues', () => {
  const shouldAutoRun = () => ctx.payload.config.jobs.shouldAutoRun!(ctx.payload)

  it('run in the process that holds the lock only', async () => {
    const other = leader('labo-ess:jobs-runner')
    expect(await other.isLeader()).toBe(true)
    expect(await shouldAutoRun()).toBe(false)
    await other.close()
    expect(await shouldAutoRun()).toBe(true)
    expect(await shouldAutoRun()).toBe(true)
    expect(await leader('labo-ess:jobs-runner').isLeader()).toBe(false)
  })

  it('never with RUN_JOBS=0', async () => {
    process.env.RUN_JOBS = '0'
    try {
      expect(await shouldAutoRun()).toBe(false)
    } finally {
      delete process.env.RUN_JOBS
    }
  })
})
