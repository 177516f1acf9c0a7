/**
 * Payload's e-mail adapter, from the environment:
 *
 * - SMTP_HOST set: nodemailer over SMTP (SMTP_PORT, 587 by default; SMTP_USER and SMTP_PASS if the
 *   server wants a login; TLS from the start on port 465, STARTTLS when the server offers it
 *   otherwise; SMTP_SECURE=true|false overrides), sender EMAIL_FROM ("Nom <adresse>" or an
 *   address; the name defaults to "Labo de l'ESS");
 * - SMTP_HOST unset: no adapter, and Payload writes each message to the log (development).
 */
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

export const DEFAULT_FROM_NAME = 'Labo de l’ESS'
export const DEFAULT_FROM_ADDRESS = 'ne-pas-repondre@lelabo-ess.org'

type Env = Record<string, string | undefined>

/** "Nom <adresse>" or "adresse" → its parts; the default name when there is none. */
export function parseSender(value: string | undefined): { name: string; address: string } {
  const raw = value?.trim() ?? ''
  const named = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(raw)
  if (named) return { name: named[1]!.trim() || DEFAULT_FROM_NAME, address: named[2]! }
  if (/^[^<>\s]+@[^<>\s]+$/.test(raw)) return { name: DEFAULT_FROM_NAME, address: raw }
  return { name: DEFAULT_FROM_NAME, address: DEFAULT_FROM_ADDRESS }
}

/** The SMTP settings the environment gives, or null without SMTP_HOST. */
export function smtpSettings(env: Env = process.env) {
  const host = env.SMTP_HOST?.trim()
  if (!host) return null
  const port = Number(env.SMTP_PORT) > 0 ? Number(env.SMTP_PORT) : 587
  const secure = env.SMTP_SECURE ? env.SMTP_SECURE === 'true' : port === 465
  const user = env.SMTP_USER?.trim()
  return {
    from: parseSender(env.EMAIL_FROM),
    transportOptions: { host, port, secure, ...(user ? { auth: { user, pass: env.SMTP_PASS ?? '' } } : {}) },
  }
}

/** The `email` of payload.config.ts: nodemailer when SMTP_HOST is set, else Payload's log. */
export function emailAdapter(env: Env = process.env): Promise<EmailAdapter> | undefined {
  const settings = smtpSettings(env)
  if (!settings) return undefined
  return nodemailerAdapter({
    defaultFromAddress: settings.from.address,
    defaultFromName: settings.from.name,
    transportOptions: settings.transportOptions,
    // Checking the server at start-up would delay it, and log an error when the relay is down
    // for a moment: a message that cannot be sent is logged when it is sent.
    skipVerify: true,
  })
}
