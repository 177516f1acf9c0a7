import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'

import { isPanelUser } from '@/access/roles'
import { getPayloadClient } from '@/data/payload'
import { isSitePath } from '@/fields/url'

/**
 * Preview of drafts: the admin's "Aperçu" and live preview open /apercu?chemin=/projets/x.
 * Only a logged-in member of staff (the admin's session cookie) turns draft mode on.
 */
export async function GET(request: Request): Promise<Response> {
  const chemin = new URL(request.url).searchParams.get('chemin') ?? '/'
  if (!isSitePath(chemin)) return new Response('Chemin d’aperçu invalide.', { status: 400 })
  const payload = await getPayloadClient()
  const { user } = await payload.auth({ headers: request.headers })
  if (!isPanelUser(user)) {
    return new Response('Connectez-vous à l’administration pour prévisualiser les brouillons.', {
      status: 401,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  }
  // Percent-encoded as a URL path ("/。x" would not fit in a Location header), and still on this site.
  const base = new URL(request.url)
  const target = new URL(chemin, base)
  if (target.origin !== base.origin) return new Response('Chemin d’aperçu invalide.', { status: 400 })
  ;(await draftMode()).enable()
  redirect(`${target.pathname}${target.search}${target.hash}`)
}
