/**
 * Page refreshes shared by every process on the same database. A change refreshes the pages it
 * affects in the process that made it (Next's revalidatePath, inside the request) and announces
 * them on a Postgres channel, on its own transaction (sent only if it commits). Every production
 * server listens (scripts/server.ts): the other instances refresh the same pages, and so does the
 * sender itself when the change was made outside a request (the jobs runner's cron, a script).
 */
import { hostname } from 'node:os'

import type pg from 'pg'

import { namedClient } from './pg-connection'

export const REFRESH_CHANNEL = 'labo_page_refresh'
/** The whole site (menus, footer…). */
export const EVERYTHING = '*'

export type RefreshMessage = {
  /** The process that made the change (instanceId()). */
  from: string
  paths: string[]
  /** Whether the sender already refreshed its own pages. */
  applied: boolean
}

/** NOTIFY takes at most 8,000 bytes: beyond that, the whole site. */
const MAX_BYTES = 7_900

/** Identifies this process among the instances that share the database. */
export const instanceId = (): string => `${hostname()}:${process.pid}`

/** Process-wide (Next bundles the same module more than once): what a whole-site refresh drops. */
const WHOLE_SITE = Symbol.for('labo.wholeSiteRefresh')
const wholeSiteDrops = ((globalThis as Record<symbol, unknown>)[WHOLE_SITE] ??= new Set<() => void>()) as Set<() => void>

/**
 * Runs `drop` whenever the whole site is refreshed, here or on another instance's announcement:
 * for in-memory copies of site-wide settings (the allowed CORS origins).
 */
export function onWholeSiteRefresh(drop: () => void): void {
  wholeSiteDrops.add(drop)
}

export function wholeSiteRefreshed(): void {
  for (const drop of wholeSiteDrops) drop()
}

/** Process-wide: what any refresh drops, by name (a later registration replaces an earlier one). */
const ANY_REFRESH = Symbol.for('labo.anyRefresh')
const anyDrops = ((globalThis as Record<symbol, unknown>)[ANY_REFRESH] ??= new Map<string, () => void>()) as Map<string, () => void>

/**
 * Runs `drop` whenever pages are refreshed, whichever they are, here or on another instance's
 * announcement: for in-memory tables that follow the content (the redirections' destinations).
 */
export function onAnyRefresh(name: string, drop: () => void): void {
  anyDrops.set(name, drop)
}

export function anyRefreshed(): void {
  for (const drop of anyDrops.values()) drop()
}

/** Unique paths; the whole site absorbs the rest. */
export function mergePaths(...lists: string[][]): string[] {
  const all = [...new Set(lists.flat())]
  return all.includes(EVERYTHING) ? [EVERYTHING] : all
}

export function encodeRefresh(message: RefreshMessage): string {
  const text = JSON.stringify({ ...message, paths: mergePaths(message.paths) })
  return Buffer.byteLength(text) <= MAX_BYTES ? text : JSON.stringify({ ...message, paths: [EVERYTHING] })
}

/** A path of the site (or EVERYTHING) as announcements carry them. */
export const isRefreshPath = (p: unknown): p is string => typeof p === 'string' && (p === EVERYTHING || (p.startsWith('/') && p.length <= 2_000))

/** The message, or null when the text is not one. */
export function decodeRefresh(text: string | undefined): RefreshMessage | null {
  try {
    const value = JSON.parse(text ?? '') as Partial<RefreshMessage>
    if (typeof value.from !== 'string' || !Array.isArray(value.paths) || !value.paths.every(isRefreshPath)) return null
    return { from: value.from, paths: mergePaths(value.paths), applied: value.applied === true }
  } catch {
    return null
  }
}

export type RefreshListener = { close: () => Promise<void> }

export type ListenOptions = {
  connectionString: string
  /** This process's instanceId(): its own refreshes, already applied, are skipped. */
  self: string
  /** Refreshes the given paths here; calls never overlap. */
  onRefresh: (paths: string[]) => Promise<void>
  /** Told as soon as an announcement is heard, with the refresh that will apply it (settles when done). */
  onPending?: (refresh: Promise<void>) => void
  /** Notifications arriving within this delay are refreshed together (ms). */
  coalesceMs?: number
  /** Reconnection delays grow from this one (ms), up to 30 s. */
  retryMs?: number
  log?: (message: string) => void
}

/**
 * Listens to the refresh channel on a connection of its own. If the connection drops, it comes
 * back and the whole site is refreshed, since notifications may have been missed meanwhile.
 */
export async function listenForRefreshes(options: ListenOptions): Promise<RefreshListener> {
  const { coalesceMs = 5, retryMs = 1_000, log = () => {} } = options
  let pending: string[] = []
  let timer: NodeJS.Timeout | undefined
  let done: (() => void) | undefined
  let running: Promise<void> = Promise.resolve()
  let closed = false
  let client: pg.Client | undefined
  let retries = 0

  const flush = () => {
    const paths = pending
    const settle = done
    timer = undefined
    done = undefined
    pending = []
    running = running
      .then(() => options.onRefresh(paths))
      .catch((err) => log(`rafraîchissement des pages : ${err instanceof Error ? err.message : String(err)}`))
      .finally(settle)
  }
  const queue = (paths: string[]) => {
    pending = mergePaths(pending, paths)
    if (timer) return
    timer = setTimeout(flush, coalesceMs)
    options.onPending?.(new Promise<void>((resolve) => (done = resolve)))
  }

  const connect = async (): Promise<void> => {
    const next = namedClient(options.connectionString, 'labo-page-refresh')
    next.on('notification', (msg) => {
      if (msg.channel !== REFRESH_CHANNEL) return
      const message = decodeRefresh(msg.payload)
      if (message && !(message.from === options.self && message.applied)) queue(message.paths)
    })
    next.on('error', () => {})
    next.on('end', () => {
      if (closed || client !== next) return
      client = undefined
      log('connexion d’écoute des rafraîchissements perdue, reconnexion')
      reconnect()
    })
    try {
      await next.connect()
      await next.query(`LISTEN ${REFRESH_CHANNEL}`)
    } catch (err) {
      await next.end().catch(() => {})
      throw err
    }
    if (closed) {
      await next.end().catch(() => {})
      return
    }
    client = next
  }
  const reconnect = () => {
    const delay = Math.min(30_000, retryMs * 2 ** retries++)
    setTimeout(() => {
      if (closed) return
      connect().then(
        () => {
          retries = 0
          queue([EVERYTHING])
        },
        () => reconnect(),
      )
    }, delay).unref()
  }

  await connect()
  return {
    close: async () => {
      closed = true
      if (timer) clearTimeout(timer)
      done?.()
      const current = client
      client = undefined
      await current?.end().catch(() => {})
      await running
    },
  }
}
