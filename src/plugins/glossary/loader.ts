import type { Payload } from 'payload'

import { buildMatcher, type GlossaryEntry, type GlossaryId, type Matcher } from '../../lib/glossary-matcher'

/** The compiled glossary of the published terms, built once per process, rebuilt after a term changes. */
let cached: Promise<Matcher> | null = null
let generation = 0

/** Forgets the compiled glossary (hooks on glossary-terms call it). */
export function invalidateGlossary(): void {
  cached = null
  generation++
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

/** The matcher of the published glossary terms (cached in module scope). */
export function getGlossaryMatcher(payload: Payload): Promise<Matcher> {
  if (!cached) {
    const started = generation
    const promise = load(payload)
    cached = promise
    // A failed load is not cached; nor is one started before an invalidation.
    promise.catch(() => {
      if (cached === promise) cached = null
    })
    void promise.then(() => {
      if (started !== generation && cached === promise) cached = null
    }, () => undefined)
  }
  return cached
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
