import { APIError, type PayloadRequest, type Plugin } from 'payload'

import { GRAPHQL_LIMITS, hideSuggestions, SCREEN_MESSAGES } from '../lib/graphql-screen'

/**
 * The GraphQL API's side of the guard that lives in Payload's config (the route screens requests
 * before Payload: src/lib/http/graphql.ts):
 *
 * - no "Did you mean …?" in validation or variable errors: they would list the schema's names;
 * - a time budget: validation stamps a deadline on the request, and every collection or global
 *   operation started after it (a list, a relationship to populate…) fails at once with 503. The
 *   execution graphql-js cannot abort thus runs out of work instead of carrying on after the
 *   route has answered 503.
 */
const DEADLINE = 'graphqlDeadline'

export const graphqlGuard =
  ({ timeBudgetMs = GRAPHQL_LIMITS.timeBudgetMs } = {}): Plugin =>
  (config) => {
    const ownRules = config.graphQL?.validationRules
    const stopAfterDeadline = ({ req }: { req: PayloadRequest }) => {
      const deadline = req.context?.[DEADLINE]
      if (typeof deadline === 'number' && Date.now() > deadline) {
        throw new APIError(SCREEN_MESSAGES.timeout(timeBudgetMs), 503, null, true)
      }
    }
    return {
      ...config,
      graphQL: {
        ...config.graphQL,
        validationRules: (args) => {
          const req = (args.contextValue as { req?: PayloadRequest } | undefined)?.req
          if (req?.context) req.context[DEADLINE] = Date.now() + timeBudgetMs
          return [...hideSuggestions(args), ...(ownRules?.(args) ?? [])]
        },
      },
      collections: (config.collections ?? []).map((collection) => ({
        ...collection,
        hooks: { ...collection.hooks, beforeOperation: [...(collection.hooks?.beforeOperation ?? []), stopAfterDeadline] },
      })),
      globals: (config.globals ?? []).map((global) => ({
        ...global,
        hooks: { ...global.hooks, beforeOperation: [...(global.hooks?.beforeOperation ?? []), stopAfterDeadline] },
      })),
    }
  }
