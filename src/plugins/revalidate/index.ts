import { createHmac, timingSafeEqual } from 'node:crypto'

import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionConfig, CollectionSlug, GlobalAfterChangeHook, Payload, PayloadRequest, Plugin } from 'payload'

import { isAdminUser } from '../../access/roles'
import { PUBLIC_COLLECTIONS } from '../../collections/registry'
import { hasDrafts } from '../../lib/publication'
import { publicPath } from '../../lib/site-paths'
import { isRefreshPath } from '../../lib/page-refresh'
import { refreshPaths, SKIP_PAGE_REFRESH } from '../shared/refresh'
import { EVERYTHING, ownPaths, touchesPublic, type Doc } from './targets'

/**
 * Refreshes the statically rendered public pages when content changes: exactly the paths a
 * published change affects (the document, the lists and pages that show it), or the whole site
 * for site-wide content, here and in every other server on the database (../shared/refresh.ts).
 */
export async function revalidatePaths(paths: string[], payload?: Payload, req?: Partial<PayloadRequest>): Promise<void> {
  await refreshPaths(paths, { payload, req })
}

/** Pages that show this document without being its own page. */
async function referencingPaths(payload: Payload, collection: string, id: number | string): Promise<string[]> {
  const find = async (slug: 'projects' | 'themes' | 'axes', field: string, value: number | string) => {
    const { docs } = await payload.find({
      collection: slug,
      where: { [field]: { equals: value } },
      select: { slug: true },
      depth: 0,
      pagination: false,
    })
    return docs.map((d) => publicPath(slug, d)).filter((p): p is string => Boolean(p))
  }
  switch (collection) {
    case 'projects':
      return [...(await find('projects', 'relatedProjects', id)), ...(await find('themes', 'relatedProjects', id))]
    case 'themes': {
      const theme = await payload.findByID({ collection: 'themes', id, depth: 0, select: { axis: true }, disableErrors: true })
      const axisId = theme && typeof theme.axis === 'number' ? theme.axis : null
      if (!axisId) return []
      const axis = await payload.findByID({ collection: 'axes', id: axisId, depth: 0, select: { slug: true }, disableErrors: true })
      return axis ? [publicPath('axes', axis)].filter((p): p is string => Boolean(p)) : []
    }
    case 'axes':
      return find('themes', 'axis', id)
    case 'partners':
      return [...(await find('projects', 'carryingStructure', id)), ...(await find('projects', 'partners', id))]
    default:
      return []
  }
}

const afterChange =
  (collection: string, hasDrafts: boolean): CollectionAfterChangeHook =>
  async ({ context, doc, previousDoc, req }) => {
    if (context?.[SKIP_PAGE_REFRESH]) return doc
    if (!touchesPublic(doc as Doc, previousDoc as Doc, hasDrafts)) return doc
    const paths = ownPaths(collection, doc as Doc, previousDoc as Doc)
    if (collection === 'partners' && (doc as { kind?: string[] }).kind?.includes('partenaire-media')) paths.push(EVERYTHING)
    if (!paths.includes(EVERYTHING)) paths.push(...(await referencingPaths(req.payload, collection, doc.id)))
    await revalidatePaths(paths, req.payload, req)
    return doc
  }

const afterDelete =
  (collection: string): CollectionAfterDeleteHook =>
  async ({ context, doc, req }) => {
    if (context?.[SKIP_PAGE_REFRESH]) return doc
    await revalidatePaths(ownPaths(collection, doc as Doc, undefined), req.payload, req)
    return doc
  }

const afterGlobalChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  await revalidatePaths([EVERYTHING], req.payload, req)
  return doc
}

/** The body of POST /api/revalidate (none: the whole site, on every server), or null if invalid. */
export function parseRevalidateBody(text: string | undefined): { paths: string[]; local: boolean } | null {
  if (!text?.trim()) return { paths: [EVERYTHING], local: false }
  try {
    const value = JSON.parse(text) as { paths?: unknown; local?: unknown }
    const paths = value.paths ?? [EVERYTHING]
    const valid = Array.isArray(paths) && paths.length > 0 && paths.length <= 500 && paths.every(isRefreshPath)
    if (!valid || (value.local !== undefined && typeof value.local !== 'boolean')) return null
    return { paths: paths as string[], local: value.local === true }
  } catch {
    return null
  }
}

/** The token `npm start` presents to refresh every page once the server is up. */
export const revalidateAllToken = (secret: string) => createHmac('sha256', secret).update('revalidate-all').digest('hex')

export const revalidatePlugin =
  (): Plugin =>
  (config) => ({
    ...config,
    collections: (config.collections ?? []).map((c: CollectionConfig) =>
      PUBLIC_COLLECTIONS.includes(c.slug as CollectionSlug)
        ? {
            ...c,
            hooks: {
              ...c.hooks,
              afterChange: [...(c.hooks?.afterChange ?? []), afterChange(c.slug, hasDrafts(c))],
              afterDelete: [...(c.hooks?.afterDelete ?? []), afterDelete(c.slug)],
            },
          }
        : c,
    ),
    globals: (config.globals ?? []).map((g) => ({
      ...g,
      hooks: { ...g.hooks, afterChange: [...(g.hooks?.afterChange ?? []), afterGlobalChange] },
    })),
    endpoints: [
      ...(config.endpoints ?? []),
      {
        // POST /api/revalidate: refresh the whole site, or the paths given as { "paths": [...] }, on
        // every server (admins, or `npm start` and the servers themselves with the token). With
        // "local": true, on this server only (a server applying another one's announcement).
        path: '/revalidate',
        method: 'post',
        handler: async (req) => {
          const given = req.headers.get('x-revalidate-token') ?? ''
          const expected = revalidateAllToken(req.payload.config.secret)
          const tokenOk = given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
          if (!tokenOk && !isAdminUser(req.user)) {
            return Response.json({ errors: [{ message: 'Vous n’êtes pas autorisé à effectuer cette action.' }] }, { status: 403 })
          }
          const body = parseRevalidateBody(await req.text?.())
          if (!body) {
            return Response.json(
              { errors: [{ message: 'Corps invalide : attendu { "paths": ["/chemin", …], "local": true|false } ou rien (tout le site).' }] },
              { status: 400 },
            )
          }
          await refreshPaths(body.paths, { payload: req.payload, broadcast: !body.local })
          return Response.json({
            message: body.paths.includes(EVERYTHING)
              ? 'Toutes les pages seront régénérées à leur prochaine visite.'
              : `${body.paths.length} chemin(s) régénéré(s) à leur prochaine visite.`,
          })
        },
      },
    ],
  })
