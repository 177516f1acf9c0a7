/**
 * The production server (`npm start` and the benchmark run it; `next build` first): Next.js's
 * request handler behind the in-memory page cache of src/lib/page-cache.ts.
 *
 *   NODE_ENV=production node --import tsx scripts/server.ts [--port 3000] [--hostname 0.0.0.0]
 *
 * - `WEB_CONCURRENCY=N` (default 1) serves with N processes sharing the port (node:cluster), one
 *   per core at most: Next renders and Payload writes on one core per process. The jobs queues
 *   run in one process at a time among all servers (src/plugins/jobs-leader.ts).
 * - Every process listens to the page refreshes announced on the database (src/lib/page-refresh.ts)
 *   and applies them to its own pages through a private port (Next refreshes pages within a
 *   request): a change made on one instance, by the jobs runner or by a script reaches them all.
 *   Before taking requests, each process marks every page stale (the build's may come from
 *   another database).
 * - Every answer carries the security headers of src/lib/http/security-headers.ts (CSP, HSTS over
 *   HTTPS…), set here before Next or the page cache writes it.
 * - Redirections (old SPIP addresses, changed slugs) answer where Next would send a 404, and for
 *   the home page asked with a query string: a normal page view never consults them.
 * - The visitor's address reaches the app in X-Forwarded-For, set here from the socket and the
 *   proxies of `TRUSTED_PROXIES` (src/lib/http/client-address.ts): a forwarding header a visitor
 *   writes is never believed.
 */
import cluster, { type Worker } from 'node:cluster'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import next from 'next'

import { withBodyLimit } from '../src/lib/http/body-limit'
import { withRedirects } from '../src/lib/http/redirects'
import { parseTrustedProxies, setClientAddress, type TrustedProxies } from '../src/lib/http/client-address'
import { securityHeadersSetter } from '../src/lib/http/security-headers'
import { isCrossOriginAction, refuseCrossOriginAction } from '../src/lib/http/server-actions'
import { siteOrigins } from '../src/lib/site-paths'
import { holdPages, installPageCache, withPageCache } from '../src/lib/page-cache'
import { EVERYTHING, instanceId, listenForRefreshes, type RefreshListener } from '../src/lib/page-refresh'
import { revalidateAllToken } from '../src/plugins/revalidate'
import { keepAlive, ROOT } from './lib/runtime'

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback
}
const port = Number(arg('port', process.env.PORT || '3000'))
const hostname = arg('hostname', '0.0.0.0')
const shown = hostname === '0.0.0.0' ? 'localhost' : hostname
const READY = 'labo:ready'

/** Refreshes pages of this process only, through its private port (Next refreshes within a request). */
const refreshHere = (privatePort: number) => async (paths: string[]) => {
  const res = await fetch(`http://127.0.0.1:${privatePort}/api/revalidate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-revalidate-token': revalidateAllToken(process.env.PAYLOAD_SECRET ?? '') },
    body: JSON.stringify({ paths, local: true }),
  })
  if (!res.ok) throw new Error(`POST /api/revalidate : ${res.status} ${await res.text()}`)
}

/** Applies the refreshes other processes announce. */
async function applyAnnouncedRefreshes(refresh: (paths: string[]) => Promise<void>): Promise<RefreshListener | undefined> {
  const connectionString = process.env.DATABASE_URI
  if (!connectionString) return undefined
  return listenForRefreshes({
    connectionString,
    self: instanceId(),
    log: (message) => console.warn(`  ! ${message}`),
    // From the moment it is heard, pages wait for it: none is served from the copy it replaces.
    onPending: holdPages,
    onRefresh: refresh,
  })
}

/** One serving process: Next behind the page cache, on the shared port and a private one. */
async function serve(proxies: TrustedProxies, onReady: () => void) {
  // tsx maps every stack trace through source maps: Next creates errors on its hot paths.
  process.setSourceMapsEnabled(false)
  const app = next({ dev: false, dir: ROOT, hostname, port })
  await app.prepare()
  const handle = app.getRequestHandler()
  // Old addresses: a 404 about to be sent, or the home page asked with a query string, answered
  // with its redirection (src/lib/http/redirects.ts); outside the cache, which never stores one.
  const cached = withRedirects(withPageCache(installPageCache(), (req, res) => handle(req, res)))
  const origins = siteOrigins()
  const setSecurityHeaders = securityHeadersSetter(proxies)
  const handler: typeof cached = (req, res) => {
    if (isCrossOriginAction(req.method, req.headers, origins)) return refuseCrossOriginAction(res)
    setClientAddress(req, proxies)
    return cached(req, res)
  }
  // Bodies over the limit are refused before they are read (src/lib/http/body-limit.ts).
  const limited = withBodyLimit(handler)
  // First, so that every answer has them: refusals, Next's, the page cache's.
  const server = http.createServer((req, res) => {
    setSecurityHeaders(req, res)
    return limited(req, res)
  })
  // The private port takes page refreshes only; `exclusive`: in a cluster worker, a port of this
  // process alone.
  const internal = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/api/revalidate') return handler(req, res)
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => internal.listen({ port: 0, host: '127.0.0.1', exclusive: true }, resolve))
  const refresh = refreshHere((internal.address() as AddressInfo).port)
  const listener = await applyAnnouncedRefreshes(refresh).catch((err) => {
    console.warn(`  ! Rafraîchissements entre instances indisponibles : ${err instanceof Error ? err.message : String(err)}`)
    return undefined
  })
  // Pages prerendered by `next build` may come from another database (a build made by the tests,
  // say): before taking requests (and once listening, so that no change falls in between), every
  // page is marked stale, to be rendered from this one.
  await refresh([EVERYTHING]).catch((err) => console.warn(`  ! Le cache des pages n’a pas pu être rafraîchi : ${err instanceof Error ? err.message : String(err)}`))
  server.listen(port, hostname, onReady)
  const stop = () => {
    void listener?.close()
    internal.close()
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    internal.closeIdleConnections()
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  // Ctrl-C reaches the whole process group: in a cluster, the primary stops its workers itself.
  process.on('SIGINT', cluster.isWorker ? () => {} : stop)
  process.on('SIGTERM', stop)
}

/** The cluster's primary: starts the workers, replaces one that dies, stops them all. */
function supervise(count: number) {
  const started = keepAlive('serveur')
  let stopping = false
  let ready = 0
  const fork = (index: number): Worker => {
    const worker = cluster.fork()
    let served = false
    worker.on('message', (message) => {
      if (message !== READY) return
      served = true
      if (++ready !== count) return
      started()
      console.log(`  ✓ Prêt sur http://${shown}:${port} (${count} processus)`)
    })
    worker.on('exit', (code, signal) => {
      if (stopping) return
      if (!served) {
        // It failed to start (its error is above): so would the next one.
        console.error(`  ! Le processus ${index + 1} n’a pas pu démarrer (${signal ?? code}).`)
        stop()
        process.exitCode = 1
        return
      }
      console.error(`  ! Processus ${index + 1} arrêté (${signal ?? code}) : relancé.`)
      fork(index)
    })
    return worker
  }
  for (let i = 0; i < count; i++) fork(i)
  function stop() {
    if (stopping) return
    stopping = true
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w))
    let left = workers.length
    if (!left) process.exit()
    for (const worker of workers) {
      worker.once('exit', () => --left === 0 && process.exit())
      worker.process.kill('SIGTERM')
    }
    setTimeout(() => process.exit(), 6_000).unref()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

function main() {
  let proxies: TrustedProxies
  try {
    proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES)
  } catch (err) {
    console.error(`  ! ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  }
  const count = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY) || 1))
  if (count > 1 && cluster.isPrimary) return supervise(count)
  if (cluster.isWorker) return serve(proxies, () => process.send?.(READY))
  const started = keepAlive('serveur')
  return serve(proxies, () => {
    started()
    console.log(`  ✓ Prêt sur http://${shown}:${port}`)
  })
}

Promise.resolve()
  .then(main)
  .catch((err) => {
    console.error(err instanceof Error ? err.stack : err)
    process.exit(1)
  })
