import { paths } from '@/lib/site-paths'
import { frenchTypography as t } from '@/lib/typography'
import type { Axis, Theme } from '@/payload-types'

export const axisTitle = (axis: Pick<Axis, 'number' | 'title'>) => `Axe ${axis.number} : ${axis.title}`
export const themeTitle = (theme: Pick<Theme, 'number' | 'title'>) => `Thème ${theme.number} : ${theme.title}`

/** "Un groupe de pilotage travaille déjà sur ce thème : en savoir plus sur le thème 3." */
export function WorkingGroupLine({ theme }: { theme: Theme }) {
  const group = theme.workingGroup
  if (!group?.status && !group?.note) return null
  const href = group.link || paths.theme(theme.slug)
  return (
    <p className="working-group">
      {group.note ? t(group.note) : t(group.status ?? '')}
      {' : '}
      <a href={href}>{group.linkLabel || `en savoir plus sur le thème ${theme.number}`}</a>.
    </p>
  )
}
