import { describe, expect, it } from 'vitest'

import { cleanText, escapeHtml, excerptHtml, excerptText, lexicalText, MATCH_END, MATCH_START, resultCountLabel } from '../../src/lib/search-text'
import { richText } from '../../src/seed/lexical'

describe('lexicalText', () => {
  it('puts each block on its own line, so words of two blocks never run together', () => {
    const doc = richText(
      '## Le contexte',
      'Un paragraphe avec **du gras**, *de l’italique* et [un lien](https://exemple.org).',
      '- premier élément',
      '- second élément',
      '> Une citation.',
    )
    expect(lexicalText(doc)).toBe(
      'Le contexte\nUn paragraphe avec du gras, de l’italique et un lien.\npremier élément\nsecond élément\nUne citation.',
    )
  })

  it('reads line breaks and tabs, and nodes it does not know through their children', () => {
    const doc = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'avant' },
              { type: 'linebreak' },
              { type: 'text', text: 'après' },
              { type: 'tab' },
              { type: 'custom-inline', children: [{ type: 'text', text: 'dedans' }] },
            ],
          },
          { type: 'upload', value: 12 },
        ],
      },
    }
    expect(lexicalText(doc)).toBe('avant\naprès dedans')
  })

  it('is empty for nothing, and never throws on odd values', () => {
    for (const value of [null, undefined, '', 42, {}, { root: null }, { root: { children: 'x' } }, []]) {
      expect(lexicalText(value)).toBe('')
    }
  })

  it('survives very deep trees', () => {
    let node: Record<string, unknown> = { type: 'text', text: 'fond' }
    for (let i = 0; i < 5000; i++) node = { type: 'paragraph', children: [node] }
    expect(() => lexicalText({ root: node })).not.toThrow()
  })
})

describe('cleanText', () => {
  it('normalises, drops control and delimiter characters, collapses spaces, keeps lines', () => {
    expect(cleanText('  e\u0301te\u0301  \u0000 \uE000x\uE001 \n\n  deux   lignes \r\n')).toBe('été x\ndeux lignes')
    expect(cleanText(null)).toBe('')
  })
})

describe('excerptHtml', () => {
  it('turns the match delimiters into <mark> and escapes everything else', () => {
    const headline = `Les ${MATCH_START}coopératives${MATCH_END} <script>alert("x")</script> & l’${MATCH_START}économie${MATCH_END}`
    expect(excerptHtml(headline)).toBe(
      'Les <mark>coopératives</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; l’<mark>économie</mark>',
    )
  })

  it('always balances the marks, never nests them, drops empty ones', () => {
    expect(excerptHtml(`${MATCH_START}a${MATCH_START}b${MATCH_END}c${MATCH_END}d`)).toBe('<mark>ab</mark>cd')
    expect(excerptHtml(`x${MATCH_START}y`)).toBe('x<mark>y</mark>')
    expect(excerptHtml(`${MATCH_START}${MATCH_END}z`)).toBe('z')
    expect(excerptHtml('')).toBe('')
    expect(excerptHtml(null)).toBe('')
  })

  it('collapses whitespace (ts_headline keeps newlines)', () => {
    expect(excerptHtml(' un\n\ndeux  trois ')).toBe('un deux trois')
  })

  it('plain-text form', () => {
    expect(excerptText(`a ${MATCH_START}b${MATCH_END}\n c`)).toBe('a b c')
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})

describe('resultCountLabel', () => {
  it('counts in French, and says "Plus de" when the search stopped counting', () => {
    expect(resultCountLabel(0)).toBe('Aucun résultat')
    expect(resultCountLabel(1)).toBe('1 résultat')
    expect(resultCountLabel(12)).toBe('12 résultats')
    expect(resultCountLabel(1000)).toBe('1\u202f000 résultats')
    expect(resultCountLabel(1000, true)).toBe('Plus de 1\u202f000 résultats')
  })
})

describe('lexicalText of SPIP imports', () => {
  it('indexes table captions and the text of footnotes', async () => {
    const { spipToLexical } = await import('../../src/lib/spip-markup')
    const { root } = spipToLexical('||Chiffres clés||\n|a|b|\n\nTexte[[Une note.]] suite', () => null)
    expect(lexicalText(root)).toBe('Chiffres clés\na\nb\nTexte Une note.\nsuite')
  })
})
