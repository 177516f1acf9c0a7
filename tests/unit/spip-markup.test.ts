import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { spipToLexical, type SpipResolver } from '../../src/lib/spip-markup'

const FIXTURES = path.join(__dirname, '../fixtures/spip-markup')

/** Articles → articles, rubriques → pages, mots → glossary terms, documents → media; authors unknown. */
const resolve: SpipResolver = (ref, usage) => {
  if (ref.type === 'document' && ref.id === 7) return null
  if (ref.type === 'document') return usage === 'media' ? { media: 100 + ref.id } : { url: `/media/doc${ref.id}.pdf` }
  if (ref.type === 'article') return { relationTo: 'articles', value: ref.id, title: `Article ${ref.id}` }
  if (ref.type === 'rubrique') return { relationTo: 'pages', value: ref.id }
  if (ref.type === 'mot') return { relationTo: 'glossary-terms', value: ref.id, title: `Mot ${ref.id}` }
  return null
}

type Node = { type: string; [k: string]: unknown }

/** A compact view of Lexical nodes: "text", {t, f} for formatted text, "br", {type: children, …props}. */
function project(node: Node): unknown {
  const kids = () => ((node.children as Node[] | undefined) ?? []).map(project)
  switch (node.type) {
    case 'text':
      return node.format ? { t: node.text, f: node.format } : node.text
    case 'linebreak':
      return 'br'
    case 'paragraph':
      return { p: kids() }
    case 'heading':
      return { [node.tag as string]: kids() }
    case 'quote':
      return { quote: kids() }
    case 'list':
      return { [node.tag as string]: kids() }
    case 'listitem':
      return { li: kids() }
    case 'link': {
      const f = node.fields as { linkType: string; url?: string; doc?: unknown }
      return { a: kids(), ...(f.linkType === 'internal' ? { doc: f.doc } : { url: f.url }) }
    }
    case 'upload':
      return { upload: node.value, align: node.format }
    case 'horizontalrule':
      return 'hr'
    case 'table':
      return { table: kids() }
    case 'tablerow':
      return { tr: kids() }
    case 'tablecell':
      return { [node.headerState ? 'th' : 'td']: kids() }
    case 'block': {
      const { id: _id, blockName: _name, ...fields } = node.fields as Record<string, unknown>
      return { block: fields }
    }
    case 'inlineBlock': {
      const f = node.fields as { mark: string; unnumbered: boolean; content: { root: Node } }
      return { note: project(f.content.root), ...(f.mark ? { mark: f.mark } : {}), ...(f.unnumbered ? { unnumbered: true } : {}) }
    }
    case 'root':
      return kids()
    default:
      return { unknownNode: node.type }
  }
}

const convert = (text: string) => {
  const { root, report } = spipToLexical(text, resolve)
  return { out: project(root.root as unknown as Node), report, root }
}
const view = (text: string) => convert(text).out

describe('spipToLexical', () => {
  it('produces the exact node shapes of our editor', () => {
    expect(spipToLexical('Un {{mot}} [lien->https://exemple.org].', resolve).root).toEqual({
      root: {
        type: 'root',
        direction: 'ltr',
        format: '',
        indent: 0,
        version: 1,
        children: [
          {
            type: 'paragraph',
            direction: 'ltr',
            format: '',
            indent: 0,
            version: 1,
            textFormat: 0,
            textStyle: '',
            children: [
              { type: 'text', text: 'Un ', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
              { type: 'text', text: 'mot', format: 1, detail: 0, mode: 'normal', style: '', version: 1 },
              { type: 'text', text: ' ', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
              {
                type: 'link',
                version: 3,
                direction: 'ltr',
                format: '',
                indent: 0,
                fields: { linkType: 'custom', url: 'https://exemple.org', newTab: false },
                children: [{ type: 'text', text: 'lien', format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
              },
              { type: 'text', text: '.', format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
            ],
          },
        ],
      },
    })
  })

  it('{{gras}}, {italique} and their combinations', () => {
    expect(view('{{gras}} {italique} {{a {b} c}}')).toEqual([
      { p: [{ t: 'gras', f: 1 }, ' ', { t: 'italique', f: 2 }, ' ', { t: 'a ', f: 1 }, { t: 'b', f: 3 }, { t: ' c', f: 1 }] },
    ])
  })

  it('{{{intertitres}}} become h2 headings and split the paragraph', () => {
    expect(view('avant {{{Titre}}} après\n\n{{{Autre\ntitre}}}')).toEqual([{ p: ['avant'] }, { h2: ['Titre'] }, { p: ['après'] }, { h2: ['Autre titre'] }])
  })

  it('paragraphs on blank lines; single newlines join; "_ " at a line start is a line break', () => {
    expect(view('a\nb\n_ c\n\nd :_ e')).toEqual([{ p: ['a b', 'br', 'c'] }, { p: ['d :_ e'] }])
  })

  it('decodes entities (named, numeric, emoji) after parsing', () => {
    expect(view('&laquo;&nbsp;&eacute;t&eacute;&nbsp;&raquo; &#233; &oelig; &lt;b&gt; &#128690;')).toEqual([
      { p: ['«\u00a0été\u00a0» é œ <b> 🚲'] },
    ])
  })

  it('[texte->url], [->url], mail addresses', () => {
    expect(view('[site->https://a.org] [->http://b.org/x] [écrire->mailto:x@y.org] [->www.c.org]')).toEqual([
      {
        p: [
          { a: ['site'], url: 'https://a.org' },
          ' ',
          { a: ['http://b.org/x'], url: 'http://b.org/x' },
          ' ',
          { a: ['écrire'], url: 'mailto:x@y.org' },
          ' ',
          { a: ['http://www.c.org'], url: 'http://www.c.org' },
        ],
      },
    ])
  })

  it('[->art12], [->rub3], [->doc5], [->mot4] resolve to internal links; unresolved ones are kept and reported', () => {
    const { out, report } = convert('[->art12] [nos travaux->rub3] [le PDF->doc5] [->mot4] [Camille->aut2] [->aut3] [x->12]')
    expect(out).toEqual([
      {
        p: [
          { a: ['Article 12'], doc: { relationTo: 'articles', value: 12 } },
          ' ',
          { a: ['nos travaux'], doc: { relationTo: 'pages', value: 3 } },
          ' ',
          { a: ['le PDF'], url: '/media/doc5.pdf' },
          ' ',
          { a: ['Mot 4'], doc: { relationTo: 'glossary-terms', value: 4 } },
          ' Camille [->aut3] ',
          { a: ['x'], doc: { relationTo: 'articles', value: 12 } },
        ],
      },
    ])
    expect(report.broken).toEqual([
      { type: 'auteur', id: 2, usage: 'link' },
      { type: 'auteur', id: 3, usage: 'link' },
    ])
  })

  it('keeps links to unknown targets as text and reports them', () => {
    const { out, report } = convert('[flux->spip.php?page=backend] [x->javascript:alert(1)]')
    expect(out).toEqual([{ p: ['[flux->spip.php?page=backend] [x->javascript:alert(1)]'] }])
    expect(report.unknown).toEqual({ '[->spip.php?page=backend]': 1, '[->javascript:alert(1)]': 1 })
  })

  it('<docN|left>, <imgN>, <embN> become media uploads, lifted out of their paragraph', () => {
    const { out, report } = convert('<doc1|left>\n\nTexte <img2|center> suite <emb3>\n\n<doc9>')
    expect(out).toEqual([
      { upload: 101, align: 'left' },
      { p: ['Texte'] },
      { upload: 102, align: 'center' },
      { p: ['suite'] },
      { upload: 103, align: '' },
      { upload: 109, align: '' },
    ])
    expect(report.approximations).toEqual({ '<embN> (inséré comme <docN>)': 1 })
  })

  it('a media the resolver does not know stays as text and is reported', () => {
    const { out, report } = convert('<doc7|right>')
    expect(out).toEqual([{ p: ['<doc7|right>'] }])
    expect(report.broken).toEqual([{ type: 'document', id: 7, usage: 'media' }])
  })

  it('[[notes]] become note inline blocks; [[<>…]] unnumbered, [[<1>…]] named', () => {
    expect(view('a[[Note {1} [lien->art2].]] b[[<>Sans numéro.]] c[[<x>Nommée.]]')).toEqual([
      {
        p: [
          'a',
          { note: [{ p: ['Note ', { t: '1', f: 2 }, ' ', { a: ['lien'], doc: { relationTo: 'articles', value: 2 } }, '.'] }] },
          ' b',
          { note: [{ p: ['Sans numéro.'] }], unnumbered: true },
          ' c',
          { note: [{ p: ['Nommée.'] }], mark: 'x' },
        ],
      },
    ])
  })

  it('-* and -# lists, nested as Lexical nests them', () => {
    expect(view('Intro :\n-* un\n-** un.un\n-** un.deux\n-* deux\nsuite de deux\n-# n1')).toEqual([
      { p: ['Intro :'] },
      { ul: [{ li: ['un'] }, { li: [{ ul: [{ li: ['un.un'] }, { li: ['un.deux'] }] }] }, { li: ['deux suite de deux'] }] },
      { ol: [{ li: ['n1'] }] },
    ])
  })

  it('numbers list items and nested-list wrappers as Lexical does', () => {
    const { root } = convert('-# a\n-## b\n-# c')
    const list = (root.root.children[0] as unknown as { children: Array<{ value: number; indent: number }> }).children
    expect(list.map((i) => i.value)).toEqual([1, 2, 2])
    expect(((list[1] as unknown as { children: Array<{ children: Array<{ indent: number }> }> }).children[0].children[0]).indent).toBe(1)
  })

  it('| tables | with a bold header row, ||caption|summary|| and |<| spans', () => {
    const { out, root } = convert('||Légende|Résumé||\n| {{A}} | {{B}} |\n| 1 | 2 |\n| 3 |<|')
    expect(out).toEqual([
      { block: { blockType: 'tableCaption', caption: 'Légende', summary: 'Résumé' } },
      {
        table: [
          { tr: [{ th: [{ p: ['A'] }] }, { th: [{ p: ['B'] }] }] },
          { tr: [{ td: [{ p: ['1'] }] }, { td: [{ p: ['2'] }] }] },
          { tr: [{ td: [{ p: ['3'] }] }] },
        ],
      },
    ])
    const cell = (root.root.children[1] as unknown as { children: Array<{ children: Array<Record<string, unknown>> }> }).children[2].children[0]
    expect(cell).toMatchObject({ type: 'tablecell', colSpan: 2, rowSpan: 1, headerState: 0 })
  })

  it('<quote> becomes a quote; paragraphs inside are joined by two line breaks; nesting is flattened and reported', () => {
    const { out, report } = convert('<quote>un\n\n{deux}<quote>trois</quote></quote>')
    expect(out).toEqual([{ quote: ['un', 'br', 'br', { t: 'deux', f: 2 }, 'br', 'br', 'trois'] }])
    expect(report.approximations).toEqual({ '<quote> imbriquée (fondue dans la citation)': 1 })
  })

  it('<code> inline keeps its text uninterpreted; on several lines it is a code block, with its class as language', () => {
    expect(view('Voir <code>{{a}} [->art1]</code>.\n\n<code class="php">\n<?php echo 1;\n</code>')).toEqual([
      { p: ['Voir ', { t: '{{a}} [->art1]', f: 16 }, '.'] },
      { block: { blockType: 'code', language: 'php', code: '<?php echo 1;' } },
    ])
  })

  it('<cadre> becomes a code block', () => {
    expect(view('<cadre>\n<a href="x">y</a>\n</cadre>')).toEqual([{ block: { blockType: 'code', language: '', code: '<a href="x">y</a>' } }])
  })

  it('<poesie> becomes a quote of lines', () => {
    expect(view('<poesie>\nun\ndeux\n\ntrois\n</poesie>')).toEqual([{ quote: ['un', 'br', 'deux', 'br', 'br', 'trois'] }])
  })

  it('<multi> keeps the French part, else the first', () => {
    expect(view('<multi>[en]Hello [fr]Bonjour</multi>')).toEqual([{ p: ['Bonjour'] }])
    expect(view('<multi>[en]Hello [es]Hola</multi>')).toEqual([{ p: ['Hello'] }])
    expect(view('<multi>Défaut [en]Hello</multi>')).toEqual([{ p: ['Défaut'] }])
  })

  it('[?terme] keeps the word and reports the glossary shortcut', () => {
    const { out, report } = convert('Les [?AMAP] et la [?coopérative#x].')
    expect(out).toEqual([{ p: ['Les AMAP et la coopérative.'] }])
    expect(report.glossary).toEqual(['AMAP', 'coopérative'])
  })

  it('anchors [nom<-] in a heading; [->#nom] links to the heading id the site renders', () => {
    const { out, report } = convert('[Aller->#def] [->#nulle]\n\n{{{[def<-]La Définition}}}')
    expect(out).toEqual([
      { p: [{ a: ['Aller'], url: '#la-definition' }, ' ', { a: ['nulle'], url: '#nulle' }] },
      { h2: ['La Définition'] },
    ])
    expect(report.approximations).toEqual({ '[->#nulle] (ancre introuvable)': 1 })
  })

  it('raw HTML: <p>, <div>, <h3>, <a href>, <br>, <sup>, <del>, <ins>, <small>, <abbr>, <strong>, <em>', () => {
    const { out, report } = convert(
      '<p>Un <abbr title="x">CAE</abbr> <strong>fort</strong> <em>it</em></p><div class="encadre"><h3>Titre</h3>l1<br />\n<a href="https://a.org">A</a></div>1<sup>er</sup> <del>d</del> <ins>i</ins> <small>s</small> H<sub>2</sub>O',
    )
    expect(out).toEqual([
      { p: ['Un CAE ', { t: 'fort', f: 1 }, ' ', { t: 'it', f: 2 }] },
      { h3: ['Titre'] },
      { p: ['l1', 'br', { a: ['A'], url: 'https://a.org' }] },
      { p: ['1', { t: 'er', f: 64 }, ' ', { t: 'd', f: 4 }, ' ', { t: 'i', f: 8 }, ' s H', { t: '2', f: 32 }, 'O'] },
    ])
    expect(report.approximations).toEqual({
      '<abbr title> (titre perdu)': 1,
      '<div class> (encadré rendu en paragraphes)': 1,
      '<small> (texte gardé sans mise en forme)': 1,
    })
  })

  it('---- is a horizontal rule', () => {
    expect(view('avant\n\n----\n\naprès')).toEqual([{ p: ['avant'] }, 'hr', { p: ['après'] }])
  })

  it('unknown tags stay text and are counted; unclosed ones too', () => {
    const { out, report } = convert('<iframe src="x"></iframe> <modele12> <quote>ouverte')
    expect(out).toEqual([{ p: ['<iframe src="x"></iframe> <modele12> <quote>ouverte'] }])
    expect(report.unknown).toEqual({ '<iframe>': 1, '</iframe>': 1, '<modele12>': 1, '<quote>': 1 })
  })
})

// ---------------------------------------------------------------------------
// The texts of the SPIP site

type Counts = { h2: number; lists: number; items: number; tables: number; notes: number; quotes: number; hr: number }

function countLexical(root: Node): Counts {
  const c: Counts = { h2: 0, lists: 0, items: 0, tables: 0, notes: 0, quotes: 0, hr: 0 }
  const walk = (n: Node): void => {
    if (n.type === 'heading' && n.tag === 'h2') c.h2++
    if (n.type === 'list') c.lists++
    if (n.type === 'listitem' && !((n.children as Node[])[0]?.type === 'list')) c.items++
    if (n.type === 'table') c.tables++
    if (n.type === 'inlineBlock') c.notes++
    if (n.type === 'quote') c.quotes++
    if (n.type === 'horizontalrule') c.hr++
    ;((n.children as Node[] | undefined) ?? []).forEach(walk)
  }
  walk(root)
  return c
}

/** The same counts in SPIP's rendering (notes: its "notes" block). */
function countSpipHtml(html: string): Counts {
  const n = (re: RegExp) => html.match(re)?.length ?? 0
  return {
    h2: n(/<h2 class="spip">/g),
    lists: n(/<[uo]l class="spip">/g),
    items: n(/<li>/g) - n(/<li>\s*<[uo]l/g),
    tables: n(/<table/g),
    notes: n(/<div id='nb/g),
    quotes: n(/<blockquote/g),
    hr: n(/<hr class="spip"/g),
  }
}

const fixtures = readdirSync(FIXTURES).filter((f) => /^article\d+\.txt$/.test(f))

describe('the texts of the SPIP site', () => {
  it.each(fixtures)('%s: converted with nothing unknown left unreported', (file) => {
    const text = readFileSync(path.join(FIXTURES, file), 'utf8')
    const { root, report } = spipToLexical(text, resolve)
    // Every text node of the output: no SPIP shortcut survives unless the report names it.
    const texts: string[] = []
    const walk = (n: Node): void => {
      if (n.type === 'text' && !((n.format as number) & 16)) texts.push(n.text as string)
      ;((n.children as Node[] | undefined) ?? []).forEach(walk)
      const content = (n.fields as { content?: { root: Node } } | undefined)?.content
      if (content) walk(content.root)
    }
    walk(root.root as unknown as Node)
    const leftover = texts.join('\n').match(/\{\{|\}\}|\[\[|\]\]|->|<\/?[a-z][a-z0-9]*[\s>|]|^-[*#]|<-\]/gim) ?? []
    const reported = Object.keys(report.unknown).length + report.broken.length
    if (leftover.length) expect(reported).toBeGreaterThan(0)
    expect(Object.keys(report.unknown)).toEqual([])
  })

  const rendered = readdirSync(path.join(FIXTURES, 'rendered')).map((f) => f.replace('.html', ''))
  it.each(rendered)('%s: headings, lists, tables, notes, quotes as in SPIP’s rendering', (name) => {
    const text = readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8')
    const html = readFileSync(path.join(FIXTURES, 'rendered', `${name}.html`), 'utf8')
    const { root } = spipToLexical(text, resolve)
    expect(countLexical(root.root as unknown as Node)).toEqual(countSpipHtml(html))
  })

  it('articles without a SPIP rendering have the expected structure', () => {
    const counts = (n: number) => countLexical(spipToLexical(readFileSync(path.join(FIXTURES, `article${n}.txt`), 'utf8'), resolve).root.root as unknown as Node)
    expect(counts(4)).toEqual({ h2: 0, lists: 1, items: 4, tables: 0, notes: 1, quotes: 0, hr: 0 })
    expect(counts(8)).toEqual({ h2: 2, lists: 3, items: 9, tables: 0, notes: 2, quotes: 0, hr: 0 })
    expect(counts(9)).toEqual({ h2: 2, lists: 0, items: 0, tables: 2, notes: 1, quotes: 0, hr: 0 })
    expect(counts(10)).toEqual({ h2: 0, lists: 0, items: 0, tables: 0, notes: 0, quotes: 2, hr: 0 })
    expect(counts(11)).toEqual({ h2: 0, lists: 0, items: 0, tables: 1, notes: 0, quotes: 0, hr: 0 })
    expect(counts(17)).toEqual({ h2: 0, lists: 0, items: 0, tables: 0, notes: 0, quotes: 1, hr: 0 })
    expect(counts(19)).toEqual({ h2: 0, lists: 0, items: 0, tables: 0, notes: 1, quotes: 0, hr: 0 })
    expect(counts(22)).toEqual({ h2: 0, lists: 0, items: 0, tables: 1, notes: 0, quotes: 0, hr: 0 })
  })

  it('article 12: code blocks with their language, inline code untouched', () => {
    const out = convert(readFileSync(path.join(FIXTURES, 'article12.txt'), 'utf8')).out as Array<Record<string, unknown>>
    const blocks = out.filter((b) => 'block' in b).map((b) => (b.block as { language: string }).language)
    expect(blocks).toEqual(['php', ''])
    expect(JSON.stringify(out)).toContain('{"t":"{{pas de gras}}","f":16}')
  })
})
