/**
 * The site's part: the form's server action (called as Next would, with the request's headers
 * and cookies mocked) and the public component rendered to HTML.
 */
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { bootPayload, type TestContext } from '../helpers/payload'
import { createUser } from '../helpers/users'

/** What next/headers gives the action: a request's headers and a cookie store. */
const request = vi.hoisted(() => ({
  headers: new Headers(),
  cookies: new Map<string, string>(),
  set: [] as { name: string; value: string; options: Record<string, unknown> }[],
}))

vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string, options: Record<string, unknown>) => {
      request.set.push({ name, value, options })
      request.cookies.set(name, value)
    },
  }),
  draftMode: async () => ({ isEnabled: false }),
}))

let ctx: TestContext
let articleId: number
let closedId: number
let ip = 0

type State = Awaited<ReturnType<typeof import('../../src/components/comments/actions').postComment>>

const form = (fields: Record<string, string>) => {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.set(key, value)
  return data
}

const validFields = (extra: Record<string, string> = {}) => ({
  target: `articles:${articleId}`,
  nom: 'Jeanne Lectrice',
  email: 'jeanne@exemple.test',
  site: '',
  message: `Un message {{important}} n° ${Math.random()}`,
  url: '',
  ...extra,
})

const postComment = async (fields: Record<string, string>): Promise<State> => {
  const { postComment: action } = await import('../../src/components/comments/actions')
  return action({ status: 'idle' }, form(fields))
}

const render = async (props: Record<string, unknown>) => {
  const { Comments } = await import('../../src/components/comments')
  const element = await Comments(props as never)
  return element ? renderToString(element) : ''
}

beforeAll(async () => {
  ctx = await bootPayload()
  await createUser(ctx.payload, 'admin')
  const article = await ctx.payload.create({
    collection: 'articles',
    data: { title: 'Article commenté', slug: 'article-commente', commentMode: 'default', _status: 'published' } as never,
  })
  articleId = article.id
  const closed = await ctx.payload.create({
    collection: 'articles',
    data: { title: 'Article fermé', slug: 'article-ferme', commentMode: 'closed', _status: 'published' } as never,
  })
  closedId = closed.id
})
afterAll(async () => ctx?.close())
beforeEach(() => {
  request.headers = new Headers({ 'x-forwarded-for': `192.0.2.${++ip}`, 'user-agent': 'FormBrowser/2.0' })
  request.cookies.clear()
  request.set = []
})

describe('the server action', () => {
  it('stores a pending comment, says so in French, and gives the browser its signed cookie', async () => {
    const state = await postComment(validFields({ message: 'Bonjour {{à tous}}', status: 'approved' }))
    expect(state.status).toBe('success')
    expect(state.message).toBe('Merci ! Votre message a bien été reçu : il apparaîtra après validation par un modérateur.')
    expect(state.comment).toMatchObject({ status: 'pending', authorName: 'Jeanne Lectrice', body: 'Bonjour {{à tous}}' })
    expect(state.values).toEqual({})
    const doc = await ctx.payload.findByID({ collection: 'comments', id: state.comment!.id, overrideAccess: true })
    expect(doc).toMatchObject({ status: 'pending', userAgent: 'FormBrowser/2.0', targetKey: `articles:${articleId}` })
    expect(request.set).toHaveLength(1)
    expect(request.set[0]).toMatchObject({ name: 'labo_comments', options: { httpOnly: true, sameSite: 'lax', path: '/' } })
    // The /mine endpoint recognises that cookie.
    const res = await ctx.api(`/api/comments/mine?target=articles:${articleId}`, {
      headers: { Cookie: `labo_comments=${encodeURIComponent(request.set[0].value)}` },
    })
    expect(((await res.json()) as { docs: { id: number }[] }).docs.map((d) => d.id)).toContain(state.comment!.id)
  })

  it('returns French errors tied to their fields, and keeps what was typed', async () => {
    const state = await postComment(validFields({ nom: '', email: 'jeanne@', site: 'ftp://exemple.test', message: 'x'.repeat(5001) }))
    expect(state.status).toBe('error')
    expect(state.errors).toEqual({
      authorName: 'Indiquez votre nom.',
      authorEmail: 'Adresse e-mail invalide : elle doit ressembler à prenom.nom@exemple.fr.',
      authorWebsite: 'Adresse de site invalide : seules les adresses http:// ou https:// sont acceptées.',
      body: 'Votre message ne peut dépasser 5\u00a0000 caractères (il en compte 5\u00a0001).',
    })
    expect(state.values).toMatchObject({ authorName: '', authorEmail: 'jeanne@', authorWebsite: 'ftp://exemple.test', body: 'x'.repeat(5001) })
    expect(request.set).toHaveLength(0)
  })

  it('says when the page is closed, when the same message is sent twice, when it floods', async () => {
    const closed = await postComment(validFields({ target: `articles:${closedId}` }))
    expect(closed).toMatchObject({ status: 'error', message: 'Les commentaires sont fermés pour cette page.' })

    const fields = validFields({ message: 'Deux fois le même.' })
    expect((await postComment(fields)).status).toBe('success')
    const again = await postComment(fields)
    expect(again.status).toBe('error')
    expect(again.errors?.body).toBe('Vous avez déjà envoyé ce message : il n’a pas été enregistré une seconde fois.')

    // Five per address and window by default: one sent above, four more, then refused.
    for (let i = 0; i < 4; i++) expect((await postComment(validFields())).status).toBe('success')
    const flood = await postComment(validFields())
    expect(flood.status).toBe('error')
    expect(flood.message).toMatch(/^Trop de messages envoyés depuis votre connexion : merci de patienter \d+ minutes? avant d’en envoyer un nouveau\.$/)

    const bogus = await postComment(validFields({ target: 'users:1' }))
    expect(bogus).toMatchObject({ status: 'error', message: 'Cette page n’existe pas ou n’est pas publiée : impossible de la commenter.' })
  })

  it('the honeypot classes the comment as spam; its author is told it waits', async () => {
    const state = await postComment(validFields({ url: 'http://robot.example' }))
    expect(state.status).toBe('success')
    expect(state.comment?.status).toBe('pending')
    const doc = await ctx.payload.findByID({ collection: 'comments', id: state.comment!.id, overrideAccess: true })
    expect(doc.status).toBe('spam')
  })
})

describe('the public component', () => {
  let approvedId: number
  let replyId: number
  let pendingId: number

  beforeAll(async () => {
    const make = async (data: Record<string, unknown>, status: string) => {
      // A trusted import (Local API, access overridden) keeps the status it gives.
      const doc = await ctx.payload.create({
        collection: 'comments',
        data: { target: { relationTo: 'articles', value: articleId }, authorEmail: 'cache@exemple.test', status, ...data } as never,
        context: { commentsTrustedImport: true },
      })
      return doc.id
    }
    approvedId = await make(
      { authorName: 'Alice <b>Gras</b>', authorWebsite: 'https://alice.example', body: 'Premier {{message}}\n\n<script>alert(1)</script> [lien->javascript:alert(1)] <img src=x onerror=alert(1)>' },
      'approved',
    )
    replyId = await make({ authorName: 'Bob', body: 'Une réponse', parent: approvedId }, 'approved')
    pendingId = await make({ authorName: 'Caché', body: 'Message en attente invisible' }, 'pending')
  })

  it('renders the approved thread, the mode sentence and the labelled form', async () => {
    const html = await render({ collection: 'articles', doc: { id: articleId, slug: 'article-commente', commentMode: 'default' }, path: '/articles/article-commente' })
    expect(html).toContain('id="commentaires"')
    expect(html).toMatch(/<h2[^>]*>\d+ commentaires<\/h2>/)
    expect(html).toContain(`id="commentaire-${approvedId}"`)
    expect(html).toContain(`id="commentaire-${replyId}"`)
    expect(html).not.toContain('Message en attente invisible')
    expect(html).not.toContain(`commentaire-${pendingId}`)
    expect(html).not.toContain('cache@exemple.test')
    // The reply is nested under its parent.
    const parentAt = html.indexOf(`id="commentaire-${approvedId}"`)
    const repliesAt = html.indexOf('class="comments-list comments-replies"', parentAt)
    expect(repliesAt).toBeGreaterThan(parentAt)
    expect(html.indexOf(`id="commentaire-${replyId}"`)).toBeGreaterThan(repliesAt)
    // Body through spipToHtml: shortcuts rendered, everything else inert.
    expect(html).toContain('<strong>message</strong>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const section = html.slice(0, html.indexOf('</section>'))
    // (Outside Next the action is no server reference: React puts a placeholder in <form action>.)
    const tags = (section.match(/<[a-z][^>]*>/gi) ?? []).filter((tag) => !tag.startsWith('<form '))
    expect(tags.filter((tag) => /^<(script|img|iframe|svg)\b/i.test(tag) || /\son\w+=|javascript:/i.test(tag))).toEqual([])
    expect(html).toContain('Alice &lt;b&gt;Gras&lt;/b&gt;')
    expect(html).toContain('href="https://alice.example" rel="nofollow ugc noopener"')
    // Dates in French.
    expect(html).toMatch(/<time dateTime="[^"]+">\d{1,2}(er)? [a-zéû]+ \d{4} à \d{2} h \d{2}<\/time>/)
    // The form.
    expect(html).toContain('Ce forum est modéré a priori : votre contribution n’apparaîtra qu’après avoir été validée par un administrateur du site.')
    expect(html).toContain('<legend>Qui êtes-vous ?</legend>')
    expect(html).toContain('<label for="comments-form-authorName">Votre nom</label>')
    expect(html).toContain('<label for="comments-form-authorEmail">Votre adresse e-mail</label>')
    expect(html).toContain('<label for="comments-form-body">Votre message</label>')
    expect(html).toContain('Ce formulaire accepte les raccourcis SPIP [-&gt;url] {{gras}} {italique} &lt;quote&gt; &lt;code&gt;.')
    expect(html).toMatch(/<textarea[^>]*aria-describedby="comments-form-aide"/)
    expect(html).toMatch(/class="comments-hp" aria-hidden="true"/)
    expect(html).toContain('<input type="text" id="comments-form-hp" tabindex="-1" autoComplete="off" name="url" value=""/>')
    expect(html).toContain(`<input type="hidden" name="target" value="articles:${articleId}"/>`)
    // No form per comment: a link to its reply page, named after its author.
    expect(html.match(/<form /g)?.length).toBe(1)
    expect(html).toContain(
      `<a class="comments-reply-link" href="/commentaires/${approvedId}/repondre">Répondre<span class="visually-hidden"> à Alice &lt;b&gt;Gras&lt;/b&gt;</span></a>`,
    )
    expect(html).toContain(`href="/commentaires/${replyId}/repondre"`)
  })

  it('a closed page shows its comments and the closed sentence, no form; without comments, nothing', async () => {
    await ctx.payload.update({ collection: 'articles', id: articleId, data: { commentMode: 'closed' } as never })
    const html = await render({ collection: 'articles', doc: { id: articleId, commentMode: 'closed' }, path: '/articles/article-commente' })
    expect(html).toContain(`id="commentaire-${approvedId}"`)
    expect(html).toContain('Ce forum est fermé : il n’accepte plus de nouvelles contributions.')
    expect(html).not.toContain('<form')
    expect(html).not.toContain('comments-reply-link')
    await ctx.payload.update({ collection: 'articles', id: articleId, data: { commentMode: 'default' } as never })
    expect(await render({ collection: 'articles', doc: { id: closedId, commentMode: 'closed' }, path: '/articles/article-ferme' })).toBe('')
  })

  it('a posteriori by the site settings: the sentence follows', async () => {
    await ctx.payload.updateGlobal({ slug: 'site-settings', data: { defaultCommentMode: 'a-posteriori' } as never })
    const html = await render({ collection: 'articles', doc: { id: articleId, commentMode: 'default' }, path: '/articles/article-commente' })
    expect(html).toContain('Ce forum est modéré a posteriori')
    await ctx.payload.updateGlobal({ slug: 'site-settings', data: { defaultCommentMode: 'a-priori' } as never })
  })

  it('renders nothing for a collection that takes no comments', async () => {
    expect(await render({ collection: 'pages', doc: { id: 1 }, path: '/x' })).toBe('')
  })
})

describe('the reply page', () => {
  let approvedId: number
  let secondLevelId: number
  let thirdLevelId: number
  let pendingId: number
  let draftCommentId: number

  const load = async (id: number | string) => {
    const { loadReplyContext } = await import('../../src/components/comments/reply')
    return loadReplyContext(ctx.payload, String(id))
  }

  beforeAll(async () => {
    const make = async (data: Record<string, unknown>, status = 'approved', target = articleId) =>
      (
        await ctx.payload.create({
          collection: 'comments',
          data: { target: { relationTo: 'articles', value: target }, authorEmail: 'cache@exemple.test', status, ...data } as never,
          context: { commentsTrustedImport: true },
        })
      ).id
    approvedId = await make({ authorName: 'Aline', body: 'À quoi {{répondre}}' })
    secondLevelId = await make({ authorName: 'Basile', body: 'Niveau deux', parent: approvedId })
    thirdLevelId = await make({ authorName: 'Chloé', body: 'Niveau trois', parent: secondLevelId })
    pendingId = await make({ authorName: 'Denis', body: 'En attente' }, 'pending')
    // A page unpublished after it was commented.
    const unpublished = await ctx.payload.create({
      collection: 'articles',
      data: { title: 'Retiré', slug: 'article-retire', commentMode: 'default', _status: 'published' } as never,
    })
    draftCommentId = await make({ authorName: 'Estelle', body: 'Sur un article retiré' }, 'approved', unpublished.id)
    await ctx.payload.update({ collection: 'articles', id: unpublished.id, data: { _status: 'draft' } as never })
  })

  it('gives the comment, its page and its mode; the page renders it and a form with it as parent', async () => {
    const context = await load(approvedId)
    expect(context).toMatchObject({
      comment: { id: approvedId, authorName: 'Aline', level: 1 },
      target: `articles:${articleId}`,
      title: 'Article commenté',
      path: '/articles/article-commente',
      mode: 'a-priori',
    })
    expect((await load(secondLevelId))?.comment.level).toBe(2)

    const { ReplyPage } = await import('../../src/components/comments/ReplyPage')
    const html = renderToString(createElement(ReplyPage, { context: context! }))
    expect(html).toContain('<h1>Répondre à Aline</h1>')
    expect(html).toContain('<strong>répondre</strong>')
    expect(html).toContain(`href="/articles/article-commente#commentaire-${approvedId}"`)
    expect(html).toContain(`<input type="hidden" name="parent" value="${approvedId}"/>`)
    expect(html).toContain(`<input type="hidden" name="target" value="articles:${articleId}"/>`)
    expect(html).toContain('aria-label="Répondre à Aline"')
    expect(html).toContain('<label for="comments-form-body">Votre message</label>')
    expect(html).toContain('Ce forum est modéré a priori')
    expect(html).not.toContain('cache@exemple.test')
  })

  it('nothing for a comment that cannot be answered: unknown, pending, too deep, on an unpublished page', async () => {
    expect(await load(999_999_999)).toBeNull()
    expect(await load('abc')).toBeNull()
    expect(await load(pendingId)).toBeNull()
    expect(await load(thirdLevelId)).toBeNull()
    expect(await load(draftCommentId)).toBeNull()
  })

  it('on a closed page: the closed sentence, no form', async () => {
    await ctx.payload.update({ collection: 'articles', id: articleId, data: { commentMode: 'closed' } as never })
    const context = await load(approvedId)
    expect(context?.mode).toBe('closed')
    const { ReplyPage } = await import('../../src/components/comments/ReplyPage')
    const html = renderToString(createElement(ReplyPage, { context: context! }))
    expect(html).toContain('Ce forum est fermé : il n’accepte plus de nouvelles contributions.')
    expect(html).not.toContain('<form')
    await ctx.payload.update({ collection: 'articles', id: articleId, data: { commentMode: 'default' } as never })
  })
})
