import fs from 'node:fs'

import { chromium, type Browser, type Page } from 'playwright-core'

/** The flags every Chromium run uses on these machines (no network beyond loopback). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** CHROMIUM_PATH if set, else the system's Chromium, else the one the npm package ships. */
export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
  for (const candidate of ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate
  }
  const { default: sparticuz } = await import('@sparticuz/chromium')
  return sparticuz.executablePath()
}

/** Headless Chromium with a fresh profile (Playwright gives each launch a new user-data-dir). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), headless: true, args: CHROMIUM_FLAGS })
}

/**
 * Waits until React has hydrated the element (it then carries React's props): a click before
 * that submits a form natively, without its JavaScript, which a busy machine makes likely.
 */
export async function waitForHydration(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel)
      return Boolean(el && Object.keys(el).some((key) => key.startsWith('__reactProps')))
    },
    selector,
    { timeout: 30_000 },
  )
}
