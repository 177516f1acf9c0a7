/**
 * Server actions (a POST with a Next-Action header, e.g. the comment form) are taken from the
 * site's own pages only. Next refuses one sent from another site by throwing: a 500. The
 * production server (scripts/server.ts) answers 403 first, in French.
 */
import type { IncomingHttpHeaders, ServerResponse } from 'node:http'

import { STATUS_CODES } from './errors'

export const CROSS_ORIGIN_ACTION = 'Action refusée : elle a été envoyée depuis un autre site que celui-ci.'

/** A server action whose Origin is none of the site's addresses (siteOrigins()). */
export function isCrossOriginAction(method: string | undefined, headers: IncomingHttpHeaders, origins: readonly string[]): boolean {
  if (method !== 'POST' || !headers['next-action']) return false
  const origin = headers.origin
  return typeof origin === 'string' && !origins.includes(origin)
}

export function refuseCrossOriginAction(res: ServerResponse) {
  res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify({ errors: [{ message: CROSS_ORIGIN_ACTION, code: STATUS_CODES[403] }] }))
}
