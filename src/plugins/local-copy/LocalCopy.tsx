'use client'
import { Banner, Button, useAllFormFields, useDocumentInfo, useForm } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { copyOf, hasTyped, type LocalCopy as Copy, readCopy, restore, storageKey } from './state'

const when = (time: number) =>
  new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(time)

/**
 * On a creation form: keeps what the editor types in the browser until the document exists, and
 * offers it back (banner) when the form is opened again without it. Dropped once a document of
 * this collection created after the copy's last change is opened (the save went through), or on
 * "Ignorer".
 */
export function LocalCopy() {
  const { id, collectionSlug, initialData } = useDocumentInfo()
  const [fields, dispatchFields] = useAllFormFields()
  const { setModified } = useForm()
  const key = storageKey(collectionSlug ?? '')
  const [offer, setOffer] = useState<Copy | null>(null)
  const [ready, setReady] = useState(false)

  useEffect(() => {
    const copy = readCopy(window.localStorage.getItem(key))
    if (!id) setOffer(copy)
    else if (copy && Date.parse(String(initialData?.createdAt ?? '')) >= copy.savedAt - 2000) window.localStorage.removeItem(key)
    setReady(true)
  }, [id, key, initialData?.createdAt])

  useEffect(() => {
    if (id || !ready || offer || !hasTyped(fields)) return
    const timer = setTimeout(() => window.localStorage.setItem(key, JSON.stringify(copyOf(fields))), 300)
    return () => clearTimeout(timer)
  }, [fields, id, ready, offer, key])

  if (!offer) return null
  return (
    <Banner type="info">
      <p role="status">
        Une saisie non enregistrée du {when(offer.savedAt)} a été retrouvée dans ce navigateur.
      </p>
      <Button
        buttonStyle="primary"
        size="small"
        onClick={() => {
          dispatchFields({ type: 'REPLACE_STATE', state: restore(fields, offer), optimize: false, sanitize: true })
          setModified(true)
          setOffer(null)
        }}
      >
        Restaurer la saisie
      </Button>{' '}
      <Button
        buttonStyle="secondary"
        size="small"
        onClick={() => {
          window.localStorage.removeItem(key)
          setOffer(null)
        }}
      >
        Ignorer
      </Button>
    </Banner>
  )
}
