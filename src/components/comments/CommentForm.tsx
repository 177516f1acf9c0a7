'use client'
/**
 * The comment form ("Qui êtes-vous ?", "Votre message"). A plain <form> posting to a server
 * action: without JavaScript the browser posts it and the page comes back with the result
 * (React's form state); with JavaScript the same happens without reloading. Errors are tied to
 * their fields (aria-invalid, aria-describedby) and summed up at the top of the form.
 * Used once per page for new comments, on the reply page (/commentaires/<id>/repondre) and,
 * with JavaScript, once more for the reply opened inline (InlineReply).
 */
import { useActionState, useEffect, useRef } from 'react'
import { useFormStatus } from 'react-dom'

import { postComment } from './actions'
import { OwnComment } from './OwnComment'
import { FORM_FIELDS, HONEYPOT_NAME, INPUT_NAMES, initialFormState, type FormField } from './form-state'

type Props = {
  /** "articles:12" */
  target: string
  /** The page's path: where a browser without JavaScript posts the form. */
  path: string
  /** Prefix of every id in the form ("comments-form", "comments-reply-12"). */
  formId: string
  modeSentence: string
  help: string
  /** A reply: the parent comment and its author. */
  parent?: { id: number; authorName: string }
  /** Textarea height (shorter for an inline reply). */
  rows?: number
}

const LABELS: Record<FormField, string> = {
  authorName: 'Votre nom',
  authorEmail: 'Votre adresse e-mail',
  authorWebsite: 'Votre site web (facultatif)',
  body: 'Votre message',
}

function SubmitButton() {
  const { pending } = useFormStatus()
  return (
    <button type="submit" className="comments-submit" disabled={pending} aria-disabled={pending}>
      {pending ? 'Envoi en cours…' : 'Envoyer'}
    </button>
  )
}

export function CommentForm({ target, path, formId, modeSentence, help, parent, rows = 8 }: Props) {
  const [state, formAction] = useActionState(postComment, initialFormState, `${path}#${formId}`)
  const summaryRef = useRef<HTMLDivElement>(null)
  const statusRef = useRef<HTMLDivElement>(null)

  // With JavaScript, move the focus to the outcome (without, the page opens on the form).
  useEffect(() => {
    if (state.status === 'error') summaryRef.current?.focus()
    else if (state.status === 'success') statusRef.current?.focus()
  }, [state])

  const id = (field: FormField | string) => `${formId}-${field}`
  const errorId = (field: FormField) => `${formId}-${field}-erreur`
  const error = (field: FormField) => state.errors?.[field]
  const describedBy = (field: FormField, ...extra: string[]) => [...extra, error(field) ? errorId(field) : ''].filter(Boolean).join(' ') || undefined
  const value = (field: FormField) => state.values?.[field] ?? ''
  const errorList = FORM_FIELDS.filter((field) => error(field))

  const fieldProps = (field: FormField, extra: string[] = []) => ({
    id: id(field),
    name: INPUT_NAMES[field],
    defaultValue: value(field),
    'aria-invalid': error(field) ? true : undefined,
    'aria-describedby': describedBy(field, ...extra),
  })

  const fieldError = (field: FormField) =>
    error(field) ? (
      <p id={errorId(field)} className="comments-field-error">
        {error(field)}
      </p>
    ) : null

  return (
    <form id={formId} action={formAction} className="comments-form" noValidate aria-label={parent ? `Répondre à ${parent.authorName}` : 'Ajouter un commentaire'}>
      <p className="comments-mode">{modeSentence}</p>

      {state.status === 'success' ? (
        <div ref={statusRef} tabIndex={-1} role="status" className="comments-flash">
          <p>{state.message}</p>
          {state.comment?.status === 'approved' ? (
            <p>
              <a href={`#commentaire-${state.comment.id}`}>Voir votre message</a>
            </p>
          ) : null}
        </div>
      ) : null}
      {state.status === 'success' && state.comment?.status === 'pending' ? <OwnComment comment={state.comment} /> : null}

      {state.status === 'error' ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="comments-error-summary" aria-labelledby={id('erreurs-titre')}>
          <p id={id('erreurs-titre')}>{state.message ?? 'Votre message n’a pas été envoyé :'}</p>
          {errorList.length > 0 ? (
            <ul>
              {errorList.map((field) => (
                <li key={field}>
                  <a href={`#${id(field)}`}>{error(field)}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <input type="hidden" name="target" value={target} />
      {parent ? <input type="hidden" name="parent" value={parent.id} /> : null}

      <fieldset className="comments-identity">
        <legend>Qui êtes-vous ?</legend>
        <div className="comments-field">
          <label htmlFor={id('authorName')}>{LABELS.authorName}</label>
          <input type="text" autoComplete="name" required aria-required="true" maxLength={100} {...fieldProps('authorName')} />
          {fieldError('authorName')}
        </div>
        <div className="comments-field">
          <label htmlFor={id('authorEmail')}>{LABELS.authorEmail}</label>
          <p id={id('email-aide')} className="comments-hint">
            Elle ne sera pas publiée.
          </p>
          <input type="email" autoComplete="email" required aria-required="true" {...fieldProps('authorEmail', [id('email-aide')])} />
          {fieldError('authorEmail')}
        </div>
        <div className="comments-field">
          <label htmlFor={id('authorWebsite')}>{LABELS.authorWebsite}</label>
          <input type="url" autoComplete="url" inputMode="url" placeholder="https://" {...fieldProps('authorWebsite')} />
          {fieldError('authorWebsite')}
        </div>
      </fieldset>

      <div className="comments-field comments-field--message">
        <label htmlFor={id('body')}>{LABELS.body}</label>
        <p id={id('aide')} className="comments-hint">
          {help}
        </p>
        <textarea rows={rows} required aria-required="true" {...fieldProps('body', [id('aide')])} />
        {fieldError('body')}
      </div>

      <div className="comments-hp" aria-hidden="true">
        <label htmlFor={id('hp')}>Ne remplissez pas ce champ</label>
        <input type="text" id={id('hp')} name={HONEYPOT_NAME} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <SubmitButton />
    </form>
  )
}
