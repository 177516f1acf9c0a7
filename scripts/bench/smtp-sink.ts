/**
 * An SMTP server in its own process for the benchmarks (the tests' receiver): prints
 * `port <n>` when listening, then `received <count>` each time a line arrives on stdin.
 */
import { createInterface } from 'node:readline'

import { startSmtpReceiver } from '../../tests/helpers/smtp'

const smtp = await startSmtpReceiver({ user: 'bench', pass: 'bench' })
console.log(`port ${smtp.port}`)
const lines = createInterface({ input: process.stdin })
lines.on('line', () => console.log(`received ${smtp.mails.length}`))
lines.on('close', () => void smtp.close().then(() => process.exit(0)))
