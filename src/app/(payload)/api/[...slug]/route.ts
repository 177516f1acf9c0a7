import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withRestPolicy } from '@/lib/http/api-routes'

// CORS from the site settings, ETag/Cache-Control, JSON errors in French (src/lib/http/policy.ts).
export const GET = withRestPolicy(config, REST_GET(config))
// HEAD: the GET answer without its body (the policy asks Payload for GET).
export const HEAD = withRestPolicy(config, REST_GET(config))
export const POST = withRestPolicy(config, REST_POST(config))
export const DELETE = withRestPolicy(config, REST_DELETE(config))
export const PATCH = withRestPolicy(config, REST_PATCH(config))
export const PUT = withRestPolicy(config, REST_PUT(config))
export const OPTIONS = withRestPolicy(config, REST_OPTIONS(config))
