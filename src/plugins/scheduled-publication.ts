import type { Plugin } from 'payload'

/**
 * Runs the jobs queue every minute inside the server (`next start`), so that publications and
 * unpublications scheduled in the admin ("Programmer la publication") happen on time. Payload adds
 * the `schedulePublish` task itself for collections with `drafts.schedulePublish`; scripts and
 * the Local API do not start the cron (only `getPayload({ cron: true })`, used by Next, does).
 * `RUN_JOBS=0` keeps a server from running the queues (every process but one, when several
 * serve the same database: Payload's runner does not lock the jobs it picks).
 */
export const scheduledPublication =
  (cron = '* * * * *'): Plugin =>
  (config) => ({
    ...config,
    jobs: {
      ...config.jobs,
      shouldAutoRun: async (payload) => process.env.RUN_JOBS !== '0' && (config.jobs?.shouldAutoRun ? await config.jobs.shouldAutoRun(payload) : true),
      autoRun: [...(Array.isArray(config.jobs?.autoRun) ? config.jobs.autoRun : []), { cron, queue: 'default', limit: 20 }],
    },
  })
