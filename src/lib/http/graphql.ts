/**
 * The GraphQL route's guard (src/lib/graphql-screen.ts does the measuring): the body is read
 * with a cap, screened, and only then handed to Payload, under a time budget.
 */
import {
  bodyTooLargeRefusal,
  GRAPHQL_LIMITS,
  screenBody,
  screenHeaders,
  screenQuery,
  timeoutRefusal,
  type GraphqlLimits,
  type Refusal,
} from '../graphql-screen'

const answer = ({ status, errors }: Refusal): Response =>
  Response.json({ errors }, { status, headers: { 'cache-control': 'no-store' } })

/** The body as text, or null once it passes `max` bytes (the rest is not read). */
async function readCapped(request: Request, max: number): Promise<string | null> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => {})
      return null
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Wraps a GraphQL handler (Payload's GRAPHQL_POST): refuses, with a French GraphQL-style error,
 * what the screen refuses, and answers 503 when the handler takes longer than the time budget.
 */
export function withGraphqlScreen(
  handler: (request: Request) => Promise<Response>,
  limits: GraphqlLimits = GRAPHQL_LIMITS,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const early = screenHeaders(request.method, request.headers.get('content-type'), request.headers.get('content-length'), limits)
    if (early) return answer(early)

    let forwarded = request
    if (request.method === 'POST') {
      const body = await readCapped(request, limits.maxBodyBytes)
      const refusal = body === null ? bodyTooLargeRefusal(limits) : screenBody(body, limits)
      if (refusal) return answer(refusal)
      forwarded = new Request(request.url, { method: 'POST', headers: request.headers, body })
    } else if (request.method === 'GET') {
      const refusal = screenQuery(new URL(request.url).searchParams.get('query'), limits)
      if (refusal) return answer(refusal)
    }

    let timer: ReturnType<typeof setTimeout> | undefined
    const expired = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), limits.timeBudgetMs)
    })
    const work = handler(forwarded)
    try {
      const result = await Promise.race([work, expired])
      if (result !== 'expired') return result
      // graphql-js 16 cannot abort an execution: it ends on its own, bounded by the screen.
      work.catch((err) => console.error('GraphQL after its time budget:', err))
      console.warn(`GraphQL: no answer within ${limits.timeBudgetMs} ms, 503 sent`)
      return answer(timeoutRefusal(limits))
    } finally {
      clearTimeout(timer)
    }
  }
}
