import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Articles } from './src/collections/Articles'
import { Axes } from './src/collections/Axes'
import { GlossaryTerms } from './src/collections/GlossaryTerms'
import { Media } from './src/collections/Media'
import { MAX_UPLOAD_BYTES } from './src/collections/Media/constraints'
import { Pages } from './src/collections/Pages'
import { Partners } from './src/collections/Partners'
import { Projects } from './src/collections/Projects'
import { Tags } from './src/collections/Tags'
import { Themes } from './src/collections/Themes'
import { Users } from './src/collections/Users'
import { Navigation } from './src/globals/Navigation'
import { adminTimezones, frenchAdminTexts } from './src/components/admin/french'
import { SiteSettings } from './src/globals/SiteSettings'
import { emailAdapter } from './src/lib/email'
import { siteOrigins } from './src/lib/site-paths'
import { migrations } from './src/migrations'
import { plugins } from './src/plugins'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export default buildConfig({
  // No serverURL: files and the admin's API calls stay site-relative, valid at every address of
  // the site; absolute links (e-mails, feeds, canonical) use SITE_URL (src/lib/site-paths.ts).
  // Logged-in requests are accepted from the site's own origins only.
  csrf: siteOrigins(),
  secret: process.env.PAYLOAD_SECRET || '',
  admin: {
    user: Users.slug,
    avatar: 'default',
    importMap: { baseDir: dirname },
    components: {
      providers: [
        '@/components/admin/HistoryState#HistoryState',
        '@/components/admin/ConnectionStatus#ConnectionStatus',
        '@/components/admin/DrawerGuard#DrawerGuard',
      ],
    },
    timezones: adminTimezones,
    meta: { titleSuffix: ' — Labo de l’ESS', description: 'Administration du Labo de l’ESS' },
  },
  i18n: {
    supportedLanguages: { fr, en },
    fallbackLanguage: 'fr',
    translations: { fr: frenchAdminTexts },
  },
  collections: [Users, Media, Projects, Axes, Themes, Articles, Pages, GlossaryTerms, Partners, Tags],
  globals: [SiteSettings, Navigation],
  editor: lexicalEditor(),
  email: emailAdapter(),
  db: postgresAdapter({
    pool: { connectionString: process.env.DATABASE_URI },
    // Schema push is for `npm run dev` only; everything else runs the committed migrations.
    push: process.env.PAYLOAD_DB_PUSH === 'true',
    migrationDir: path.resolve(dirname, 'src/migrations'),
    prodMigrations: migrations,
  }),
  upload: {
    limits: { fileSize: MAX_UPLOAD_BYTES },
    abortOnLimit: true,
    // Well above the file limit: busboy reports an oversized file a little late, and the
    // file-size message is the one an editor should see.
    requestSizeLimit: 4 * MAX_UPLOAD_BYTES,
    responseOnLimit: `Fichier trop volumineux : ${MAX_UPLOAD_BYTES / 1024 / 1024} Mo au plus.`,
  },
  sharp,
  graphQL: {
    disablePlaygroundInProduction: true,
  },
  telemetry: false,
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
  plugins,
})
