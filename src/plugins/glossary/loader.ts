import type { Payload } from 'payload'

import { buildMatcher, type GlossaryEntry, type GlossaryId, type Matcher } from '../../lib/glossary-matcher'

/**
 * The compiled glossary of the published terms, shared by the whole process: Next.js bundles the
 * REST routes and the pages separately, so module scope is not enough (global, as Payload does
 * for its own instance). It is rebuilt when the published glossary's version key changes, so a
 * term changed by another process (or another bundle) is seen at the next use.
 */
type State = { cached: { key: string; matcher: Promise<Matcher> } | null }
const STATE = Symbol.for('labo-ess.glossary.matcher')
const state = ((globalThis as Record<symbol, unknown>)[STATE] ??= { cached: null }) as State

/** Forgets the compiled glossary (hooks on glossary-terms call it). */
export function invalidateGlossary(): void {
  state.cached = null
}

/** Identifies the published glossary: publishing, changing, unpublishing or deleting a term changes it. */
async function versionKey(payload: Payload): Promise<string> {
  const { docs, totalDocs } = await payload.find({
    collection: 'glossary-terms',
    where: { _status: { equals: 'published' } },
    select: { updatedAt: true },
    sort: '-updatedAt',
    limit: 1,
    depth: 0,
    overrideAccess: false,
    draft: false,
  })
  return `${totalDocs}:${docs[0]?.updatedAt ?? ''}`
}

async function load(payload: Payload): Promise<Matcher> {
  const { docs } = await payload.find({
    collection: 'glossary-terms',
    where: { _status: { equals: 'published' } },
    select: { term: true, slug: true, variants: true, shortDefinition: true },
    depth: 0,
    pagination: false,
    sort: 'term',
    overrideAccess: false,
    draft: false,
  })
  const entries: GlossaryEntry[] = docs
    .filter((d) => d.slug && d.term)
    .map((d) => ({
      id: d.id as GlossaryId,
      slug: String(d.slug),
      term: String(d.term),
      variants: (d.variants ?? []).map((v) => v.variant).filter((v): v is string => Boolean(v)),
      shortDefinition: d.shortDefinition ?? '',
    }))
  return buildMatcher(entries)
}

/** The matcher of the published glossary terms (compiled once per version of the glossary). */
export async function getGlossaryMatcher(payload: Payload): Promise<Matcher> {
  const key = await versionKey(payload)
  if (state.cached?.key !== key) {
    const matcher = load(payload)
    state.cached = { key, matcher }
    // A failed load is not kept.
    matcher.catch(() => {
      if (state.cached?.matcher === matcher) state.cached = null
    })
  }
  return state.cached.matcher
}

export type GlossarySettings = {
  /** Annotate every occurrence of a term, not only the first one of each document. */
  allOccurrences: boolean
}

/** The site-wide glossary setting (site-settings global); first occurrences only if it cannot be read. */
export async function getGlossarySettings(payload: Payload): Promise<GlossarySettings> {
  try {
    const settings = await payload.findGlobal({ slug: 'site-settings', depth: 0, select: { glossaryAllOccurrences: true } })
    return { allOccurrences: settings.glossaryAllOccurrences === true }
  } catch {
    return { allOccurrences: false }
  }
}
