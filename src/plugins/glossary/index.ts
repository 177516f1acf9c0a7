/**
 * Glossary as a Payload plugin: the published glossary terms are annotated in the rich text of
 * the collections it is given (on the site by src/components/RichText.tsx with `glossaryFor()`,
 * through the REST API by GET /api/glossary/annotations):
 *
 *   glossaryPlugin({ revalidate: revalidatePaths })                  // every annotated collection
 *   glossaryPlugin({ collections: ['articles'], revalidate: … })     // some of them
 *
 * - adds the per-document switch `glossaryDisabled` (src/fields/glossary.ts) to each of them;
 * - the site setting "Annoter toutes les occurrences" (site-settings `glossaryAllOccurrences`)
 *   chooses first occurrences (default) or all;
 * - `getGlossaryMatcher(payload)`: the compiled matcher, cached in module scope, invalidated by
 *   hooks on the terms collection;
 * - with `revalidate`, refreshes exactly the stale pages (./refresh.ts): the pages containing a
 *   term that changed, and the term pages whose "Utilisé dans" list a document change alters.
 */
import type { CollectionConfig, Config, Plugin } from 'payload'

import { GLOSSARY_SWITCH, glossarySwitchField } from '../../fields/glossary'
import { hasField } from '../../fields/has-field'
import { GLOSSARY_FIELDS, type GlossaryCollection } from './annotate'
import { annotationsEndpoint } from './endpoint'
import { documentAfterChange, documentAfterDelete, rememberPublished, termAfterChange, termAfterDelete, type Revalidate } from './refresh'

export { annotateLexical, lexicalPlainText, GLOSSARY_FIELDS, SKIPPED_NODE_TYPES, usedTermSlugs, usageTitle, type Occurrence } from './annotate'
export { getGlossaryMatcher, getGlossarySettings, invalidateGlossary } from './loader'
export type { Revalidate } from './refresh'

export type GlossaryPluginOptions = {
  enabled?: boolean
  termsCollection?: string
  /** Collections whose rich text is annotated (default: all those of GLOSSARY_FIELDS). */
  collections?: GlossaryCollection[]
  /** Refreshes public paths (the site's revalidatePaths); without it, nothing is refreshed. */
  revalidate?: Revalidate
}

const noRevalidate: Revalidate = async () => undefined

const withTermHooks = (collection: CollectionConfig, annotated: GlossaryCollection[], revalidate: Revalidate): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeChange: [...(collection.hooks?.beforeChange ?? []), rememberPublished],
    afterChange: [...(collection.hooks?.afterChange ?? []), termAfterChange(annotated, revalidate)],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), termAfterDelete(annotated, revalidate)],
  },
})

const withDocumentHooks = (collection: CollectionConfig, slug: GlossaryCollection, revalidate: Revalidate): CollectionConfig => ({
  ...collection,
  fields: hasField(collection.fields, GLOSSARY_SWITCH) ? collection.fields : [...collection.fields, glossarySwitchField()],
  hooks: {
    ...collection.hooks,
    beforeChange: [...(collection.hooks?.beforeChange ?? []), rememberPublished],
    afterChange: [...(collection.hooks?.afterChange ?? []), documentAfterChange(slug, revalidate)],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), documentAfterDelete(slug, revalidate)],
  },
})

export const glossaryPlugin =
  (options: GlossaryPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const slug = options.termsCollection ?? 'glossary-terms'
    const annotated = options.collections ?? (Object.keys(GLOSSARY_FIELDS) as GlossaryCollection[])
    const revalidate = options.revalidate ?? noRevalidate
    for (const name of [slug, ...annotated]) {
      if (!(config.collections ?? []).some((c) => c.slug === name)) throw new Error(`glossaryPlugin: unknown collection "${name}"`)
    }
    return {
      ...config,
      collections: (config.collections ?? []).map((c) => {
        if (c.slug === slug) return withTermHooks(c, annotated, revalidate)
        if (annotated.includes(c.slug as GlossaryCollection)) return withDocumentHooks(c, c.slug as GlossaryCollection, revalidate)
        return c
      }),
      endpoints: [...(config.endpoints ?? []), annotationsEndpoint(annotated)],
    }
  }
