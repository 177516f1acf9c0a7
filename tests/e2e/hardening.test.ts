/**
 * Requests a security run sent to the production server that answered 5xx (issue 18): each test
 * is named after the attack. (API input: tests/int/bad-input.test.ts; bodies: body-limit.test.ts.)
 */
import { describe, expect, inject, it } from 'vitest'

import { adminHeaders } from '../helpers/site'

const baseURL = inject('baseURL')

describe('hardening', () => {
  it('/apercu?chemin=/。evil as staff: a redirect to that path on this site, not a 500', async () => {
    const { Authorization } = await adminHeaders()
    const res = await fetch(`${baseURL}/apercu?chemin=${encodeURIComponent('/。evil')}`, { headers: { Authorization }, redirect: 'manual' })
    expect(res.status).toBe(307)
    expect(new URL(res.headers.get('location')!, baseURL).href).toBe(`${baseURL}/%E3%80%82evil`)
  })

  it('/apercu?chemin=//evil.example is refused', async () => {
    const { Authorization } = await adminHeaders()
    const res = await fetch(`${baseURL}/apercu?chemin=//evil.example`, { headers: { Authorization }, redirect: 'manual' })
    expect(res.status).toBe(400)
  })

  it('a server action posted from another site gets 403, in French', async () => {
    const res = await fetch(`${baseURL}/articles`, {
      method: 'POST',
      headers: { 'next-action': '7f00', origin: 'https://evil.example', 'content-type': 'text/plain;charset=UTF-8' },
      body: '[]',
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toBe(
      'Action refusée : elle a été envoyée depuis un autre site que celui-ci.',
    )
  })
})
