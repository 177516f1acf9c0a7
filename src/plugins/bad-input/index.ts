import { APIError, type CollectionBeforeOperationHook, type Config, type Plugin } from 'payload'

import { messageForStatus } from '../../lib/http/errors'

import { BAD_INPUT_MESSAGES, geoOperatorIn, isInvalidValueError, isNumericId, isPlainObject } from '../../lib/bad-input'

/** Point fields by collection: the only ones geographic operators apply to. */
const pointFields = (config: Config) =>
  new Map(
    (config.collections ?? []).map((c) => [c.slug, new Set(c.fields.flatMap((f) => ('name' in f && f.type === 'point' ? [f.name] : [])))]),
  )

/**
 * Bad input answered 400 (404 for an id no document can have) in French instead of a server
 * error, for every collection:
 * a body that is not an object, a geographic operator on a field that is not a point, and any
 * value Postgres refuses as data of the wrong form (negative page, 1e400, NUL character…).
 */
export const badInputPlugin = (): Plugin => (config) => {
  const points = pointFields(config)
  const screen: CollectionBeforeOperationHook = ({ args, operation, collection, req }) => {
    // `/api/articles/abc`: no document has that id (ids are numbers here).
    if ('id' in args && args.id !== undefined && req.payload.db.defaultIDType === 'number' && !isNumericId(args.id)) {
      throw new APIError(messageForStatus(404), 404, null, true)
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
