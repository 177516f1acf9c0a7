import { describe, expect, inject, it } from 'vitest'

const baseURL = inject('baseURL')

describe('npm start path (built server on a throwaway database)', () => {
  it('serves the French admin login', async () => {
    const res = await fetch(`${baseURL}/admin/login`, { headers: { 'Accept-Language': 'en-US,en;q=0.9' } })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<html[^>]*lang="fr"/)
  })

  it('answers the REST API, anonymous then as the admin it created from ADMIN_EMAIL/ADMIN_PASSWORD', async () => {
    const anon = await fetch(`${baseURL}/api/users/me`)
    expect(anon.status).toBe(200)
    expect(((await anon.json()) as { user: unknown }).user).toBeNull()

    const login = await fetch(`${baseURL}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: inject('adminEmail'), password: inject('adminPassword') }),
    })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const me = await fetch(`${baseURL}/api/users/me`, { headers: { Authorization: `JWT ${token}` } })
    const { user } = (await me.json()) as { user: { email: string; roles: string[] } }
    expect(user).toMatchObject({ email: inject('adminEmail'), roles: ['admin'] })
  })

  it('speaks French in API errors even to an English client', async () => {
    const res = await fetch(`${baseURL}/api/users`, { headers: { 'Accept-Language': 'en-US' } })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toBe(
      'Vous n’êtes pas autorisé à effectuer cette action.',
    )
  })

  it('sends security headers', async () => {
    const res = await fetch(`${baseURL}/`)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-powered-by')).toBeNull()
  })
})
