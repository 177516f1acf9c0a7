/**
 * Refreshing public pages after a change: here (Next's revalidatePath, when inside a request the
 * server is answering) and in every other process on the database (src/lib/page-refresh.ts).
 */
import { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'

import { listPattern, listSpecOf } from '../../lib/list-keys'
import { inLiveRequest, purgePageCache } from '../../lib/page-cache'
import { anyRefreshed, encodeRefresh, EVERYTHING, instanceId, mergePaths, REFRESH_CHANNEL, wholeSiteRefreshed } from '../../lib/page-refresh'
import { executorFor } from './sql'

/**
 * `context[SKIP_PAGE_REFRESH] = true` on a Local API call refreshes no page for it (bulk imports,
 * which refresh the whole site once at the end).
 */
export const SKIP_PAGE_REFRESH = 'skipPageRefresh'

export type RefreshOptions = {
  payload?: Payload
  /** The change's request: the announcement goes out with its transaction, if it commits. */
  req?: Partial<PayloadRequest>
  /** Announce to the other processes (false when applying an announcement). */
  broadcast?: boolean
}

/**
 * Refreshes paths of the public site: a path, a route with a dynamic segment
 * (`/(frontend)/glossaire/[slug]`: every page of it) or EVERYTHING. Outside a Next.js server
 * (scripts, tests) nothing is cached here: the announcement reaches the servers. Returns whether
 * the pages of this process were refreshed.
 */
export async function refreshPaths(paths: string[], { payload, req, broadcast = true }: RefreshOptions = {}): Promise<boolean> {
  if (!paths.length) return false
  const unique = mergePaths(paths)
  // The production server's copy of cached pages (scripts/server.ts) goes with them.
  purgePageCache()
  anyRefreshed()
  if (unique.includes(EVERYTHING)) wholeSiteRefreshed()
  let applied = false
  try {
    const { revalidatePath } = await import('next/cache')
    for (const path of unique) {
      if (path === EVERYTHING) revalidatePath('/', 'layout')
      else if (path.includes('[')) revalidatePath(path, 'page')
      else revalidatePath(path)
      // A list's filtered pages are cached under its static route (/projets/liste/<key>).
      const list = listSpecOf(path)
      if (list) revalidatePath(listPattern(list), 'page')
    }
    applied = inLiveRequest()
  } catch {
    // Not inside a Next.js request: no cached page to refresh here.
  }
  payload?.logger.debug({ msg: 'revalidated', paths: unique, applied })
  if (!broadcast || !payload) return applied
  const message = encodeRefresh({ from: instanceId(), paths: unique, applied })
  await (await executorFor(payload, req)).execute(sql`SELECT pg_notify(${REFRESH_CHANNEL}, ${message})`)
  return applied
}
