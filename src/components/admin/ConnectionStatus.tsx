'use client'
import { type ReactNode, useEffect, useState } from 'react'

/**
 * Says when the admin cannot reach the server (a request to the API that fails on the network, or
 * answers 502/503/504 through a proxy), and when it is back: the form on screen is kept as it is,
 * and a new document's form is also kept in the browser (see src/plugins/local-copy).
 */
const DOWN = [502, 503, 504]
const PROBE_MS = 3000
const UNREACHABLE = 'Le serveur ne répond pas : rien n’a été enregistré.'

type State = 'up' | 'down' | 'back'

export function ConnectionStatus({ children }: { children?: ReactNode }) {
  const [state, setState] = useState<State>('up')

  useEffect(() => {
    const originalFetch = window.fetch
    let probing: ReturnType<typeof setInterval> | undefined
    const isApi = (input: RequestInfo | URL) => {
      const url = new URL(input instanceof Request ? input.url : String(input), window.location.href)
      return url.origin === window.location.origin && url.pathname.startsWith('/api/')
    }
    const probe = async () => {
      try {
        const res = await originalFetch('/api/users/me', { credentials: 'include', cache: 'no-store' })
        if (!DOWN.includes(res.status)) markUp()
      } catch {
        // still down
      }
    }
    const markDown = () => {
      setState('down')
      probing ??= setInterval(probe, PROBE_MS)
    }
    const markUp = () => {
      if (!probing) return
      clearInterval(probing)
      probing = undefined
      setState('back')
    }
    window.fetch = async (input, init) => {
      try {
        const res = await originalFetch(input, init)
        if (isApi(input)) (DOWN.includes(res.status) ? markDown : markUp)()
        return res
      } catch (err) {
        if (!isApi(input) || (err instanceof DOMException && err.name === 'AbortError')) throw err
        markDown()
        // Payload shows the error's text in a toast: the browser's is English ("Failed to fetch").
        throw new TypeError(UNREACHABLE, { cause: err })
      }
    }
    const offline = () => markDown()
    window.addEventListener('offline', offline)
    return () => {
      window.fetch = originalFetch
      window.removeEventListener('offline', offline)
      if (probing) clearInterval(probing)
    }
  }, [])

  useEffect(() => {
    if (state !== 'back') return
    const timer = setTimeout(() => setState('up'), 6000)
    return () => clearTimeout(timer)
  }, [state])

  return (
    <>
      {state !== 'up' ? (
        <div className={`labo-connection labo-connection--${state}`} role={state === 'down' ? 'alert' : 'status'}>
          {state === 'down'
            ? 'Le serveur ne répond pas. Ne fermez pas cette page : ce que vous avez saisi y reste. Enregistrez à nouveau quand ce message aura disparu.'
            : 'Connexion rétablie : vous pouvez enregistrer.'}
        </div>
      ) : null}
      {children}
    </>
  )
}
