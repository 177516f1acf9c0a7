import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { processTreeCpu, withCpu } from '../../bench/lib/cpu'
import { postmasterPid } from '../../scripts/lib/embedded-postgres'

const children: ChildProcess[] = []
const grandchildren: number[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL')
  for (const pid of grandchildren.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
})

/** Spins until the process used `ms` of CPU (not of wall time: other processes share the cores). */
const spinCpu = (ms: string) => `const t0 = process.cpuUsage(); for (let u = process.cpuUsage(t0); u.user + u.system < ${ms} * 1000; u = process.cpuUsage(t0));`

/** A process whose child spins for `ms` on the CPU, then both stay idle until killed. */
function parentOfBusyChild(ms: number): Promise<ChildProcess> {
  const spin = `${spinCpu(String(ms))} process.send('done'); setInterval(() => {}, 1e6)`
  const parent = [
    `const c = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(spin)}], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })`,
    `c.on('message', () => process.send(c.pid))`,
    `setInterval(() => {}, 1e6)`,
  ].join('\n')
  const proc = spawn(process.execPath, ['-e', parent], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  children.push(proc)
  return new Promise((resolve, reject) => {
    proc.once('message', (pid) => {
      grandchildren.push(Number(pid))
      resolve(proc)
    })
    proc.once('exit', (code) => reject(new Error(`exited ${code}`)))
  })
}

describe('bench CPU accounting (/proc, Linux)', () => {
  it('counts the CPU of a process and of its descendants', async () => {
    const proc = await parentOfBusyChild(400)
    const own = (() => {
      const f = fs.readFileSync(`/proc/${proc.pid}/stat`, 'utf8')
      const fields = f.slice(f.lastIndexOf(')') + 2).split(' ')
      return (Number(fields[11]) + Number(fields[12])) / 100
    })()
    const tree = processTreeCpu(proc.pid!)!
    // The child's 400 ms of spinning is in the tree, not in the parent's own time.
    expect(tree - own).toBeGreaterThanOrEqual(0.3)
    expect(tree).toBeLessThan(5)
  })

  it('is null for a process that does not exist', () => {
    expect(processTreeCpu(2 ** 22 + 12345)).toBeNull()
  })

  it('gives CPU per request of a run, and null parts for what is not measured', async () => {
    const proc = spawn(process.execPath, ['-e', `process.on("message", (ms) => { ${spinCpu('ms')} process.send("done") })`], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    children.push(proc)
    const result = await withCpu({ app: proc.pid, postgres: null }, async () => {
      proc.send(300)
      await new Promise((r) => proc.once('message', r))
      return { requests: 10 }
    })
    expect(result.requests).toBe(10)
    // 300 ms over 10 requests: about 30 ms each (the clock ticks are 10 ms).
    expect(result.cpu.appMsPerRequest!).toBeGreaterThanOrEqual(25)
    expect(result.cpu.appMsPerRequest!).toBeLessThan(60)
    expect(result.cpu.postgresMsPerRequest).toBeNull()
  })

  it('reads the postmaster pid of a data directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgpid-'))
    try {
      expect(postmasterPid(dir)).toBeNull()
      fs.writeFileSync(path.join(dir, 'postmaster.pid'), '4242\n/data\n1700000000\n5432\n')
      expect(postmasterPid(dir)).toBe(4242)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
