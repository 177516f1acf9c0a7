/**
 * GET /api/docs: the interactive reference (Swagger UI), with its files served from
 * node_modules/swagger-ui-dist by GET /api/docs/:asset (no CDN).
 */
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { Endpoint } from 'payload'

/** The files the page needs, and their types. */
export const DOCS_ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
}

/** Where swagger-ui-dist lives: resolved from the project at run time (not by the bundler). */
function swaggerDir(): string {
  const require = createRequire(path.join(process.cwd(), 'package.json'))
  return path.dirname(require.resolve('swagger-ui-dist/package.json'))
}

const files = new Map<string, Buffer>()
const readAsset = async (name: string): Promise<Buffer> => {
  let data = files.get(name)
  if (!data) {
    data = await fs.readFile(path.join(swaggerDir(), name))
    files.set(name, data)
  }
  return data
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

export const docsPage = (title: string, api: string) => `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<link rel="icon" type="image/png" href="${api}/docs/favicon-32x32.png">
<link rel="stylesheet" href="${api}/docs/swagger-ui.css">
<style>body{margin:0}.labo-docs-header{font:600 1.25rem/1.4 system-ui,sans-serif;padding:1rem 1.25rem;margin:0;background:#1b3a4b;color:#fff}</style>
</head>
<body>
<h1 class="labo-docs-header">${escape(title)}</h1>
<main id="swagger-ui" aria-label="Référence de l’API"></main>
<script src="${api}/docs/swagger-ui-bundle.js"></script>
<script src="${api}/docs/init.js"></script>
</body>
</html>
`

const initScript = (api: string) => `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(`${api}/openapi.json`)},
  dom_id: '#swagger-ui',
  deepLinking: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  persistAuthorization: false,
});
`

export const docsEndpoints = (title: string, api: string): Endpoint[] => [
  {
    path: '/docs',
    method: 'get',
    handler: () => new Response(docsPage(title, api), { headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
  },
  {
    path: '/docs/:asset',
    method: 'get',
    handler: async (req) => {
      const name = String(req.routeParams?.asset ?? '')
      if (name === 'init.js') return new Response(initScript(api), { headers: { 'Content-Type': DOCS_ASSETS['swagger-ui-bundle.js']! } })
      const type = DOCS_ASSETS[name]
      if (!type) return Response.json({ errors: [{ message: 'Fichier introuvable.', code: 'not_found' }] }, { status: 404 })
      const data = await readAsset(name)
      return new Response(new Uint8Array(data), { headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' } })
    },
  },
]
