/** On the admin dashboard, for moderators: how many comments wait for a decision. */
import type { Payload, PayloadRequest } from 'payload'

import { optionsOf } from '../settings'

type Props = { payload: Payload; user?: PayloadRequest['user'] }

export async function PendingCount({ payload, user }: Props) {
  const options = optionsOf(payload)
  if (!options.isModerator(user)) return null
  const { totalDocs } = await payload.count({ collection: options.slug, where: { status: { equals: 'pending' } }, overrideAccess: true })
  const href = `${payload.config.routes.admin}/collections/${options.slug}?where%5Bstatus%5D%5Bequals%5D=pending&sort=-createdAt`
  const text =
    totalDocs === 0
      ? 'Aucun commentaire en attente de modération.'
      : `${totalDocs} commentaire${totalDocs > 1 ? 's' : ''} en attente de modération`
  return (
    <div
      style={{
        margin: '0 0 1.5rem',
        padding: '1rem 1.25rem',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 'var(--style-radius-m, 4px)',
        background: totalDocs > 0 ? 'var(--theme-warning-50, var(--theme-elevation-50))' : 'var(--theme-elevation-50)',
      }}
    >
      <p style={{ margin: 0 }}>
        {totalDocs === 0 ? text : <a href={href}>{text}</a>}
      </p>
    </div>
  )
}
