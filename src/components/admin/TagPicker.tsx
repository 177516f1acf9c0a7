'use client'
import type { RelationshipFieldClientProps } from 'payload'

import { FieldDescription, FieldError, FieldLabel, ReactSelect, useConfig, useField } from '@payloadcms/ui'
import { useEffect, useMemo, useState } from 'react'

import { matchesWords } from '@/lib/text'

type Tag = { id: number; name: string }
type Option = { label: string; value: number }

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true })
const idOf = (item: unknown): number => Number(item && typeof item === 'object' && 'id' in item ? (item as Tag).id : item)

/**
 * Tags of one kind (src/fields/tags.ts): all of them in French alphabetical order, found by the
 * start of a word whatever the accents ("educ" → "Éducation"). Payload's picker matches letters
 * exactly and asks the server page by page; a taxonomy is short enough to load at once.
 */
export function TagPicker(props: RelationshipFieldClientProps & { kind?: string }) {
  const { field, path, readOnly, kind } = props
  const { value, setValue, showError, disabled } = useField<unknown[] | null>({ path })
  const { config } = useConfig()
  const [tags, setTags] = useState<Tag[] | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    const controller = new AbortController()
    const query = new URLSearchParams({ depth: '0', pagination: 'false', 'select[name]': 'true' })
    if (kind) query.set('where[kind][equals]', kind)
    fetch(`${config.routes.api}/tags?${query}`, { credentials: 'include', signal: controller.signal })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((data: { docs: Tag[] }) => setTags([...data.docs].sort((a, b) => collator.compare(a.name, b.name))))
      .catch((err: unknown) => {
        if (!(err instanceof DOMException && err.name === 'AbortError')) setFailed(true)
      })
    return () => controller.abort()
  }, [config.routes.api, kind])

  const options = useMemo<Option[]>(() => (tags ?? []).map((tag) => ({ label: tag.name, value: tag.id })), [tags])
  const selected = useMemo(() => {
    const byId = new Map(options.map((option) => [option.value, option]))
    return (value ?? []).map(idOf).map((id) => byId.get(id) ?? { label: `#${id}`, value: id })
  }, [options, value])

  return (
    <div className={['field-type', 'relationship', showError && 'error'].filter(Boolean).join(' ')} id={`field-${path.replace(/\./g, '__')}`}>
      <FieldLabel label={field.label} path={path} required={field.required} />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        <ReactSelect
          isMulti
          isClearable
          isSortable={false}
          disabled={readOnly || disabled}
          isLoading={tags === null && !failed}
          options={options}
          value={selected}
          filterOption={(option, typed) => matchesWords(option.label, typed)}
          noOptionsMessage={() => (failed ? 'Les étiquettes n’ont pas pu être chargées.' : 'Aucune étiquette ne commence ainsi.')}
          placeholder="Choisir ou taper le début d’un nom…"
          onChange={(picked) => setValue((Array.isArray(picked) ? picked : picked ? [picked] : []).map((o) => o.value))}
        />
      </div>
      <FieldDescription description={field.admin?.description} path={path} />
    </div>
  )
}
