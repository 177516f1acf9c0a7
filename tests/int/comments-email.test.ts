/**
 * The moderators' e-mail, for real: Payload's nodemailer adapter (src/lib/email.ts, configured
 * from SMTP_* variables) sends it to an SMTP server running in this process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { flushCommentNotifications } from '../../src/plugins/comments'
import { bootPayload, type TestContext } from '../helpers/payload'
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp'
import { createRoleUsers, createUser, json } from '../helpers/users'

let ctx: TestContext
let smtp: SmtpReceiver
let users: Awaited<ReturnType<typeof createRoleUsers>>
let priori: number
let posteriori: number
const SMTP_ENV = ['SMTP_HOST', 'SMTP_PORT', 'SMTP_USER', 'SMTP_PASS', 'EMAIL_FROM'] as const

const createArticle = async (title: string, commentMode: string) =>
  (await ctx.payload.create({ collection: 'articles', data: { title, slug: title.toLowerCase().replace(/\W+/g, '-'), commentMode, _status: 'published' } as never })).id

const post = async (target: number, body: string, ip: string) => {
  const res = await ctx.api('/api/comments', {
    method: 'POST',
    ...json(
      { target: { relationTo: 'articles', value: target }, authorName: 'Jeanne Lecteur', authorEmail: 'jeanne@exemple.test', body },
      { 'X-Forwarded-For': ip },
    ),
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return ((await res.json()) as { doc: { id: number } }).doc.id
}

beforeAll(async () => {
  smtp = await startSmtpReceiver({ user: 'labo', pass: 'mot-de-passe' })
  // Read when the configuration is loaded, by bootPayload.
  Object.assign(process.env, { SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_USER: 'labo', SMTP_PASS: 'mot-de-passe' })
  delete process.env.EMAIL_FROM
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  users = await createRoleUsers(ctx)
  priori = await createArticle('Les monnaies locales', 'a-priori')
  posteriori = await createArticle('Les tiers-lieux', 'a-posteriori')
})
afterAll(async () => {
  await ctx?.close()
  await smtp?.close()
  for (const name of SMTP_ENV) delete process.env[name]
})

describe('moderators’ e-mail over SMTP', () => {
  it('a held comment is mailed to moderators and admins, in French, with its link in the admin', async () => {
    const id = await post(priori, 'Très bon article, {{merci}} !', '203.0.113.10')
    await flushCommentNotifications()
    const [mail] = await smtp.waitFor(1)

    expect(smtp.logins).toContain('labo')
    expect(mail!.to).toEqual(expect.arrayContaining([users.admin.user.email, users.moderator.user.email]))
    expect(mail!.to).not.toContain(users.editor.user.email)
    expect(mail!.to).not.toContain(users.integration.user.email)
    expect(mail!.subject).toBe('Commentaire à modérer : Les monnaies locales')
    // The default sender: the Labo's name.
    expect(mail!.headers.from).toMatch(/^"?Labo de l’ESS"? <ne-pas-repondre@lelabo-ess\.org>$/)
    expect(mail!.from).toBe('ne-pas-repondre@lelabo-ess.org')
    expect(mail!.text).toContain('Un commentaire attend votre validation sur « Les monnaies locales ».')
    expect(mail!.text).toContain('Auteur : Jeanne Lecteur')
    expect(mail!.text).toContain('Statut : En attente')
    expect(mail!.text).toContain('Très bon article, merci !')
    expect(mail!.text).toMatch(new RegExp(`Le modérer : https?://[^\\s]+/admin/collections/comments/${id}\\b`))
  })

  it('the comments held within the minute after a message leave together, in one digest', async () => {
    const before = smtp.mails.length
    const first = await post(priori, 'Deuxième avis.', '203.0.113.12')
    const second = await post(priori, 'Troisième avis, http://exemple.test et http://exemple.org et http://exemple.net', '203.0.113.13')
    await flushCommentNotifications()
    const mails = await smtp.waitFor(before + 1)
    expect(mails).toHaveLength(before + 1)
    const digest = mails.at(-1)!
    expect(digest.subject).toBe('2 commentaires à modérer : Les monnaies locales')
    expect(digest.text).toContain('2 commentaires attendent votre validation sur « Les monnaies locales ».')
    expect(digest.text).toMatch(new RegExp(`Le modérer : https?://[^\\s]+/admin/collections/comments/${first}\\b`))
    expect(digest.text).toMatch(new RegExp(`Le modérer : https?://[^\\s]+/admin/collections/comments/${second}\\b`))
    expect(digest.text).toContain('Statut : En attente (')
  })

  it('a comment published at once (a posteriori) sends nothing', async () => {
    const before = smtp.mails.length
    await post(posteriori, 'Un avis publié aussitôt.', '203.0.113.11')
    await flushCommentNotifications()
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.mails.length).toBe(before)
  })
})
