import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
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

/** Logs `page` into the admin at `origin` (the e2e admin unless told), and waits for the dashboard. */
export async function logInAdmin(
  page: Page,
  { origin = inject('baseURL'), email = inject('adminEmail'), password = inject('adminPassword') } = {},
): Promise<void> {
  await page.goto(`${origin}/admin/login`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL(`${origin}/admin`)
}
