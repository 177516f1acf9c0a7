import { NextResponse, type NextRequest } from 'next/server'

/**
 * The admin and the API speak French unless the user picked another language in the admin
 * (Payload's `payload-lng` cookie): a browser set to English still gets the French admin.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has('payload-lng')) return NextResponse.next()
  const headers = new Headers(request.headers)
  headers.set('accept-language', 'fr')
  return NextResponse.next({ request: { headers } })
}

export const config = {
  matcher: ['/admin/:path*', '/api/:path*'],
}
