'use client'
/**
 * Above the comments list: approve, refuse or class as spam every selected comment at once
 * (one PATCH on the selection; the hooks record who moderated and when, for each comment).
 */
import { Button, toast, useConfig, useRouteCache, useSelection } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import { useState } from 'react'

type Action = { status: 'approved' | 'rejected' | 'spam' | 'pending'; label: string; done: (n: number) => string }

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`

const ACTIONS: Action[] = [
  { status: 'approved', label: 'Approuver', done: (n) => `${plural(n, 'commentaire approuvé', 'commentaires approuvés')}.` },
  { status: 'rejected', label: 'Refuser', done: (n) => `${plural(n, 'commentaire refusé', 'commentaires refusés')}.` },
  { status: 'spam', label: 'Indésirable', done: (n) => `${plural(n, 'commentaire classé', 'commentaires classés')} indésirable${n > 1 ? 's' : ''}.` },
  { status: 'pending', label: 'Remettre en attente', done: (n) => `${plural(n, 'commentaire remis', 'commentaires remis')} en attente.` },
]

export function BulkModeration() {
  const { count, getQueryParams, toggleAll } = useSelection()
  const { config } = useConfig()
  const { clearRouteCache } = useRouteCache()
  const router = useRouter()
  const [busy, setBusy] = useState(false)

  if (!count) return null

  const apply = async (action: Action) => {
    setBusy(true)
    try {
      // Same origin, relative: the admin is served by the app that serves the API.
      const res = await fetch(`${config.routes.api}/comments${getQueryParams()}`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': 'fr' },
        body: JSON.stringify({ status: action.status }),
      })
      const json = (await res.json().catch(() => ({}))) as { docs?: unknown[]; errors?: { message: string }[] }
      const n = json.docs?.length ?? 0
      if (n > 0) toast.success(action.done(n))
      if (json.errors?.length) toast.error(json.errors.map((e) => e.message).join('\n'))
      if (!res.ok && n === 0 && !json.errors?.length) toast.error('La modération a échoué.')
      toggleAll(false)
      clearRouteCache()
      router.refresh()
    } catch {
      toast.error('La modération a échoué : le serveur ne répond pas.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div
      role="group"
      aria-label="Modérer la sélection"
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem', margin: '0 0 1rem' }}
    >
      <span>{plural(count, 'commentaire sélectionné', 'commentaires sélectionnés')} :</span>
      {ACTIONS.map((action) => (
        <Button
          key={action.status}
          buttonStyle={action.status === 'approved' ? 'primary' : 'secondary'}
          size="small"
          margin={false}
          disabled={busy}
          onClick={() => void apply(action)}
        >
          {action.label}
        </Button>
      ))}
    </div>
  )
}
