'use server'
/**
 * The server action behind the comment form. With JavaScript, React calls it and shows the
 * returned state; without, the browser posts the form to the page, Next runs this action and
 * renders the page with that state (errors next to their fields, or the confirmation).
 */
import config from '@payload-config'
import { cookies, headers } from 'next/headers'
import { getPayload } from 'payload'

import { OWN_COOKIE, OWN_MAX_AGE } from '../../plugins/comments'
import type { CommentFormState } from './form-state'
import { inputFromFormData, submitComment } from './submit'

export async function postComment(_previous: CommentFormState, form: FormData): Promise<CommentFormState> {
  const payload = await getPayload({ config })
  const requestHeaders = new Headers(await headers())
  const cookieStore = await cookies()
  // A logged-in moderator (admin session cookie) replies as the Labo.
  const { user } = await payload.auth({ headers: requestHeaders }).catch(() => ({ user: null }))
  const result = await submitComment(payload, inputFromFormData(form), {
    headers: requestHeaders,
    user,
    ownCookie: cookieStore.get(OWN_COOKIE)?.value,
  })
  if (result.ownCookie) {
    const secure = (process.env.SITE_URL ?? '').startsWith('https:')
    cookieStore.set(OWN_COOKIE, result.ownCookie, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: OWN_MAX_AGE })
  }
  return result.state
}
