import type { CollectionBeforeChangeHook } from 'payload'

/** `context[IMPORTED_ACCOUNT] = true`: an account brought by an import keeps its roles, even first. */
export const IMPORTED_ACCOUNT = 'importedAccount'

/** The very first account of an empty installation is an administrator. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ context, data, operation, req }) => {
  if (operation !== 'create' || context?.[IMPORTED_ACCOUNT]) return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  if (totalDocs === 0) return { ...data, roles: ['admin'] }
  return data
}
