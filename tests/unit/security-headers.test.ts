import type { IncomingMessage } from 'node:http'

import { describe, expect, it } from 'vitest'

import { parseTrustedProxies } from '../../src/lib/http/client-address'
import {
  areaOf,
  contentSecurityPolicy,
  HSTS,
  isHttpsRequest,
  mediaOriginOf,
  securityHeaders,
  securityHeadersSetter,
} from '../../src/lib/http/security-headers'
import { siteIsHttps } from '../../src/lib/site-paths'

const plain = { https: false, mediaOrigin: null }
const directives = (csp: string | null) => new Map((csp ?? '').split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]))

describe('areas', () => {
  it('tells the admin, the API docs, the API and the site apart', () => {
    expect(areaOf('/admin')).toBe('admin')
    expect(areaOf('/admin/collections/articles?limit=10')).toBe('admin')
    expect(areaOf('/administration')).toBe('site')
    expect(areaOf('/api/docs')).toBe('docs')
    expect(areaOf('/api/docs/swagger-ui-bundle.js')).toBe('docs')
    expect(areaOf('/api/docsx')).toBe('api')
    expect(areaOf('/api/articles?where[x]=/admin')).toBe('api')
    expect(areaOf('/')).toBe('site')
    expect(areaOf('/articles/un-article?admin')).toBe('site')
    expect(areaOf('/_next/static/chunks/main.js')).toBe('site')
  })
})

describe('Content-Security-Policy', () => {
  it('the site: nothing from elsewhere, no eval, no plugin, framed by this site only', () => {
    const csp = directives(contentSecurityPolicy('site', plain))
    expect(csp.get('default-src')).toEqual(["'self'"])
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'self'"])
    expect(csp.get('form-action')).toEqual(["'self'"])
    expect(csp.get('frame-ancestors')).toEqual(["'self'"])
    expect(csp.has('upgrade-insecure-requests')).toBe(false)
    expect(contentSecurityPolicy('site', plain)).not.toMatch(/unsafe-eval|\*|https?:/)
  })

  it('the admin: the same, plus blob: workers and media', () => {
    const csp = directives(contentSecurityPolicy('admin', plain))
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:'])
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:'])
    expect(csp.get('frame-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
  })

  it('/api/docs: no inline script at all; the rest of the API: no policy', () => {
    expect(directives(contentSecurityPolicy('docs', plain)).get('script-src')).toEqual(["'self'"])
    expect(contentSecurityPolicy('api', plain)).toBeNull()
  })

  it('allows the public media host for images and media, nothing wider', () => {
    const csp = directives(contentSecurityPolicy('site', { https: false, mediaOrigin: 'https://medias.exemple.org' }))
    expect(csp.get('img-src')).toContain('https://medias.exemple.org')
    expect(csp.get('media-src')).toContain('https://medias.exemple.org')
    expect(csp.get('script-src')).not.toContain('https://medias.exemple.org')
    expect(csp.get('connect-src')).toEqual(["'self'"])
    expect(mediaOriginOf({ S3_PUBLIC_URL: 'https://medias.exemple.org/labo/' })).toBe('https://medias.exemple.org')
    expect(mediaOriginOf({})).toBeNull()
  })

  it('over HTTPS, upgrades insecure requests', () => {
    expect(contentSecurityPolicy('site', { https: true, mediaOrigin: null })).toMatch(/; upgrade-insecure-requests$/)
    expect(contentSecurityPolicy('admin', { https: true, mediaOrigin: null })).toMatch(/; upgrade-insecure-requests$/)
  })
})

describe('the other headers', () => {
  const names = (headers: [string, string][]) => Object.fromEntries(headers)

  it('nosniff, referrer, framing and permissions everywhere; HSTS over HTTPS only', () => {
    for (const area of ['site', 'admin', 'docs', 'api'] as const) {
      const headers = names(securityHeaders(area, plain))
      expect(headers['X-Content-Type-Options']).toBe('nosniff')
      expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
      expect(headers['X-Frame-Options']).toBe('SAMEORIGIN')
      expect(headers['Permissions-Policy']).toContain('camera=()')
      expect(headers['Strict-Transport-Security']).toBeUndefined()
      expect(names(securityHeaders(area, { https: true, mediaOrigin: null }))['Strict-Transport-Security']).toBe(HSTS)
    }
    expect(HSTS).toBe('max-age=31536000; includeSubDomains')
  })
})

describe('HTTPS', () => {
  const proxies = parseTrustedProxies('10.0.0.1')
  const http = { SITE_URL: 'http://localhost:3000' }

  it('SITE_URL in https: always', () => {
    expect(siteIsHttps({ SITE_URL: 'https://www.lelabo-ess.org' })).toBe(true)
    expect(siteIsHttps({ SITE_URL: 'HTTPS://www.lelabo-ess.org' })).toBe(true)
    expect(siteIsHttps(http)).toBe(false)
    expect(siteIsHttps({})).toBe(false)
    expect(isHttpsRequest({ remoteAddress: '203.0.113.5' }, [], { SITE_URL: 'https://www.lelabo-ess.org' })).toBe(true)
  })

  it('otherwise only when a trusted proxy says X-Forwarded-Proto: https', () => {
    expect(isHttpsRequest({ remoteAddress: '10.0.0.1', forwardedProto: 'https' }, proxies, http)).toBe(true)
    expect(isHttpsRequest({ remoteAddress: '::ffff:10.0.0.1', forwardedProto: 'HTTPS, http' }, proxies, http)).toBe(true)
    expect(isHttpsRequest({ remoteAddress: '10.0.0.1', forwardedProto: 'http' }, proxies, http)).toBe(false)
    expect(isHttpsRequest({ remoteAddress: '10.0.0.1' }, proxies, http)).toBe(false)
    expect(isHttpsRequest({ remoteAddress: '203.0.113.5', forwardedProto: 'https' }, proxies, http)).toBe(false)
    expect(isHttpsRequest({ remoteAddress: undefined, forwardedProto: 'https' }, proxies, http)).toBe(false)
    expect(isHttpsRequest({ remoteAddress: '203.0.113.5', forwardedProto: 'https' }, [], http)).toBe(false)
  })
})

describe('the server hook', () => {
  const request = (url: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    ({ url, headers, socket: { remoteAddress } }) as unknown as IncomingMessage
  const applied = (set: ReturnType<typeof securityHeadersSetter>, req: IncomingMessage) => {
    const headers: Record<string, string> = {}
    set(req, { setHeader: (name, value) => (headers[name] = value) })
    return headers
  }

  it('sets the headers of the request’s area, HSTS as the request came', () => {
    const set = securityHeadersSetter(parseTrustedProxies('10.0.0.1'), { SITE_URL: 'http://localhost:3000' })
    const site = applied(set, request('/articles', '203.0.113.5', { 'x-forwarded-proto': 'https' }))
    expect(site['Content-Security-Policy']).toBe(contentSecurityPolicy('site', plain))
    expect(site['Strict-Transport-Security']).toBeUndefined()
    const proxied = applied(set, request('/admin', '10.0.0.1', { 'x-forwarded-proto': 'https' }))
    expect(proxied['Content-Security-Policy']).toBe(contentSecurityPolicy('admin', { https: true, mediaOrigin: null }))
    expect(proxied['Strict-Transport-Security']).toBe(HSTS)
    expect(applied(set, request('/api/articles', '203.0.113.5'))['Content-Security-Policy']).toBeUndefined()
  })

  it('reads the media host and SITE_URL from the environment', () => {
    const set = securityHeadersSetter([], { SITE_URL: 'https://www.lelabo-ess.org', S3_PUBLIC_URL: 'https://medias.exemple.org/labo' })
    const headers = applied(set, request('/', '203.0.113.5'))
    expect(headers['Strict-Transport-Security']).toBe(HSTS)
    expect(headers['Content-Security-Policy']).toContain("img-src 'self' data: blob: https://medias.exemple.org;")
  })
})
