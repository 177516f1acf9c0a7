import type { IncomingAuthType } from 'payload'

import { siteOrigin } from '../../lib/site-paths'

type ForgotPassword = NonNullable<IncomingAuthType['forgotPassword']>

const escapeHTML = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The password-reset e-mail links to SITE_URL: Payload would take the request's own address,
 * which behind a TLS proxy is http:// and not one of the site's origins (an empty link).
 */
export const forgotPasswordEmail: ForgotPassword['generateEmailHTML'] = (args) => {
  const { req, token } = args ?? {}
  const url = `${siteOrigin()}${req?.payload.config.routes.admin ?? '/admin'}/reset/${token}`
  const t = req?.t
  return [
    `<p>${escapeHTML(t ? t('authentication:youAreReceivingResetPassword') : '')}</p>`,
    `<p><a href="${escapeHTML(url)}">${escapeHTML(url)}</a></p>`,
    `<p>${escapeHTML(t ? t('authentication:youDidNotRequestPassword') : '')}</p>`,
  ].join('\n')
}
