/**
 * Runs one of our TypeScript scripts under tsx (`node scripts/launch.mjs scripts/start.ts …`), and
 * starts it again, up to three times, when it stops on a stuck module loading (exit code 75, see
 * scripts/lib/loader-guard.ts). Plain JavaScript: it must not depend on the loader it guards.
 */
import { spawn } from 'node:child_process'

const RETRY_EXIT_CODE = 75
const ATTEMPTS = 3
const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('usage : node scripts/launch.mjs <script.ts> [arguments…]')
  process.exit(2)
}

let child
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child && child.exitCode === null) child.kill(signal)
    else process.exit(130)
  })
}

for (let attempt = 1; ; attempt++) {
  const code = await new Promise((resolve) => {
    child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' })
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)))
  })
  if (code !== RETRY_EXIT_CODE || attempt >= ATTEMPTS) process.exit(code)
  console.error(`Nouvel essai (${attempt + 1}/${ATTEMPTS})…`)
}
