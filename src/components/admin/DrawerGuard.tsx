'use client'
import { type ReactNode, useEffect } from 'react'

const MESSAGE = 'Fermer ce panneau sans enregistrer ? Ce que vous y avez saisi sera perdu.'

/** How long after "Enregistrer" in a drawer its success may still close it. */
const SAVE_WINDOW_MS = 30_000

/**
 * Asks before a drawer (a document opened over another: a new image, a related document…) closes
 * with what the editor typed in it: Escape or its close button. Payload closes it at once.
 * A form counts as changed from the first input in it until it is saved.
 * Once saved (Payload's success message), the drawer closes: its document is in the field below.
 */
export function DrawerGuard({ children }: { children?: ReactNode }) {
  useEffect(() => {
    const changed = new WeakSet<Element>()
    const formIn = (target: EventTarget | null) => (target instanceof Element && target.closest('.drawer') ? target.closest('form') : null)
    const onInput = (event: Event) => {
      const form = formIn(event.target)
      if (form) changed.add(form)
    }
    // A save started in a drawer: the button (Payload's call submit() without a DOM event),
    // Ctrl+S, or Enter in a field (a real submit event). Its success closes the drawer.
    let saving: { drawer: Element; at: number } | null = null
    const onSubmit = (event: Event) => {
      const drawer = formIn(event.target)?.closest('.drawer')
      if (drawer) saving = { drawer, at: Date.now() }
    }
    /** The drawer on top, if its form holds unsaved input. */
    const changedDrawer = (drawer: Element | null | undefined) =>
      drawer && [...drawer.querySelectorAll('form')].some((form) => changed.has(form)) ? drawer : null
    const guard = (event: Event, drawer: Element | null) => {
      if (!drawer) return
      if (window.confirm(MESSAGE)) {
        drawer.querySelectorAll('form').forEach((form) => changed.delete(form))
        return
      }
      event.preventDefault()
      event.stopImmediatePropagation()
    }
    const onKeyDown = (event: KeyboardEvent) => {
      // Escape in an open list (a select's options, a menu) closes that list only.
      if (event.key !== 'Escape' || document.querySelector('.rs__menu, .popup--active')) return
      const open = [...document.querySelectorAll('.drawer.drawer--is-open')]
      const top = open.sort((a, b) => Number(getComputedStyle(a).zIndex) - Number(getComputedStyle(b).zIndex)).at(-1)
      guard(event, changedDrawer(top))
    }
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null
      const close = target?.closest('.drawer__close')
      if (close) guard(event, changedDrawer(close.closest('.drawer')))
      const save = target?.closest('.form-submit button, [id^="action-save"]')
      const drawer = save?.closest('.drawer')
      if (drawer) saving = { drawer, at: Date.now() }
    }
    const onSaveKey = (event: KeyboardEvent) => {
      const drawer = event.target instanceof Element ? event.target.closest('.drawer') : null
      if (drawer && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') saving = { drawer, at: Date.now() }
    }
    // Payload's toast is a promise toast: it turns into a success or an error in place.
    const toastType = (node: Node) => {
      const toast = node instanceof Element ? node.closest('[data-sonner-toast]') ?? node.querySelector('[data-sonner-toast]') : null
      return toast?.getAttribute('data-type')
    }
    const toasts = new MutationObserver((mutations) => {
      if (!saving) return
      const types = mutations.flatMap((m) => [m.target, ...m.addedNodes].map(toastType))
      if (types.includes('error')) saving = null
      if (!saving || !types.includes('success')) return
      const { drawer, at } = saving
      saving = null
      if (Date.now() - at > SAVE_WINDOW_MS || !drawer.matches('.drawer--is-open')) return
      drawer.querySelectorAll('form').forEach((form) => changed.delete(form))
      drawer.querySelector<HTMLElement>('.drawer__close')?.click()
    })
    toasts.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-type'] })
    const listeners = [
      ['input', onInput],
      ['change', onInput],
      ['submit', onSubmit],
      ['keydown', onKeyDown],
      ['keydown', onSaveKey],
      ['click', onClick],
    ] as [string, EventListener][]
    for (const [type, listener] of listeners) window.addEventListener(type, listener, true)
    return () => {
      toasts.disconnect()
      for (const [type, listener] of listeners) window.removeEventListener(type, listener, true)
    }
  }, [])
  return <>{children}</>
}
