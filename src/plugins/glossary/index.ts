/**
 * Glossary as a Payload plugin: the first occurrence of each published glossary term in a
 * document's rich text is annotated (on the site by src/components/RichText.tsx with
 * `glossaryFor()`, through the REST API by GET /api/glossary/annotations).
 *
 * - `getGlossaryMatcher(payload)`: the compiled matcher, cached in module scope, invalidated by
 *   hooks on glossary-terms (the revalidate plugin already refreshes the whole site then);
 * - `annotateLexical()`: the annotations of a Lexical state as data.
 */
import type { CollectionConfig, Config, Plugin } from 'payload'

import { annotationsEndpoint } from './endpoint'
import { invalidateGlossary } from './loader'

export { annotateLexical, lexicalPlainText, GLOSSARY_FIELDS, SKIPPED_NODE_TYPES, type Occurrence } from './annotate'
export { getGlossaryMatcher, invalidateGlossary } from './loader'

export type GlossaryPluginOptions = { enabled?: boolean; termsCollection?: string }

const withHooks = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    afterChange: [...(collection.hooks?.afterChange ?? []), ({ doc }) => (invalidateGlossary(), doc)],
    afterDelete: [...(collection.hooks?.afterDelete ?? []), ({ doc }) => (invalidateGlossary(), doc)],
  },
})

export const glossaryPlugin =
  (options: GlossaryPluginOptions = {}): Plugin =>
  (config: Config): Config => {
    if (options.enabled === false) return config
    const slug = options.termsCollection ?? 'glossary-terms'
    if (!(config.collections ?? []).some((c) => c.slug === slug)) throw new Error(`glossaryPlugin: unknown collection "${slug}"`)
    return {
      ...config,
      collections: (config.collections ?? []).map((c) => (c.slug === slug ? withHooks(c) : c)),
      endpoints: [...(config.endpoints ?? []), annotationsEndpoint],
    }
  }
