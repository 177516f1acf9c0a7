import type { Payload, PayloadRequest } from 'payload'

import { refreshPaths } from '../shared/refresh'
import { optionsOf, type ResolvedOptions } from './settings'

/**
 * Refreshes a public page of the site, here and on the other servers (../shared/refresh.ts).
 * Outside a Next request (scripts, tests, the jobs runner) nothing is cached in this process: the
 * servers hear of it. Returns whether this process's pages were refreshed.
 */
export async function revalidatePublicPath(path: string | null | undefined, payload?: Payload, req?: Partial<PayloadRequest>): Promise<boolean> {
  if (!path) return false
  return refreshPaths([path], { payload, req })
}

type TargetRef = { relationTo: string; value: unknown }

const idOf = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

/** Public path of a comment's target ("/articles/<slug>"), or null. */
export async function targetPath(
  payload: Payload,
  target: TargetRef | null | undefined,
  options: ResolvedOptions = optionsOf(payload),
  req?: PayloadRequest,
): Promise<string | null> {
  if (!target?.relationTo) return null
  const id = idOf(target.value)
  if (id === null || id === undefined) return null
  try {
    const doc = await payload.findByID({
      collection: target.relationTo as never,
      id: id as number,
      depth: 0,
      draft: false,
      overrideAccess: true,
      disableErrors: true,
      ...(req ? { req } : {}),
    })
    return doc ? options.publicPath(target.relationTo, doc as unknown as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * Refreshes the public page of a comment's target: call it when a comment starts or stops being
 * public. The site may refresh other paths (lists, home page) on its own.
 */
export async function revalidateCommentTarget(payload: Payload, target: TargetRef | null | undefined, req?: PayloadRequest): Promise<boolean> {
  return revalidatePublicPath(await targetPath(payload, target, undefined, req), payload, req)
}
