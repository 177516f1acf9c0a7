import type { Metadata } from 'next'
import type React from 'react'

import { Footer } from '@/components/Footer'
import { Header } from '@/components/Header'
import { LivePreviewRefresh } from '@/components/LivePreviewRefresh'
import { PreviewBanner } from '@/components/PreviewBanner'
import { getSite, isPreview } from '@/data/payload'
import { siteOrigin } from '@/lib/site-paths'

import './styles.css'

export async function generateMetadata(): Promise<Metadata> {
  const { settings } = await getSite()
  return {
    metadataBase: new URL(siteOrigin()),
    title: { default: settings.name, template: `%s — ${settings.name}` },
    description: settings.tagline ?? undefined,
    openGraph: { siteName: settings.name, locale: 'fr_FR', type: 'website' },
    alternates: { types: { 'application/rss+xml': '/rss.xml' } },
  }
}

export default async function FrontendLayout({ children }: { children: React.ReactNode }) {
  const site = await getSite()
  const preview = await isPreview()
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        {preview ? (
          <>
            <PreviewBanner />
            <LivePreviewRefresh serverURL={siteOrigin()} />
          </>
        ) : null}
        <Header site={site} />
        <main id="contenu" tabIndex={-1} className="container">
          {children}
        </main>
        <Footer site={site} />
      </body>
    </html>
  )
}
