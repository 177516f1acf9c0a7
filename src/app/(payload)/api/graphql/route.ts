import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { inFrench } from '@/plugins/openapi/http'

const graphql = GRAPHQL_POST(config)

// French messages for every client, as in the REST API (src/plugins/openapi/http.ts).
export const POST = async (request: Request) => graphql(inFrench(request, (await config).cookiePrefix))
export const OPTIONS = REST_OPTIONS(config)
