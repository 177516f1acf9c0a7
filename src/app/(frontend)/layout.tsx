import type { Metadata } from 'next'
import type React from 'react'

export const metadata: Metadata = {
  title: { default: 'Le Labo de l’ESS', template: '%s — Le Labo de l’ESS' },
  description:
    'Le Labo de l’ESS est un think tank qui construit, par un travail collaboratif, des axes structurants de l’économie sociale et solidaire.',
}

export default function FrontendLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  )
}
