import { describe, expect, it } from 'vitest'

import { DEFAULT_FROM_ADDRESS, DEFAULT_FROM_NAME, emailAdapter, parseSender, smtpSettings } from '../../src/lib/email'

describe('e-mail settings from the environment', () => {
  it('without SMTP_HOST: no adapter (Payload logs the messages)', () => {
    expect(smtpSettings({})).toBeNull()
    expect(smtpSettings({ SMTP_HOST: '  ', SMTP_USER: 'x' })).toBeNull()
    expect(emailAdapter({})).toBeUndefined()
  })

  it('SMTP_HOST alone: port 587, STARTTLS if offered, no login, the Labo as sender', () => {
    expect(smtpSettings({ SMTP_HOST: 'smtp.exemple.test' })).toEqual({
      from: { name: DEFAULT_FROM_NAME, address: DEFAULT_FROM_ADDRESS },
      transportOptions: { host: 'smtp.exemple.test', port: 587, secure: false },
    })
    expect(DEFAULT_FROM_NAME).toBe('Labo de l’ESS')
  })

  it('port 465 is TLS from the start; SMTP_SECURE overrides; a user brings the password', () => {
    expect(smtpSettings({ SMTP_HOST: 'h', SMTP_PORT: '465', SMTP_USER: 'moi', SMTP_PASS: 'secret' })?.transportOptions).toEqual({
      host: 'h',
      port: 465,
      secure: true,
      auth: { user: 'moi', pass: 'secret' },
    })
    expect(smtpSettings({ SMTP_HOST: 'h', SMTP_PORT: '2525', SMTP_SECURE: 'true' })?.transportOptions).toMatchObject({ port: 2525, secure: true })
    expect(smtpSettings({ SMTP_HOST: 'h', SMTP_PORT: 'abc' })?.transportOptions.port).toBe(587)
  })

  it('EMAIL_FROM: "Name <address>", or an address (the default name), or the default when malformed', () => {
    expect(parseSender('Modération du Labo <moderation@lelabo-ess.org>')).toEqual({ name: 'Modération du Labo', address: 'moderation@lelabo-ess.org' })
    expect(parseSender('"Le Labo" <contact@lelabo-ess.org>')).toEqual({ name: 'Le Labo', address: 'contact@lelabo-ess.org' })
    expect(parseSender('<contact@lelabo-ess.org>')).toEqual({ name: DEFAULT_FROM_NAME, address: 'contact@lelabo-ess.org' })
    expect(parseSender('contact@lelabo-ess.org')).toEqual({ name: DEFAULT_FROM_NAME, address: 'contact@lelabo-ess.org' })
    expect(parseSender('pas une adresse')).toEqual({ name: DEFAULT_FROM_NAME, address: DEFAULT_FROM_ADDRESS })
    expect(parseSender(undefined)).toEqual({ name: DEFAULT_FROM_NAME, address: DEFAULT_FROM_ADDRESS })
  })
})
