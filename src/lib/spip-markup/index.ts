/**
 * SPIP markup: articles' text → Lexical editor state (spipToLexical), and the comments' safe
 * rendering to HTML (./comments.ts). Both share the inline parser of ./inline.ts.
 */
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { Serializer, type SpipReport, type SpipResolver } from './lexical'
import { parseSpip } from './parse'

export type { ResolvedRef, SpipRef, SpipReport, SpipResolver } from './lexical'
export type { SpipRefType } from './refs'
export { countLinks, escapeHtml, isSafeUrl, spipToHtml, spipToText } from './comments'

/**
 * Converts SPIP text (as stored in `spip_articles.texte`, entities and raw HTML included) to the
 * rich-text JSON of our editor. Nothing is dropped: what is not understood stays text and is
 * listed in the report.
 */
export function spipToLexical(text: string, resolve: SpipResolver): { root: SerializedEditorState; report: SpipReport } {
  const { blocks, ctx } = parseSpip(text)
  const { root, report } = new Serializer(ctx, resolve).document(blocks)
  return { root: root as unknown as SerializedEditorState, report }
}
