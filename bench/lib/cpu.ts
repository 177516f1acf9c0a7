/**
 * CPU time of a process and its descendants, from Linux's /proc: what a request costs the server
 * and Postgres, whatever else the machine does meanwhile (throughput moves with the machine; the
 * CPU a request takes much less).
 */
import fs from 'node:fs'

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux's usual builds). */
const TICKS_PER_SECOND = 100

type Stat = { ppid: number; ticks: number }

function readStat(pid: number): Stat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // After "pid (command) ": state ppid … utime(14) stime(15) cutime(16) cstime(17), 1-based.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0)
    return { ppid: Number(fields[1]), ticks }
  } catch {
    return null
  }
}

/**
 * CPU seconds used so far by `rootPid` and every process under it, or null without /proc (or if
 * the process is gone). Children that ended and were waited for count through their parent's
 * cutime/cstime, so a Postgres backend that closed during a run is not lost.
 */
export function processTreeCpu(rootPid: number): number | null {
  if (!fs.existsSync('/proc/self/stat')) return null
  const stats = new Map<number, Stat>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = readStat(Number(entry))
    if (stat) stats.set(Number(entry), stat)
  }
  if (!stats.has(rootPid)) return null
  const children = new Map<number, number[]>()
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid])
  let ticks = 0
  const queue = [rootPid]
  while (queue.length) {
    const pid = queue.pop()!
    ticks += stats.get(pid)?.ticks ?? 0
    queue.push(...(children.get(pid) ?? []))
  }
  return ticks / TICKS_PER_SECOND
}

export type CpuCost = {
  /** CPU milliseconds per request of the app's processes (the server and its workers). */
  appMsPerRequest: number | null
  /** CPU milliseconds per request of Postgres (all its processes), null when it runs elsewhere. */
  postgresMsPerRequest: number | null
}

/** Runs `run` and adds the CPU the app and Postgres spent per request meanwhile. */
export async function withCpu<T extends { requests: number }>(
  pids: { app: number | undefined; postgres: number | null },
  run: () => Promise<T>,
): Promise<T & { cpu: CpuCost }> {
  const read = () => ({ app: pids.app ? processTreeCpu(pids.app) : null, postgres: pids.postgres ? processTreeCpu(pids.postgres) : null })
  const before = read()
  const result = await run()
  const after = read()
  const perRequest = (a: number | null, b: number | null) =>
    a === null || b === null || result.requests === 0 ? null : Math.round(((b - a) * 1000 * 100) / result.requests) / 100
  return { ...result, cpu: { appMsPerRequest: perRequest(before.app, after.app), postgresMsPerRequest: perRequest(before.postgres, after.postgres) } }
}
