'use client'
import type { ReactNode } from 'react'

/**
 * Keeps the browser's Back button working in the admin.
 *
 * Payload's list view (ListQuery provider, 3.90) syncs its query into the URL with
 * `history.replaceState(null, …)` in a mount effect. On a full page load that effect runs before
 * Next.js wraps `history.replaceState` (a parent's effect), so the list's history entry loses the
 * router state Next writes there; Next ignores a Back to an entry without it: the URL changes and
 * the document stays on screen. Replacing with `null` therefore keeps the router's state. Installed
 * when the admin's code loads, before any effect runs. Guarded by tests/e2e/admin-editing.test.ts.
 * Back from a document just created leads to the list too (below).
 */
const ROUTER_KEYS = ['__NA', '__PRIVATE_NEXTJS_INTERNALS_TREE'] as const

if (typeof window !== 'undefined' && !(window.history.replaceState as { keepsRouterState?: boolean }).keepsRouterState) {
  const replaceState = window.history.replaceState.bind(window.history)
  const keepRouterState: History['replaceState'] = (data, unused, url) => {
    const current = window.history.state as Record<string, unknown> | null
    if (data == null && current?.__NA) {
      data = Object.fromEntries(ROUTER_KEYS.filter((key) => key in current).map((key) => [key, current[key]]))
    }
    replaceState(data, unused, url)
  }
  window.history.replaceState = Object.assign(keepRouterState, { keepsRouterState: true })

  // A document just created opens at its own address in place of the creation form: Back then
  // leads to the list, not to an empty form (Payload pushes the new address).
  const pushState = window.history.pushState.bind(window.history)
  window.history.pushState = (data, unused, url) => {
    const from = /\/collections\/([^/?#]+)\/create(?:[?#]|$)/.exec(window.location.pathname)
    const to = url ? new URL(String(url), window.location.href).pathname : ''
    if (from && new RegExp(`/collections/${from[1]}/\\d+$`).test(to)) return keepRouterState(data, unused, url)
    pushState(data, unused, url)
  }
}

export function HistoryState({ children }: { children?: ReactNode }) {
  return <>{children}</>
}
