import { nestedDocsPlugin } from '@payloadcms/plugin-nested-docs'
import type { Plugin } from 'payload'

import { isAdmin } from '../access/roles'
import { CONTENT_SLUGS, DRAFT_COLLECTIONS } from '../collections/registry'
import { spipKeyField } from '../fields/spip-key'
import { absoluteURL, paths, publicPath } from '../lib/site-paths'
import { apiErrors } from './api-errors'
import { apiKeysPlugin } from './api-keys'
import { badInputPlugin } from './bad-input'
import { commentsPlugin } from './comments'
import { durableCommit } from './durable-commit'
import { glossaryPlugin } from './glossary'
import { graphqlGuard } from './graphql-guard'
import { openapiPlugin } from './openapi'
import { restCachePlugin } from './rest-cache'
import { redirects } from './redirects'
import { revalidatePaths, revalidatePlugin } from './revalidate'
import { s3Storage } from './s3-storage'
import { jobsLeader } from './jobs-leader'
import { localCopyPlugin } from './local-copy'
import { lockedDocumentsAccess } from './locked-documents'
import { addressLimitsFromEnv, loginThrottlePlugin } from './login-throttle'
import { scheduledPublication } from './scheduled-publication'
import { searchPlugin } from './search'
import { seo } from './seo'
import { seedExamples } from '../seed/examples'
import { webhooksPlugin } from './webhooks'

type TreeDoc = { slug?: unknown; title?: unknown }


/** Every plugin of the site, in order; payload.config.ts spreads this list. */
export const plugins: Plugin[] = [
  // A failed COMMIT answers 503, never 201: nothing is acknowledged that Postgres did not store.
  durableCommit(),
  nestedDocsPlugin({
    collections: ['pages'],
    generateLabel: (_, doc) => String((doc as TreeDoc).title ?? ''),
    generateURL: (docs) => docs.map((doc) => `/${String((doc as TreeDoc).slug ?? '')}`).join(''),
  }),
  seo(),
  // New documents' forms kept in the browser until saved (outage, closed tab). After seo(), whose
  // tab joins the collection's own tabs only while they come first.
  localCopyPlugin({ collections: CONTENT_SLUGS }),
  scheduledPublication(),
  // Old addresses (SPIP's, changed slugs) answered with a 301 to their page: « Réglages > Redirections ».
  redirects(),
  // The jobs queues (scheduled publications, webhooks) run in one server process at a time.
  jobsLeader(),
  s3Storage(),
  // Reader comments: articles follow the site's setting; projects, axes and themes stay closed
  // until an editor opens them.
  commentsPlugin({
    collections: {
      articles: { defaultMode: 'default' },
      projects: { defaultMode: 'closed' },
      axes: { defaultMode: 'closed' },
      themes: { defaultMode: 'closed' },
    },
    // The key of imported SPIP forum messages (npm run import:spip).
    fields: [spipKeyField()],
  }),
  // French full-text search: one index table kept in step with publication, GET /api/search.
  searchPlugin(),
  // Glossary terms annotated in rich text; GET /api/glossary/annotations; refreshes the pages
  // that show a changed term, and the term pages a document change concerns.
  glossaryPlugin({ revalidate: revalidatePaths }),
  // Integration keys: admin-managed, read-only, last use recorded; drafts of these on grant.
  // Edit locks: taken only on what one may edit, in one's own name; none for integrations.
  lockedDocumentsAccess(),
  apiKeysPlugin({ draftCollections: DRAFT_COLLECTIONS }),
  // Logins and password resets throttled per address and per account, in Postgres; a known device
  // still logs in to an account others locked; an admin's unlock or a password reset clears it.
  loginThrottlePlugin({ collection: 'users', limits: addressLimitsFromEnv() }),
  // Signed POSTs to partners' endpoints on publish, unpublish and delete, through the jobs queue.
  webhooksPlugin({
    collections: CONTENT_SLUGS,
    access: isAdmin,
    url: (collection, doc) => {
      const path = publicPath(collection, doc) ?? (collection === 'partners' ? paths.partners : null)
      return path ? absoluteURL(path) : null
    },
    retryDelayMs: Number(process.env.WEBHOOKS_RETRY_DELAY_MS) || undefined,
  }),
  // GET /api/openapi.json (generated from this config) and GET /api/docs (Swagger UI).
  openapiPlugin({ examples: seedExamples() }),
  // Anonymous REST answers kept per address until a change a visitor can see (a generation in
  // Postgres, bumped in the change's transaction): staff data and logs never bump it.
  restCachePlugin({
    exclude: ['users', 'redirects', 'webhooks', 'webhook-deliveries', 'payload-jobs', 'payload-locked-documents', 'payload-preferences', 'payload-migrations', 'payload-kv'],
    affectsPublic: { comments: (doc, previous) => doc.status === 'approved' || previous?.status === 'approved' },
  }),
  // Last: its hooks see every collection and global the others added.
  revalidatePlugin(),
  // GraphQL: no schema names suggested, no operation started after the time budget (every
  // collection and global, hence after the others). The route screens requests before Payload.
  graphqlGuard(),
  // Bad input (a body that is not an object, a value Postgres refuses…) answered 400, not 500:
  // every collection, hence after the others.
  badInputPlugin(),
  // Public errors keep their status, message and code in the production build (minified names).
  apiErrors(),
]
