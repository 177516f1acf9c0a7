import { APIError, type CollectionBeforeOperationHook, type Config, type Plugin } from 'payload'

import { isPanelUser } from '../../access/roles'
import { messageForStatus } from '../../lib/http/errors'

import { BAD_INPUT_MESSAGES, geoOperatorIn, isInvalidValueError, isNumericId, isPlainObject, listParamsError, maxListLimit } from '../../lib/bad-input'

/** Point fields by collection: the only ones geographic operators apply to. */
const pointFields = (config: Config) =>
  new Map(
    (config.collections ?? []).map((c) => [c.slug, new Set(c.fields.flatMap((f) => ('name' in f && f.type === 'point' ? [f.name] : [])))]),
  )

/**
 * Bad input answered 400 (404 for an id no document can have) in French instead of a server
 * error, for every collection; list pages bounded for API clients (`API_MAX_LIMIT`):
 * a body that is not an object, a geographic operator on a field that is not a point, and any
 * value Postgres refuses as data of the wrong form (negative page, 1e400, NUL character…).
 */
export const badInputPlugin = (): Plugin => (config) => {
  const points = pointFields(config)
  const maxLimit = maxListLimit()
  const screen: CollectionBeforeOperationHook = ({ args, operation, collection, req }) => {
    // `/api/articles/abc`: no document has that id (ids are numbers here).
    if ('id' in args && args.id !== undefined && req.payload.db.defaultIDType === 'number' && !isNumericId(args.id)) {
      throw new APIError(messageForStatus(404), 404, null, true)
    }
    // Pages of bounded size for API clients (visitors' scripts, keys); the admin and the server's
    // own lookups (the API-key strategy, population of relationships) read what they need.
    const { overrideAccess, currentDepth } = args as { overrideAccess?: unknown; currentDepth?: unknown }
    // Only the list asked for: relationships populated under it are read in whole (depth ≥ 1).
    const serverOwn = overrideAccess === true || Boolean(currentDepth)
    if (operation === 'read' && req.payloadAPI === 'REST' && !serverOwn && !isPanelUser(req.user) && !('id' in args && args.id !== undefined)) {
      const problem = listParamsError(args as { limit?: unknown; page?: unknown; pagination?: unknown }, maxLimit)
      if (problem) throw new APIError(problem, 400, null, true)
    }
    if ((operation === 'create' || operation === 'update') && 'data' in args && !isPlainObject(args.data)) {
      throw new APIError(BAD_INPUT_MESSAGES.notAnObject, 400, null, true)
    }
    const geo = 'where' in args ? geoOperatorIn(args.where) : null
    if (geo && !points.get(collection.slug)?.has(geo[1])) {
      throw new APIError(BAD_INPUT_MESSAGES.geoOperator(...geo), 400, null, true)
    }
    return args
  }
  return {
    ...config,
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      hooks: { ...collection.hooks, beforeOperation: [screen, ...(collection.hooks?.beforeOperation ?? [])] },
    })),
    hooks: {
      ...config.hooks,
      afterError: [
        ...(config.hooks?.afterError ?? []),
        ({ error }) =>
          isInvalidValueError(error)
            ? { status: 400, response: { errors: [{ message: BAD_INPUT_MESSAGES.invalidValue }] } }
            : undefined,
      ],
    },
  }
}
