import { glossaryDisabled } from '@/fields/glossary'
import type { GlossaryId, Matcher } from '@/lib/glossary-matcher'
import { getGlossaryMatcher, getGlossarySettings } from '@/plugins/glossary'

import { getPayloadClient } from './payload'

/**
 * State of the glossary annotations of ONE page, passed to every <RichText> of that page: the
 * `seen` set is shared, so each term is annotated at its first occurrence in the whole page
 * (or at every occurrence with the site setting "Annoter toutes les occurrences").
 */
export type GlossaryContext = {
  matcher: Matcher
  seen: Set<GlossaryId>
  firstOnly: boolean
  exclude?: ReadonlySet<GlossaryId>
  /** Counter making the popover ids unique in the page. */
  count: { n: number }
}

/**
 * A fresh annotation state for the page of `doc`: none when the document switched the glossary
 * off. `excludeId`: a term never annotated (its own page).
 */
export async function glossaryFor(doc?: unknown, excludeId?: GlossaryId): Promise<GlossaryContext | undefined> {
  if (glossaryDisabled(doc)) return undefined
  try {
    const payload = await getPayloadClient()
    const [matcher, settings] = await Promise.all([getGlossaryMatcher(payload), getGlossarySettings(payload)])
    return {
      matcher,
      seen: new Set(),
      firstOnly: !settings.allOccurrences,
      exclude: excludeId === undefined ? undefined : new Set([excludeId]),
      count: { n: 0 },
    }
  } catch {
    // The glossary is an enhancement: a page renders without it rather than failing.
    return undefined
  }
}

/** The annotation state for a text shown inside another page (a theme on its axis' page). */
export const glossaryOf = (doc: unknown, page: GlossaryContext | undefined): GlossaryContext | undefined =>
  glossaryDisabled(doc) ? undefined : page
