import fs from 'node:fs'
import path from 'node:path'

import { inject } from 'vitest'

/** REST calls against the e2e server, as the admin `npm start` created. */
export async function adminHeaders(): Promise<Record<string, string>> {
  const res = await fetch(`${inject('baseURL')}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
  })
  const { token } = (await res.json()) as { token: string }
  return { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' }
}

export async function findOne<T = Record<string, unknown>>(collection: string, where: string): Promise<T> {
  const res = await fetch(`${inject('baseURL')}/api/${collection}?${where}&limit=1&depth=0`)
  const { docs } = (await res.json()) as { docs: T[] }
  if (!docs[0]) throw new Error(`no ${collection} for ${where}`)
  return docs[0]
}

export const SCREENSHOTS = path.resolve('test-results/screenshots')
export const screenshotPath = (name: string) => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  return path.join(SCREENSHOTS, `${name}.png`)
}
