'use client'
import type { DateFieldClientComponent } from 'payload'

import { DateTimeField, useField } from '@payloadcms/ui'
import { type CSSProperties, useEffect, useRef, useState } from 'react'

import { readMonth } from '@/lib/month-input'

/**
 * A month ("juin 2025"): Payload's date field, told every form an editor may type (see
 * src/lib/month-input.ts), and saying so when the text names no month instead of guessing one.
 */
export const MonthField: DateFieldClientComponent = (props) => {
  const { value } = useField<string>({ path: props.path })
  const [unread, setUnread] = useState<string | null>(null)
  // The picker puts the saved month back in the input as the editor leaves it: keep what was typed.
  const typed = useRef<string | null>(null)
  // A month picked in the calendar replaces what was typed.
  useEffect(() => setUnread(null), [value])

  const onInput = (target: EventTarget) => {
    if (!(target instanceof HTMLInputElement)) return
    typed.current = target.value.trim()
    if (!typed.current || readMonth(typed.current)) setUnread(null)
  }
  const onLeave = () => {
    if (typed.current && !readMonth(typed.current)) setUnread(typed.current)
    typed.current = null
  }
  // The row lays out this wrapper: it takes the field's width.
  const { width, ...admin } = props.field.admin ?? {}
  const field = { ...props.field, admin } as typeof props.field
  return (
    <div
      className="month-field"
      style={width ? ({ '--field-width': width } as CSSProperties) : undefined}
      onInput={(e) => onInput(e.target)}
      onBlur={onLeave}
    >
      <DateTimeField {...props} field={field} />
      {unread ? (
        <p className="month-field__unread" role="alert">
          «&nbsp;{unread}&nbsp;» ne se lit pas comme un mois&nbsp;: écrivez par exemple «&nbsp;juin 2025&nbsp;» ou «&nbsp;06/2025&nbsp;».
        </p>
      ) : null}
    </div>
  )
}
