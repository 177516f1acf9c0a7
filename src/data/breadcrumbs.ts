import type { Crumb } from '@/components/Breadcrumbs'
import type { Page } from '@/payload-types'

/** Crumbs of a page of the tree (from the nested-docs breadcrumbs), ending with that page. */
export function pageCrumbs(page: Page | number | null | undefined, linkLast = true): Crumb[] {
  if (!page || typeof page !== 'object') return []
  const crumbs: Crumb[] = (page.breadcrumbs ?? []).map((b) => ({ label: b.label ?? "", href: b.url ?? undefined }))
  if (!linkLast && crumbs.length) crumbs[crumbs.length - 1] = { label: crumbs[crumbs.length - 1].label }
  return crumbs
}
