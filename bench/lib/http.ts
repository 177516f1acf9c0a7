/** Load runs with autocannon, and the minimal static server the cached pages are compared with. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import autocannon, { type Request } from 'autocannon'

import { summarize, type LatencySummary } from './stats'

export type LoadResult = LatencySummary & {
  /** Responses per second, all statuses. */
  rps: number
  requests: number
  /** Socket errors and timeouts. */
  errors: number
  non2xx: number
  statuses: Record<string, number>
}

export type LoadOptions = {
  url: string
  duration: number
  connections: number
  method?: string
  headers?: Record<string, string>
  body?: string
  requests?: Request[]
}

/** Runs autocannon for `duration` seconds; latencies of every response (not only 2xx). */
export async function loadTest(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.duration,
    timeout: 30,
    // autocannon takes an undefined key as a value: pass only what is set.
    ...(options.method ? { method: options.method } : {}),
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.body ? { body: options.body } : {}),
    ...(options.requests ? { requests: options.requests } : {}),
  })
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime)
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1
  })
  const result = await instance
  const s = summarize(latencies)
  return {
    ...s,
    rps: Math.round((latencies.length / result.duration) * 10) / 10,
    requests: latencies.length,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statuses,
  }
}

/** A node:http server answering every path with the given HTML from memory. */
export async function staticServer(pages: Map<string, Buffer>): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const body = pages.get(req.url ?? '/')
    if (!body) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length }).end(body)
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
