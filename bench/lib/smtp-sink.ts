/**
 * An SMTP server in its own process for the benchmarks (the tests' receiver): prints
 * `port <n>` when listening, then `received <messages> <comments>` each time a line arrives on
 * stdin: the number of messages, and of comments they announce (a digest counts its comments).
 */
import { createInterface } from 'node:readline'

import { startSmtpReceiver } from '../../tests/helpers/smtp'

const smtp = await startSmtpReceiver({ user: 'bench', pass: 'bench' })
console.log(`port ${smtp.port}`)
const lines = createInterface({ input: process.stdin })
const announced = () => smtp.mails.reduce((n, mail) => n + (Number(/^(\d+) commentaires/.exec(mail.subject ?? '')?.[1]) || 1), 0)
lines.on('line', () => console.log(`received ${smtp.mails.length} ${announced()}`))
lines.on('close', () => void smtp.close().then(() => process.exit(0)))
