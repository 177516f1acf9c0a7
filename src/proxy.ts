import { NextResponse, type NextRequest } from 'next/server'

import { listRoute, listSpecOf } from './lib/list-keys'

/**
 * - Filtered list pages (/projets?annee=2012&page=2) are rewritten to their static route, keyed
 *   by the canonical form of the query string, so each combination is cached like a page.
 * - The admin speaks French unless the user picked another language in it (Payload's
 *   `payload-lng` cookie): a browser set to English still gets the French admin. The API does the
 *   same in its own route (src/lib/http/api-routes.ts): a proxy costs about 1 ms per request.
 */
export function proxy(request: NextRequest) {
  const list = listSpecOf(request.nextUrl.pathname)
  if (list) return NextResponse.rewrite(new URL(listRoute(list, request.nextUrl.searchParams), request.url))

  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.set('accept-language', 'fr')
  return NextResponse.next({ request: { headers } })
}

export const config = {
  matcher: ['/admin/:path*', '/projets', '/articles'],
}
