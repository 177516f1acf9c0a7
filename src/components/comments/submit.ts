/**
 * The site form's submission, without Next: what the server action calls, and what the tests
 * call directly. It goes through the Local API with `overrideAccess: false`, so the visitor gets
 * exactly what REST would give them (field access, hooks, anti-spam, flood).
 */
import type { Payload, PayloadRequest } from 'payload'

import { addOwnComment, MESSAGES, optionsOf } from '../../plugins/comments'
import {
  FORM_FIELDS,
  HONEYPOT_NAME,
  INPUT_NAMES,
  initialFormState,
  type CommentFormState,
  type FormField,
  type SubmittedComment,
} from './form-state'

export { FORM_FIELDS, HONEYPOT_NAME, INPUT_NAMES, initialFormState }
export type { CommentFormState, FormField, SubmittedComment }

export type SubmitInput = {
  /** "articles:12" */
  target: string
  parent?: string | null
  authorName?: string
  authorEmail?: string
  authorWebsite?: string
  body?: string
  honeypot?: string
}

export type SubmitContext = {
  /** Request headers (address, user agent) passed to the hooks. */
  headers: Headers
  /** The logged-in account, if any (a moderator replies as the Labo). */
  user?: PayloadRequest['user'] | null
  /** The visitor's current "own comments" cookie. */
  ownCookie?: string
}

export type SubmitResult = { state: CommentFormState; ownCookie?: string; retryAfter?: number }

const text = (value: FormDataEntryValue | null): string => (typeof value === 'string' ? value : '')

/** The form's fields, by their input names. */
export function inputFromFormData(form: FormData): SubmitInput {
  return {
    target: text(form.get('target')),
    parent: text(form.get('parent')) || null,
    authorName: text(form.get(INPUT_NAMES.authorName)),
    authorEmail: text(form.get(INPUT_NAMES.authorEmail)),
    authorWebsite: text(form.get(INPUT_NAMES.authorWebsite)),
    body: text(form.get(INPUT_NAMES.body)),
    honeypot: text(form.get(HONEYPOT_NAME)),
  }
}

export async function submitComment(payload: Payload, input: SubmitInput, ctx: SubmitContext): Promise<SubmitResult> {
  const options = optionsOf(payload)
  const values: CommentFormState['values'] = {
    authorName: input.authorName ?? '',
    authorEmail: input.authorEmail ?? '',
    authorWebsite: input.authorWebsite ?? '',
    body: input.body ?? '',
  }
  const fail = (message: string | undefined, errors?: CommentFormState['errors'], retryAfter?: number): SubmitResult => ({
    state: { status: 'error', message, errors, values },
    retryAfter,
  })

  const m = /^([a-z0-9-]+):(\d{1,15})$/.exec(input.target)
  if (!m || !(m[1] in options.collections)) return fail(MESSAGES.targetMissing)

  let created: Record<string, unknown>
  try {
    created = (await payload.create({
      collection: options.slug,
      data: {
        target: { relationTo: m[1], value: Number(m[2]) },
        parent: input.parent && /^\d{1,15}$/.test(input.parent) ? Number(input.parent) : input.parent || null,
        authorName: input.authorName,
        authorEmail: input.authorEmail,
        authorWebsite: input.authorWebsite,
        body: input.body,
        honeypot: input.honeypot,
      } as never,
      overrideAccess: false,
      user: ctx.user ?? undefined,
      depth: 0,
      req: { headers: new Headers(ctx.headers) } as Partial<PayloadRequest>,
    })) as unknown as Record<string, unknown>
  } catch (err) {
    // Duck-typed: in a Next build the action and Payload may hold different copies of the error
    // classes, so `instanceof` cannot be trusted.
    const { status, message, data } = (err ?? {}) as { status?: unknown; message?: unknown; data?: unknown }
    const fieldErrors = (data as { errors?: unknown } | null)?.errors
    if (status === 400 && Array.isArray(fieldErrors)) {
      const errors: CommentFormState['errors'] = {}
      const general: string[] = []
      for (const item of fieldErrors as { path?: unknown; message?: unknown }[]) {
        const text = typeof item.message === 'string' ? item.message : ''
        if ((FORM_FIELDS as readonly unknown[]).includes(item.path)) errors[item.path as FormField] ??= text
        else if (text) general.push(text)
      }
      return fail(general[0] ?? 'Votre message n’a pas été envoyé : corrigez les champs signalés.', errors)
    }
    if (typeof status === 'number' && status >= 400 && status < 500 && typeof message === 'string') {
      if (status === 409) return fail(undefined, { body: message })
      const retryAfter = (data as { retryAfter?: number } | null)?.retryAfter
      return fail(message, undefined, retryAfter)
    }
    // The database did not confirm the write: its own message (nothing may have been saved).
    if (status === 503 && typeof message === 'string') return fail(message)
    payload.logger.error({ err, msg: 'comments: submission failed' })
    return fail(MESSAGES.unexpected)
  }

  // The visitor cannot read the status: ask as the server.
  const stored = (await payload.findByID({ collection: options.slug, id: created.id as number, depth: 0, overrideAccess: true })) as unknown as Record<
    string,
    unknown
  >
  const approved = stored.status === 'approved'
  const comment: SubmittedComment = {
    id: Number(stored.id),
    parent: typeof stored.parent === 'number' ? stored.parent : null,
    authorName: String(stored.authorName ?? ''),
    authorWebsite: typeof stored.authorWebsite === 'string' && stored.authorWebsite ? stored.authorWebsite : null,
    body: String(stored.body ?? ''),
    createdAt: String(stored.createdAt ?? new Date().toISOString()),
    status: approved ? 'approved' : 'pending',
  }
  return {
    state: {
      status: 'success',
      message: approved
        ? 'Merci ! Votre message est publié.'
        : 'Merci ! Votre message a bien été reçu : il apparaîtra après validation par un modérateur.',
      comment,
      values: {},
    },
    ownCookie: addOwnComment(payload.secret, ctx.ownCookie, comment.id),
  }
}
