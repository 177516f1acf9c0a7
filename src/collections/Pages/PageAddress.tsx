'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

type Crumb = { url?: string | null }

/** The page's full address on the site, as last saved (the tree path), with a link to open it. */
export function PageAddress() {
  const { data, hasPublishedDoc } = useDocumentInfo()
  const [origin, setOrigin] = useState('')
  useEffect(() => setOrigin(window.location.origin), [])
  const crumbs = (data?.breadcrumbs ?? []) as Crumb[]
  const path = crumbs.at(-1)?.url || (typeof data?.slug === 'string' && data.slug ? `/${data.slug}` : null)
  return (
    <div className="field-type page-address" style={{ marginBottom: 'var(--spacing-field, 1.5rem)' }}>
      <span className="field-label">Adresse de la page</span>
      {path ? (
        <p style={{ overflowWrap: 'anywhere', margin: '0.25rem 0 0' }}>
          <a href={hasPublishedDoc ? path : `/apercu?chemin=${encodeURIComponent(path)}`} target="_blank" rel="noopener">
            {origin}
            {path}
          </a>
          {hasPublishedDoc ? null : <> (aperçu : la page n’est pas encore publiée)</>}
        </p>
      ) : (
        <p style={{ margin: '0.25rem 0 0' }}>Connue au premier enregistrement.</p>
      )}
    </div>
  )
}
