import type { CollectionSlug, Plugin } from 'payload'

/**
 * A copy, in the browser, of a new document's form until it is saved: an editor whose save never
 * reached the server (outage, lost connection, closed tab) finds it again on the creation form.
 * Adds an invisible UI field (no column, no API field) that holds the component.
 */
export const localCopyPlugin =
  ({ collections }: { collections: CollectionSlug[] }): Plugin =>
  (config) => ({
    ...config,
    collections: (config.collections ?? []).map((collection) =>
      collections.includes(collection.slug as CollectionSlug)
        ? {
            ...collection,
            fields: [
              {
                name: 'localCopy',
                type: 'ui',
                admin: { components: { Field: '@/plugins/local-copy/LocalCopy#LocalCopy' }, disableListColumn: true },
              },
              ...collection.fields,
            ],
          }
        : collection,
    ),
  })
