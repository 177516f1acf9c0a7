/**
 * The guard against a stuck module loading and the launcher that retries (scripts/lib/loader-guard.ts,
 * scripts/launch.mjs), with real processes.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../..')
const GUARD = path.join(ROOT, 'scripts/lib/loader-guard.ts')

const script = (body: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-'))
  const file = path.join(dir, 'script.mts')
  fs.writeFileSync(file, `import { guardLoading } from ${JSON.stringify(GUARD)}\n${body}\n`)
  return file
}

const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })

// Each test starts Node several times, synchronously: slow on a loaded machine, never stuck (run() has its own timeout).
describe('loader guard', { timeout: 120_000 }, () => {
  it('stops an idle, never-settling loading with exit code 75 and says why', () => {
    const file = script(`
      const keep = setInterval(() => {}, 1000) // what the real hang looks like: a live but idle process
      await guardLoading('Essai', () => new Promise(() => {}), { idleSeconds: 1, tickMs: 200 })
      clearInterval(keep)`)
    const res = run(['--import', 'tsx', file])
    expect(res.status).toBe(75)
    expect(res.stderr).toContain('Essai : chargement des modules bloqué')
  })

  it('stops what the stuck attempt started (its database) before exiting for a new one', () => {
    const file = script(`
      import { stopBeforeRetry } from ${JSON.stringify(GUARD)}
      const keep = setInterval(() => {}, 1000)
      stopBeforeRetry(async () => {
        await new Promise((r) => setTimeout(r, 300))
        console.log('base arrêtée')
      })
      const forgotten = stopBeforeRetry(async () => console.log('déjà arrêtée'))
      forgotten()
      await guardLoading('Essai', () => new Promise(() => {}), { idleSeconds: 1, tickMs: 200 })
      clearInterval(keep)`)
    const res = run(['--import', 'tsx', file])
    expect(res.status).toBe(75)
    expect(res.stdout).toContain('base arrêtée')
    expect(res.stdout).not.toContain('déjà arrêtée')
  })

  it('lets a busy loading finish, however long it computes', () => {
    const file = script(`
      const value = await guardLoading('Essai', async () => {
        const end = Date.now() + 1500
        while (Date.now() < end) await new Promise((r) => setImmediate(r))
        return 42
      }, { idleSeconds: 1, tickMs: 200 })
      console.log('valeur', value)`)
    const res = run(['--import', 'tsx', file])
    expect(res.status).toBe(0)
    expect(res.stdout).toContain('valeur 42')
  })

  it('the launcher starts a script again after exit code 75, up to three times, and passes other codes on', () => {
    const counter = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'launch-')), 'n')
    const file = script(`
      import fs from 'node:fs'
      const n = fs.existsSync(${JSON.stringify(counter)}) ? Number(fs.readFileSync(${JSON.stringify(counter)}, 'utf8')) + 1 : 1
      fs.writeFileSync(${JSON.stringify(counter)}, String(n))
      console.log('essai', n, process.argv.slice(2).join(' '))
      process.exit(n < 2 ? 75 : 3)`)
    const res = run(['scripts/launch.mjs', file, '--port', '1234'])
    expect(res.stdout).toContain('essai 1 --port 1234')
    expect(res.stdout).toContain('essai 2 --port 1234')
    expect(res.stderr).toContain('Nouvel essai (2/3)')
    expect(res.status).toBe(3)

    fs.writeFileSync(counter, '-10')
    const always = run(['scripts/launch.mjs', file])
    expect(always.status).toBe(75)
    expect(fs.readFileSync(counter, 'utf8')).toBe('-7')
  })
})
