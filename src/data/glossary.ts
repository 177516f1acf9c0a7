import type { GlossaryId, Matcher } from '@/lib/glossary-matcher'
import { getGlossaryMatcher } from '@/plugins/glossary/loader'

import { getPayloadClient } from './payload'

/**
 * State of the glossary annotations of ONE page, passed to every <RichText> of that page: the
 * `seen` set is shared, so each term is annotated at its first occurrence in the whole page.
 */
export type GlossaryContext = {
  matcher: Matcher
  seen: Set<GlossaryId>
  exclude?: ReadonlySet<GlossaryId>
  /** Counter making the popover ids unique in the page. */
  count: { n: number }
}

/** A fresh annotation state for one page; `excludeId`: a term never annotated (its own page). */
export async function glossaryFor(excludeId?: GlossaryId): Promise<GlossaryContext | undefined> {
  try {
    const matcher = await getGlossaryMatcher(await getPayloadClient())
    return { matcher, seen: new Set(), exclude: excludeId === undefined ? undefined : new Set([excludeId]), count: { n: 0 } }
  } catch {
    // The glossary is an enhancement: a page renders without it rather than failing.
    return undefined
  }
}
