import type { CollectionConfig } from 'payload'

import { absoluteURL, publicPath } from '../../lib/site-paths'

type PathDoc = { slug?: unknown; breadcrumbs?: unknown }

/** The public page of a document in draft mode (/apercu checks the editor's session). */
const previewURL = (collection: string, doc: PathDoc): string | null => {
  const path = publicPath(collection, doc)
  // Absolute: the admin's live preview only listens to messages from the origin of this URL.
  return path ? absoluteURL(`/apercu?chemin=${encodeURIComponent(path)}`) : null
}

/** Live preview (and "Aperçu" button) on the public page of the document being edited. */
export const previewAdmin = (collection: string): Pick<NonNullable<CollectionConfig['admin']>, 'livePreview' | 'preview'> => ({
  livePreview: {
    url: ({ data }) => previewURL(collection, data),
  },
  preview: (doc) => previewURL(collection, doc),
})
