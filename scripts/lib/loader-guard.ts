/**
 * Guards against a hang of Node 20's module loader under `--import tsx`: now and then (seen about
 * once in five to twenty start-ups, more under load) a dynamic import() answered by the loader's
 * worker thread never settles, and the process sits idle forever (or exits 0 when nothing else
 * holds the event loop). Newer Node versions fixed the races of asynchronous loader hooks
 * (nodejs/node#60380); on Node 20 the only cure is a new process.
 *
 * `guardLoading()` watches the process while `load` runs: if it uses next to no CPU for
 * IDLE_SECONDS, the loading is stuck and the process exits with RETRY_EXIT_CODE, which
 * scripts/launch.mjs (how the npm scripts run ours) answers by starting it again.
 */
export const RETRY_EXIT_CODE = 75

const IDLE_SECONDS = 30
const TICK_MS = 5_000
/** CPU time (all threads) under which a tick counts as idle. */
const IDLE_CPU_MS = 15

/** Stopped before a stuck attempt exits (the databases this attempt started: the next starts its own). */
const beforeRetry = new Set<() => Promise<void>>()

/** Registers `stop` to run before the guard exits for a new attempt; returns how to unregister it. */
export function stopBeforeRetry(stop: () => Promise<void>): () => void {
  beforeRetry.add(stop)
  return () => beforeRetry.delete(stop)
}

export async function guardLoading<T>(
  what: string,
  load: () => Promise<T>,
  { idleSeconds = IDLE_SECONDS, tickMs = TICK_MS }: { idleSeconds?: number; tickMs?: number } = {},
): Promise<T> {
  let last = process.cpuUsage()
  let idleTicks = 0
  const timer = setInterval(() => {
    const now = process.cpuUsage()
    const usedMs = (now.user - last.user + now.system - last.system) / 1000
    last = now
    idleTicks = usedMs < IDLE_CPU_MS ? idleTicks + 1 : 0
    if (idleTicks * tickMs >= idleSeconds * 1000) {
      clearInterval(timer)
      console.error(`\n${what} : chargement des modules bloqué (processus inactif depuis ${idleSeconds} s) ; arrêt pour un nouvel essai.`)
      const stops = Promise.allSettled([...beforeRetry].map((stop) => stop()))
      void Promise.race([stops, new Promise((r) => setTimeout(r, 15_000))]).finally(() => process.exit(RETRY_EXIT_CODE))
    }
  }, tickMs)
  try {
    return await load()
  } finally {
    clearInterval(timer)
  }
}
