/**
 * The REST API's HTTP policy as pure logic: CORS origins, cache identity, ETags, French error
 * bodies, and the wrapper around a fetch handler (here a plain function standing for Payload).
 */
import { describe, expect, it } from 'vitest'

import { cacheControlFor, etagOf, identityOf, ifNoneMatch, isPersonalPath } from '../../src/lib/http/cache'
import { corsHeaders, invalidOrigins, normalizeOrigin, parseOrigins } from '../../src/lib/http/cors'
import { frenchMessage, normalizeErrorBody } from '../../src/lib/http/errors'
import { pathMatches, withHttpPolicy } from '../../src/lib/http/policy'

describe('CORS origins', () => {
  it('normalises origins and refuses anything else', () => {
    expect(normalizeOrigin('https://Partenaire.ORG/')).toBe('https://partenaire.org')
    expect(normalizeOrigin('http://localhost:8080')).toBe('http://localhost:8080')
    for (const bad of ['partenaire.org', 'https://partenaire.org/chemin', 'ftp://x.org', 'https://a.org?x=1', '*', ''])
      expect(normalizeOrigin(bad), bad).toBeNull()
  })

  it('reads one origin per line (or comma), dropping invalid and repeated ones', () => {
    expect(parseOrigins('https://a.org\n\nhttps://b.org/ , https://a.org\nnimporte')).toEqual(['https://a.org', 'https://b.org'])
    expect(parseOrigins(null)).toEqual([])
    expect(invalidOrigins('https://a.org\nnimporte\nhttps://b.org/x')).toEqual(['nimporte', 'https://b.org/x'])
  })

  it('allows a listed origin only, exactly', () => {
    const allowed = ['https://a.org']
    expect(corsHeaders('https://a.org', allowed)['Access-Control-Allow-Origin']).toBe('https://a.org')
    expect(corsHeaders('https://a.org.evil.net', allowed)).toEqual({})
    expect(corsHeaders('http://a.org', allowed)).toEqual({})
    expect(corsHeaders(null, allowed)).toEqual({})
    expect(corsHeaders('https://a.org', allowed, true)['Access-Control-Allow-Methods']).toContain('POST')
  })
})

describe('caching', () => {
  it('tells anonymous, API-key and logged-in callers apart', () => {
    expect(identityOf(new Headers())).toBe('anonymous')
    expect(identityOf(new Headers({ cookie: 'labo_comments=x' }))).toBe('anonymous')
    expect(identityOf(new Headers({ authorization: 'users API-Key abc' }))).toBe('api-key')
    expect(identityOf(new Headers({ authorization: 'JWT abc' }))).toBe('session')
    expect(identityOf(new Headers({ cookie: 'a=b; payload-token=xyz' }))).toBe('session')
    expect(cacheControlFor('anonymous')).toMatch(/^public, max-age=\d+/)
    expect(cacheControlFor('api-key')).toMatch(/^private, max-age=\d+/)
    expect(cacheControlFor('session')).toBe('private, no-cache')
    expect(isPersonalPath('/api/users/me')).toBe(true)
    expect(isPersonalPath('/api/articles')).toBe(false)
  })

  it('computes stable strong ETags and compares If-None-Match weakly', () => {
    const etag = etagOf('{"a":1}')
    expect(etag).toBe(etagOf(new TextEncoder().encode('{"a":1}')))
    expect(etag).not.toBe(etagOf('{"a":2}'))
    expect(ifNoneMatch(etag, etag)).toBe(true)
    expect(ifNoneMatch(`"x", W/${etag}`, etag)).toBe(true)
    expect(ifNoneMatch('*', etag)).toBe(true)
    expect(ifNoneMatch('"x"', etag)).toBe(false)
    expect(ifNoneMatch(null, etag)).toBe(false)
  })
})

describe('errors', () => {
  it('translates Payload’s English messages and keeps French ones', () => {
    expect(frenchMessage('Not Found', 404)).toBe('Document introuvable.')
    expect(frenchMessage('Something went wrong.', 500)).toMatch(/^Erreur interne/)
    expect(frenchMessage('Les commentaires sont fermés.', 403)).toBe('Les commentaires sont fermés.')
    expect(frenchMessage(undefined, 429)).toMatch(/^Trop de requêtes/)
  })

  it('gives every error a stable code, keeps an endpoint’s own code and hides internal details', () => {
    expect(normalizeErrorBody(404, { message: 'Route not found "/api/x"' })).toEqual({
      errors: [{ message: 'Adresse inconnue de l’API : /api/x.', code: 'not_found' }],
    })
    expect(normalizeErrorBody(400, { errors: [{ code: 'QUERY_EMPTY', message: 'Saisissez un mot.' }] }).errors[0]).toEqual({ code: 'QUERY_EMPTY', message: 'Saisissez un mot.' })
    const validation = normalizeErrorBody(400, { errors: [{ name: 'ValidationError', message: 'Champ invalide', data: { errors: [] } }] }).errors[0]!
    expect(validation).toEqual({ code: 'validation_error', message: 'Champ invalide', data: { errors: [] } })
    expect(normalizeErrorBody(500, { errors: [{ message: 'relation "x" does not exist' }] })).toEqual({
      errors: [{ message: 'Erreur interne du serveur. Réessayez plus tard.', code: 'internal_error' }],
    })
  })
})

describe('withHttpPolicy', () => {
  const ctx = async () => ({ corsOrigins: ['https://a.org'], routes: [{ method: 'get', path: '/api/search' }] })

  it('answers 500 as French JSON when the handler throws', async () => {
    const handler = withHttpPolicy(async () => {
      throw new Error('boom: secret detail')
    }, ctx)
    const res = await handler(new Request('http://x/api/articles', { headers: { Origin: 'https://a.org' } }))
    expect(res.status).toBe(500)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://a.org')
    expect(await res.json()).toEqual({ errors: [{ message: 'Erreur interne du serveur. Réessayez plus tard.', code: 'internal_error' }] })
  })

  it('says when a refusal comes from a session sent from another address than the site’s', async () => {
    const sessionCtx = async () => ({ corsOrigins: [], cookiePrefix: 'payload', sessionOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'] })
    const forbidden = withHttpPolicy(async () => Response.json({ errors: [{ message: 'You are not allowed to perform this action.' }] }, { status: 403 }), sessionCtx)
    const from = (origin: string, cookie = 'payload-token=abc') =>
      forbidden(new Request('http://x/api/globals/navigation', { method: 'POST', headers: { Origin: origin, Cookie: cookie } }))

    const other = await from('http://192.0.2.7:3000')
    expect(other.status).toBe(403)
    expect(await other.json()).toEqual({
      errors: [{
        message: 'Votre session n’est pas reconnue à cette adresse (http://192.0.2.7:3000) : ouvrez l’administration à http://localhost:3000/admin, ou faites ajouter cette adresse à SITE_ALIASES.',
        code: 'untrusted_origin',
      }],
    })
    // A trusted origin, or no session at all: the plain refusal.
    for (const res of [await from('http://127.0.0.1:3000'), await from('http://192.0.2.7:3000', 'other=1')]) {
      expect((await res.json()).errors[0]).toEqual({ message: 'Vous n’êtes pas autorisé à effectuer cette action.', code: 'forbidden' })
    }
  })

  it('turns a non-JSON error into the JSON shape', async () => {
    const handler = withHttpPolicy(async () => new Response('Fichier trop volumineux', { status: 413 }), ctx)
    const res = await handler(new Request('http://x/api/media', { method: 'POST', body: 'x' }))
    expect(await res.json()).toEqual({ errors: [{ message: 'Fichier trop volumineux', code: 'payload_too_large' }] })
  })

  it('answers 304 with the same ETag, and HEAD without a body', async () => {
    const handler = withHttpPolicy(async () => Response.json({ docs: [] }), ctx)
    const first = await handler(new Request('http://x/api/articles'))
    const etag = first.headers.get('etag')!
    const second = await handler(new Request('http://x/api/articles', { headers: { 'If-None-Match': etag } }))
    expect(second.status).toBe(304)
    const head = await handler(new Request('http://x/api/articles', { method: 'HEAD' }))
    expect(head.headers.get('etag')).toBe(etag)
  })

  it('matches route patterns like Payload', () => {
    expect(pathMatches('/api/articles/:id', '/api/articles/12')).toBe(true)
    expect(pathMatches('/api/articles/:id', '/api/articles')).toBe(false)
    expect(pathMatches('/api/docs/:asset', '/api/docs/a.js')).toBe(true)
    expect(pathMatches('/api/search', '/api/search/x')).toBe(false)
  })
})
