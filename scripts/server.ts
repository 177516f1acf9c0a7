/**
 * The production server (`npm start` and the benchmark run it; `next build` first): Next.js's
 * request handler behind the in-memory page cache of src/lib/page-cache.ts.
 *
 *   NODE_ENV=production node --import tsx scripts/server.ts [--port 3000] [--hostname 0.0.0.0]
 */
import http from 'node:http'

import next from 'next'

import { installPageCache, withPageCache } from '../src/lib/page-cache'
import { keepAlive, ROOT } from './lib/runtime'

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback
}

async function main() {
  // tsx maps every stack trace through source maps: Next creates errors on its hot paths.
  process.setSourceMapsEnabled(false)
  const started = keepAlive('serveur')
  const port = Number(arg('port', process.env.PORT || '3000'))
  const hostname = arg('hostname', '0.0.0.0')
  const app = next({ dev: false, dir: ROOT, hostname, port })
  await app.prepare()
  const handle = app.getRequestHandler()
  const registry = installPageCache()
  const server = http.createServer(withPageCache(registry, (req, res) => handle(req, res)))
  server.listen(port, hostname, () => {
    started()
    console.log(`  ✓ Prêt sur http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`)
  })
  const stop = () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err)
  process.exit(1)
})
