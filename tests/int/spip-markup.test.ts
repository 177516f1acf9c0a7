/**
 * SPIP texts converted to Lexical are accepted by the editor's validation when saved through the
 * Local API, and the site renders them (tables, notes, lists, code, media).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { spipToLexical, type SpipResolver } from '../../src/lib/spip-markup'
import { bootPayload, type TestContext } from '../helpers/payload'

const FIXTURES = path.join(__dirname, '../fixtures/spip-markup')
const fixture = (n: number) => readFileSync(path.join(FIXTURES, `article${n}.txt`), 'utf8')

let ctx: TestContext
let targetId: number | string
let mediaId: number | string

beforeAll(async () => {
  ctx = await bootPayload()
  const target = await ctx.payload.create({
    collection: 'articles',
    data: { title: 'Axe 1 : Organiser', slug: 'axe-1-organiser', rubrique: 'actualites', commentMode: 'default', _status: 'published' },
  })
  targetId = target.id
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#1b3a4b' } }).png().toBuffer()
  const media = await ctx.payload.create({
    collection: 'media',
    data: { alt: 'Synthèse des Cahiers d’espérances' },
    file: { data: png, mimetype: 'image/png', name: 'synthese.png', size: png.length },
  })
  mediaId = media.id
})
afterAll(async () => ctx?.close())

/** Every article of the SPIP site points to the one created above; other objects are not imported. */
const resolve: SpipResolver = (ref, usage) => {
  if (ref.type === 'document') return usage === 'media' ? { media: mediaId } : { url: '/media/synthese.png' }
  if (ref.type === 'article') return { relationTo: 'articles', value: targetId, title: 'Axe 1 : Organiser' }
  return null
}

describe('SPIP texts saved and rendered', () => {
  it.each([6, 9, 4, 8, 12, 13])('article %i: saved through the Local API, rendered by the site', async (n) => {
    const { root, report } = spipToLexical(fixture(n), resolve)
    expect(report.unknown).toEqual({})
    const created = await ctx.payload.create({
      collection: 'articles',
      data: { title: `Article SPIP ${n}`, slug: `article-spip-${n}`, rubrique: 'actualites', commentMode: 'default', body: root as never, _status: 'published' },
    })
    const article = await ctx.payload.findByID({ collection: 'articles', id: created.id, depth: 2 })
    const { RichText } = await import('../../src/components/RichText')
    const html = renderToString(createElement(RichText, { data: article.body }))

    if (n === 6) {
      expect(html).toMatch(/<h2 id="mise-en-forme-du-texte">Mise en forme du texte<\/h2>/)
      expect(html).toContain('<hr')
      expect(html).toMatch(/<sup>er<\/sup>/)
      expect(html).toMatch(/<a href="\/articles\/axe-1-organiser">Axe 1/)
      expect(html).toContain('<pre class="code-block"><code>Texte à copier-coller : &lt;a href=')
      // Two numbered notes and one without a call, all listed at the end.
      expect(html.match(/class="note-call"/g)).toHaveLength(2)
      expect(html).toMatch(/<section class="notes" aria-labelledby="([\w-]+)-notes"><h2 id="\1-notes">Notes<\/h2><ol>(<li[^>]*>[\s\S]*?<\/li>){3}<\/ol><\/section>/)
      expect(html).toContain('Note sans numéro.')
    }
    if (n === 9) {
      expect(html).toMatch(/<table aria-describedby="[\w-]+"><caption>Répartition des salariés de l&#x27;ESS en 2012<\/caption><thead><tr><th scope="col">Famille<\/th>/)
      expect(html.match(/<table/g)).toHaveLength(2)
      expect(html).toContain('<td><strong>Total</strong></td>')
    }
    if (n === 4) {
      expect(html).toMatch(/<figure class="rich-media rich-media--left">/)
      expect(html).toMatch(/<ol class="list-number"><li class="" value="1"><strong>Organiser<\/strong>/)
      expect(html).toMatch(/<sup class="note-call"><a href="#([\w-]+)-note-1" id="\1-note-1-appel" aria-describedby="\1-notes">1<\/a><\/sup>/)
      expect(html).toMatch(/<a href="#[\w-]+-note-1-appel" class="note-back" aria-label="Retour à l’appel de note 1">1<\/a>/)
    }
    if (n === 8) expect(html).toMatch(/<li class="nestedListItem"[^>]*><ul class="list-bullet"><li class="" value="1">bassin de vie/)
    if (n === 12) expect(html).toContain('<pre class="code-block" data-language="php"><code>&lt;?php')
    if (n === 13) {
      expect(html).toContain('<a href="#definition">Définition</a>')
      expect(html).toContain('<h2 id="definition">Définition</h2>')
    }
  })

  it('refuses a note whose link is unsafe, with the French message', async () => {
    const { root } = spipToLexical('Texte[[Voir [ici->http://exemple.org].]]', resolve)
    const json = JSON.stringify(root).replace('http://exemple.org', 'javascript:alert(1)')
    await expect(
      ctx.payload.create({ collection: 'articles', data: { title: 'Note piégée', slug: 'note-piegee', rubrique: 'actualites', commentMode: 'default', body: JSON.parse(json), _status: 'published' } }),
    ).rejects.toThrow(/ne sont pas valides.*Texte de la note/)
  })
})
