import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { withGraphqlPolicy } from '@/lib/http/api-routes'

// Screened before Payload sees it, answered in French (src/lib/http/graphql.ts).
export const POST = withGraphqlPolicy(config, GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
