/** What visitors see of a document, for any collection: the rules every plugin shares. Pure. */

/** Whether a collection keeps drafts (its config's `versions.drafts`). */
export const hasDrafts = (collection: { versions?: unknown } | undefined): boolean => {
  const versions = collection?.versions
  return Boolean(versions && typeof versions === 'object' && (versions as { drafts?: unknown }).drafts)
}

export type VersionState = { _status?: unknown; deletedAt?: unknown } | null | undefined

/** Whether visitors see this version of a document: not in the trash and, with drafts, published. */
export const isPublicVersion = (doc: VersionState, drafts: boolean): boolean =>
  Boolean(doc) && !doc!.deletedAt && (!drafts || doc!._status === 'published')
