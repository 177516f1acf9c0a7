import Link from 'next/link'

import type { Navigation } from '@/payload-types'

import { menuHref } from './links'

type Items = NonNullable<Navigation['header']>

/** The entries of a menu that have somewhere to go. */
export function MenuItems({ items }: { items: Items }) {
  return (
    <ul>
      {items.map((item) => {
        const href = menuHref(item.link)
        return href ? (
          <li key={item.id ?? item.label}>
            <Link href={href}>{item.label}</Link>
          </li>
        ) : null
      })}
    </ul>
  )
}
