import type { Page, Response } from 'playwright-core'
import { expect } from 'vitest'

type Shown = { src: string; currentSrc: string; naturalWidth: number; width: number; widest: number }

/**
 * Watches a page's image requests from now on: `check()` then loads every image of the current
 * page (lazy ones too), and fails on an image that did not decode, an image request since the
 * last check that did not answer 200/304, or a srcset offering a candidate wider than the file.
 * Returns the images shown.
 */
export function watchImages(page: Page) {
  const failures: string[] = []
  const seen: string[] = []
  const onResponse = (res: Response) => {
    if (res.request().resourceType() !== 'image') return
    seen.push(res.url())
    if (res.status() !== 200 && res.status() !== 304) failures.push(`${res.status()} ${res.url()}`)
  }
  page.on('response', onResponse)
  return {
    /** Image URLs requested so far. */
    requested: () => [...seen],
    async check(name: string): Promise<Shown[]> {
      const shown = await page.evaluate(async () => {
        const images = [...document.images]
        for (const img of images) img.loading = 'eager'
        await Promise.all(images.map((img) => img.decode().catch(() => undefined)))
        return images.map((img) => ({
          src: img.getAttribute('src') ?? '',
          currentSrc: img.currentSrc,
          naturalWidth: img.naturalWidth,
          width: Number(img.getAttribute('width') ?? 0),
          widest: Math.max(0, ...[...(img.getAttribute('srcset') ?? '').matchAll(/\s(\d+)w/g)].map((m) => Number(m[1]))),
        }))
      })
      await page.waitForLoadState('networkidle')
      const failed = failures.splice(0)
      expect(shown.filter((img) => img.naturalWidth === 0).map((img) => img.currentSrc || img.src), `${name}: images that do not load`).toEqual([])
      expect(failed, `${name}: image requests that failed`).toEqual([])
      expect(shown.filter((img) => img.width && img.widest > img.width).map((img) => `${img.src} (${img.widest}w > ${img.width})`), `${name}: srcset wider than the file`).toEqual([])
      return shown
    },
    stop: () => page.off('response', onResponse),
  }
}
