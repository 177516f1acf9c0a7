import type { Payload, Plugin } from 'payload'

import { AdvisoryLeader } from '../lib/advisory-leader'
import { connectionStringOf } from './shared/sql'

/**
 * Payload's jobs runner finds jobs then marks them as processing, without a lock: two servers
 * running the queues could take the same job (a webhook delivered twice, a publication run twice).
 * With this plugin the queues run in one process at a time among every server on the database:
 * the holder of an advisory lock (src/lib/advisory-leader.ts); if it stops, another takes over
 * at its next tick. `RUN_JOBS=0` keeps a server out of it altogether.
 */
const leaders = new WeakMap<Payload, AdvisoryLeader>()

export const leaderOf = (payload: Payload): AdvisoryLeader | undefined => {
  let leader = leaders.get(payload)
  const connectionString = connectionStringOf(payload)
  if (!leader && connectionString) {
    leader = new AdvisoryLeader(connectionString, 'labo-ess:jobs-runner', 'labo-jobs-leader')
    leaders.set(payload, leader)
  }
  return leader
}

export const jobsLeader =
  (): Plugin =>
  (config) => ({
    ...config,
    jobs: {
      ...config.jobs,
      shouldAutoRun: async (payload) => {
        if (process.env.RUN_JOBS === '0') return false
        if (config.jobs?.shouldAutoRun && !(await config.jobs.shouldAutoRun(payload))) return false
        return (await leaderOf(payload)?.isLeader()) ?? true
      },
    },
  })
