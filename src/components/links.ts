import { publicPath } from '@/lib/site-paths'
import type { Navigation } from '@/payload-types'

type MenuLink = NonNullable<Navigation['header']>[number]['link']

/** Href of a menu entry: an internal document's public path, or the custom address. */
export function menuHref(link: MenuLink): string | null {
  if (link.type === 'internal' && link.reference && typeof link.reference.value === 'object') {
    return publicPath(link.reference.relationTo, link.reference.value)
  }
  return link.url || null
}
