/**
 * The API's error answers in the production build (issue 21): its bundle minifies class names,
 * which Payload's error formatting and our codes relied on, so 401, 403 and 400 answers lost
 * their message there while the in-process tests (tests/int/api-client-errors.test.ts) passed.
 */
import { randomBytes } from 'node:crypto'

import { beforeAll, describe, expect, inject, it } from 'vitest'

import { adminHeaders } from '../helpers/site'

const baseURL = inject('baseURL')
const api = (path: string, init: RequestInit = {}) => fetch(`${baseURL}/api${path}`, init)
const firstError = async (res: Response) => ((await res.json()) as { errors: { message: string; code: string }[] }).errors[0]!

let key: string
let integration: { email: string; password: string }

beforeAll(async () => {
  key = randomBytes(24).toString('hex')
  integration = { email: `integration-${randomBytes(3).toString('hex')}@exemple.test`, password: `Mdp-${randomBytes(8).toString('hex')}` }
  const res = await api('/users', {
    method: 'POST',
    headers: await adminHeaders(),
    body: JSON.stringify({ ...integration, name: 'Partenaire', roles: ['integration'], enableAPIKey: true, apiKey: key }),
  })
  expect(res.status, await res.clone().text()).toBe(201)
})

describe('error answers of the production server', () => {
  it('an API key trying to write: 403 « Une clé d’API ne donne accès qu’en lecture. »', async () => {
    const res = await api('/tags', { method: 'POST', headers: { Authorization: `users API-Key ${key}`, 'Content-Type': 'application/json' }, body: '{"name":"x","kind":"mot-cle"}' })
    expect(res.status).toBe(403)
    expect(await firstError(res)).toEqual({ message: 'Une clé d’API ne donne accès qu’en lecture.', code: 'forbidden' })
  })

  it('an unknown key and a forged token: 401 with their message', async () => {
    const unknown = await api('/articles?limit=1', { headers: { Authorization: 'users API-Key inconnue' } })
    expect(unknown.status).toBe(401)
    expect((await firstError(unknown)).message).toBe('Clé d’API invalide ou révoquée.')
    const forged = await api('/articles?limit=1', { headers: { Authorization: 'JWT pas.un.jeton' } })
    expect(forged.status).toBe(401)
    expect((await firstError(forged)).message).toMatch(/^Jeton de connexion invalide/)
  })

  it('an integration account logging in: 403 with its message', async () => {
    const res = await api('/users/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(integration) })
    expect(res.status).toBe(403)
    expect((await firstError(res)).message).toBe('Un compte d’intégration ne se connecte pas par mot de passe : il utilise sa clé d’API.')
  })

  it('malformed JSON, an anonymous bulk PATCH, a validation error, a bad query: their message and code', async () => {
    const json = await api('/comments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{pas du json' })
    expect(json.status).toBe(400)
    expect((await firstError(json)).message).toBe('Le corps de la requête n’est pas du JSON valide.')
    const bulk = await api('/articles?where[id][exists]=true', { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"title":"x"}' })
    expect(bulk.status).toBe(403)
    expect((await firstError(bulk)).code).toBe('forbidden')
    const invalid = await api('/comments', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(invalid.status).toBe(400)
    expect((await firstError(invalid)).code).toBe('validation_error')
    const query = await api('/articles?where[motDePasse][equals]=1')
    expect(query.status).toBe(400)
    expect(await firstError(query)).toMatchObject({ message: 'Ces champs ne peuvent pas servir de critère : motDePasse.', code: 'invalid_query' })
  })

  it('no 5xx and no dead end: a non-numeric id, text/plain, HEAD, out-of-range pages', async () => {
    const abc = await api('/articles/abc')
    expect(abc.status).toBe(404)
    expect(await firstError(abc)).toEqual({ message: 'Document introuvable.', code: 'not_found' })
    const text = await api('/comments', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'Bonjour' })
    expect(text.status).toBe(415)
    const head = await api('/articles?limit=2', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('etag')).toBeTruthy()
    const page = await api('/articles?limit=2&depth=2')
    expect(page.status).toBe(200)
    for (const query of ['limit=0', 'limit=100000', 'limit=abc', 'page=0']) {
      const res = await api(`/articles?${query}`)
      expect(res.status, query).toBe(400)
    }
  })
})
