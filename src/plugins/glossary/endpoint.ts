import type { Endpoint, PayloadRequest, Where } from 'payload'

import { glossaryDisabled } from '../../fields/glossary'
import { annotateLexical, GLOSSARY_FIELDS, type GlossaryCollection, type Occurrence } from './annotate'
import { getGlossaryMatcher, getGlossarySettings } from './loader'

const error = (status: number, code: string, message: string) => Response.json({ errors: [{ code, message }] }, { status })

/**
 * GET /api/glossary/annotations?collection=articles&id=12 (or &slug=…): for each rich-text field
 * of a PUBLISHED document, the occurrences of the glossary terms in the field's plain text
 * (offsets in UTF-16 code units), as on the site: first occurrences only (shared across fields),
 * unless the site setting "Annoter toutes les occurrences" is on or `all=true` is given
 * (`all=false` forces first occurrences); none at all when the document switched the glossary
 * off (`glossaryDisabled: true`). Access as the caller.
 */
export const annotationsEndpoint = (collections: readonly GlossaryCollection[]): Endpoint => ({
  path: '/glossary/annotations',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const params = new URL(req.url ?? '', 'http://localhost').searchParams
    const collection = params.get('collection')
    const id = params.get('id')
    const slug = params.get('slug')
    const allParam = params.get('all')
    if (!collections.includes(collection as GlossaryCollection)) {
      return error(400, 'invalid_collection', `Collection inconnue : choisir parmi ${collections.join(', ')}.`)
    }
    if (allParam !== null && allParam !== 'true' && allParam !== 'false') {
      return error(400, 'invalid_all', '« all » vaut « true » ou « false ».')
    }
    if (!id === !slug) return error(400, 'missing_document', 'Indiquer soit « id », soit « slug ».')
    const where: Where = { and: [{ _status: { equals: 'published' } }, id ? { id: { equals: id } } : { slug: { equals: slug } }] }
    const fields = GLOSSARY_FIELDS[collection as GlossaryCollection] as readonly string[]
    let doc: Record<string, unknown> | undefined
    try {
      const { docs } = await req.payload.find({
        collection: collection as GlossaryCollection,
        where,
        depth: 0,
        limit: 1,
        draft: false,
        overrideAccess: false,
        user: req.user,
        req,
      })
      doc = docs[0] as unknown as Record<string, unknown> | undefined
    } catch {
      doc = undefined
    }
    if (!doc) return error(404, 'not_found', 'Document introuvable ou non publié.')
    const disabled = glossaryDisabled(doc)
    const allOccurrences = allParam === null ? (await getGlossarySettings(req.payload)).allOccurrences : allParam === 'true'
    const matcher = await getGlossaryMatcher(req.payload)
    const seen = new Set<string | number>()
    const annotations: (Occurrence & { field: string })[] = []
    const texts: Record<string, string> = {}
    for (const field of fields) {
      const { text, occurrences } = annotateLexical(doc[field], matcher, { seen, firstOnly: !allOccurrences })
      texts[field] = text
      if (!disabled) for (const o of occurrences) annotations.push({ field, ...o })
    }
    return Response.json({
      collection,
      id: doc.id,
      slug: doc.slug ?? null,
      glossaryDisabled: disabled,
      allOccurrences,
      fields: texts,
      annotations,
    })
  },
})
