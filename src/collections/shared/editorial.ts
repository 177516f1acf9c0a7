import type { CollectionConfig } from 'payload'

/**
 * Drafts with autosave, scheduled publication and a bounded history. Drafts are validated too:
 * a draft with a duplicate slug, a `javascript:` link or a reference to a missing document is
 * refused with its French message instead of failing in the database. (Without `validate`,
 * Payload would also create an empty draft as soon as "Créer" is clicked.)
 */
export const editorialVersions: NonNullable<CollectionConfig['versions']> = {
  drafts: {
    autosave: { interval: 2000 },
    schedulePublish: true,
    validate: true,
  },
  maxPerDoc: 50,
}
