import type { Plugin } from 'payload'

/**
 * Runs the jobs queue every minute inside the server (`next start`), so that publications and
 * unpublications scheduled in the admin ("Programmer la publication") happen on time. Payload adds
 * the `schedulePublish` task itself for collections with `drafts.schedulePublish`; scripts and
 * the Local API do not start the cron (only `getPayload({ cron: true })`, used by Next, does).
 * One server process at a time runs the queues (./jobs-leader.ts).
 */
export const scheduledPublication =
  (cron = '* * * * *'): Plugin =>
  (config) => ({
    ...config,
    jobs: {
      ...config.jobs,
      autoRun: [...(Array.isArray(config.jobs?.autoRun) ? config.jobs.autoRun : []), { cron, queue: 'default', limit: 20 }],
    },
  })
