/** The part of autocannon 9's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  type Headers = Record<string, string>
  export type Request = {
    method?: string
    path?: string
    headers?: Headers
    body?: string
    setupRequest?: (req: Request, context: Record<string, unknown>) => Request
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
  }
  export type Options = {
    url: string
    connections?: number
    duration?: number
    amount?: number
    pipelining?: number
    timeout?: number
    method?: string
    headers?: Headers
    body?: string
    requests?: Request[]
    excludeErrorStats?: boolean
  }
  export type Result = {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    requests: { total: number; average: number }
    latency: { p50: number; p99: number; max: number }
    statusCodeStats: Record<string, { count: number }>
  }
  type Instance = EventEmitter & Promise<Result> & { stop: () => void }
  function autocannon(options: Options): Instance
  export default autocannon
}
