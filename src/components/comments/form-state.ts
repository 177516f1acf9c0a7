/** Types and names shared by the form (client) and its server action: no server imports here. */

export const FORM_FIELDS = ['authorName', 'authorEmail', 'authorWebsite', 'body'] as const
export type FormField = (typeof FORM_FIELDS)[number]

/** The names of the form's inputs (French, as the visitor's browser autofills them). */
export const INPUT_NAMES: Record<FormField, string> = {
  authorName: 'nom',
  authorEmail: 'email',
  authorWebsite: 'site',
  body: 'message',
}

/** The class of the "Répondre" links under the comments (InlineReply finds them by it). */
export const REPLY_LINK_CLASS = 'comments-reply-link'

/**
 * One public comment as the page sends it to the browser (CommentList): a tuple keeps the React
 * payload small. The server formats the date and converts the body (spipToHtml).
 */
export type CommentRow = [
  id: number,
  authorName: string,
  /** http(s) only, else null */
  website: string | null,
  staff: 0 | 1,
  /** "2026-11-26T14:49Z" */
  dateTime: string,
  /** "26 novembre 2026 à 15 h 49" */
  dateLabel: string,
  bodyHtml: string,
  replies: CommentRow[],
]

/** The trap for robots: hidden from people (and screen readers), filled in by form-filling bots. */
export const HONEYPOT_NAME = 'url'

export type SubmittedComment = {
  id: number
  parent: number | null
  authorName: string
  authorWebsite: string | null
  /** SPIP source; the form renders it with spipToHtml. */
  body: string
  createdAt: string
  /** What the visitor is told: a comment classed as spam is shown to its author as pending. */
  status: 'pending' | 'approved'
}

export type CommentFormState = {
  status: 'idle' | 'error' | 'success'
  /** A message for the whole form (closed page, flood, duplicate, success). */
  message?: string
  errors?: Partial<Record<FormField, string>>
  values?: Partial<Record<FormField, string>>
  comment?: SubmittedComment
}

export const initialFormState: CommentFormState = { status: 'idle' }
