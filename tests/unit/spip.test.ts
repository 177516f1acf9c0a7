import { describe, it, expect } from 'vitest'
import { countLinks, escapeHtml, isSafeUrl, spipToHtml, spipToText } from '../../src/lib/spip-markup/comments'

const REL = 'rel="nofollow ugc noopener"'

/**
 * Checks that the HTML only contains the tags spipToHtml may produce, properly
 * nested and closed, and no raw "<" or ">" outside tags.
 */
function assertSafeBalancedHtml(html: string): void {
  const allowed = new Set(['p', 'br', 'strong', 'em', 'a', 'blockquote', 'code'])
  const stack: string[] = []
  const tagRe = /<(\/?)([a-z]+)((?: [a-z]+="[^"<>]*")*)>/g
  let last = 0
  for (const m of html.matchAll(tagRe)) {
    const between = html.slice(last, m.index)
    expect(between).not.toMatch(/[<>]/)
    last = (m.index ?? 0) + m[0].length
    const [, closing, name, attrs] = m
    expect(allowed.has(name)).toBe(true)
    if (name === 'a' && !closing) expect(attrs).toMatch(/^ href="(?:https?:\/\/|mailto:)[^"]*" rel="nofollow ugc noopener"$/)
    else expect(attrs).toBe('')
    if (name === 'br') continue
    if (closing) expect(stack.pop()).toBe(name)
    else stack.push(name)
  }
  expect(html.slice(last)).not.toMatch(/[<>]/)
  expect(stack).toEqual([])
}

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    )
  })
})

describe('isSafeUrl', () => {
  it('accepts http, https and mailto URLs', () => {
    expect(isSafeUrl('http://example.org')).toBe(true)
    expect(isSafeUrl('https://www.lelabo-ess.org/a/b?c=d#e')).toBe(true)
    expect(isSafeUrl('HTTPS://EXAMPLE.ORG')).toBe(true)
    expect(isSafeUrl('mailto:contact@lelabo-ess.org')).toBe(true)
    expect(isSafeUrl('mailto:contact@lelabo-ess.org?subject=Bonjour')).toBe(true)
  })

  it('rejects other schemes and malformed URLs', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example',
      '/relative',
      'art12',
      'https://',
      'https:///path',
      'http:evil',
      'mailto:',
      'mailto:nobody',
      ' https://example.org',
      'https://exa mple.org',
    ]) {
      expect(isSafeUrl(url)).toBe(false)
    }
  })
})

describe('spipToHtml', () => {
  describe('paragraphs', () => {
    it('wraps text in a paragraph', () => {
      expect(spipToHtml('Bonjour')).toBe('<p>Bonjour</p>')
    })

    it('separates paragraphs on blank lines and turns single newlines into <br>', () => {
      expect(spipToHtml('a\nb\n\nc')).toBe('<p>a<br>b</p><p>c</p>')
      expect(spipToHtml('a\n \t\n\n\nb')).toBe('<p>a</p><p>b</p>')
    })

    it('normalizes CRLF and CR line endings', () => {
      expect(spipToHtml('a\r\nb\r\n\r\nc\rd')).toBe('<p>a<br>b</p><p>c<br>d</p>')
    })

    it('trims paragraphs and trailing spaces of lines', () => {
      expect(spipToHtml('\n\n  a  \n  b   \n\n')).toBe('<p>a<br>  b</p>')
    })

    it('returns an empty string for empty input', () => {
      expect(spipToHtml('')).toBe('')
      expect(spipToHtml(' \n\n \n')).toBe('')
    })
  })

  describe('bold and italics', () => {
    it('converts {{gras}} and {italique}', () => {
      expect(spipToHtml('{{gras}} et {italique}')).toBe('<p><strong>gras</strong> et <em>italique</em></p>')
    })

    it('nests them', () => {
      expect(spipToHtml('{a {{b}} c}')).toBe('<p><em>a <strong>b</strong> c</em></p>')
      expect(spipToHtml('{{a {b} c}}')).toBe('<p><strong>a <em>b</em> c</strong></p>')
      expect(spipToHtml('{{{x}}}')).toBe('<p><strong><em>x</em></strong></p>')
      expect(spipToHtml('{{{x} y}}')).toBe('<p><strong><em>x</em> y</strong></p>')
    })

    it('may span a single line break', () => {
      expect(spipToHtml('{{a\nb}}')).toBe('<p><strong>a<br>b</strong></p>')
    })

    it('keeps unclosed markers as literal text', () => {
      expect(spipToHtml('{{a}')).toBe('<p>{{a}</p>')
      expect(spipToHtml('{a')).toBe('<p>{a</p>')
      expect(spipToHtml('a}} b}')).toBe('<p>a}} b}</p>')
      expect(spipToHtml('{{a')).toBe('<p>{{a</p>')
      expect(spipToHtml('{{gras} {ital}}')).toBe('<p>{{gras} <em>ital</em>}</p>')
    })

    it('keeps empty markers as literal text', () => {
      expect(spipToHtml('{}')).toBe('<p>{}</p>')
      expect(spipToHtml('{{ }}')).toBe('<p>{{ }}</p>')
    })

    it('does not let markers cross paragraphs', () => {
      expect(spipToHtml('{{a\n\nb}}')).toBe('<p>{{a</p><p>b}}</p>')
    })

    it('keeps extra braces literal', () => {
      expect(spipToHtml('{{{{x}}}}')).toBe('<p>{<strong><em>x</em></strong>}</p>')
    })
  })

  describe('links', () => {
    it('converts [texte->url]', () => {
      expect(spipToHtml('Voir [le site->https://www.lelabo-ess.org].')).toBe(
        `<p>Voir <a href="https://www.lelabo-ess.org" ${REL}>le site</a>.</p>`,
      )
    })

    it('uses the URL as text for [->url]', () => {
      expect(spipToHtml('[->http://example.org/a]')).toBe(
        `<p><a href="http://example.org/a" ${REL}>http://example.org/a</a></p>`,
      )
    })

    it('accepts mailto links', () => {
      expect(spipToHtml('[Écrire->mailto:contact@lelabo-ess.org]')).toBe(
        `<p><a href="mailto:contact@lelabo-ess.org" ${REL}>Écrire</a></p>`,
      )
    })

    it('escapes & in URLs and tolerates spaces around the URL', () => {
      expect(spipToHtml('[x -> https://a.fr/?a=1&b=2 ]')).toBe(`<p><a href="https://a.fr/?a=1&amp;b=2" ${REL}>x</a></p>`)
    })

    it('allows bold and italics in the link text', () => {
      expect(spipToHtml('[{{le}} {site}->https://a.fr]')).toBe(
        `<p><a href="https://a.fr" ${REL}><strong>le</strong> <em>site</em></a></p>`,
      )
      expect(spipToHtml('{{[a->https://x.fr]}}')).toBe(`<p><strong><a href="https://x.fr" ${REL}>a</a></strong></p>`)
    })

    it('keeps a link with an unsafe or unsupported target as literal text', () => {
      expect(spipToHtml('[article->art12]')).toBe('<p>[article-&gt;art12]</p>')
      expect(spipToHtml('[x->/relative]')).toBe('<p>[x-&gt;/relative]</p>')
      expect(spipToHtml('[x->//evil.example]')).toBe('<p>[x-&gt;//evil.example]</p>')
    })

    it('keeps malformed links as literal text', () => {
      expect(spipToHtml('[x->]')).toBe('<p>[x-&gt;]</p>')
      expect(spipToHtml('[x->https://a b.fr]')).toBe('<p>[x-&gt;https://a b.fr]</p>')
      expect(spipToHtml('[x->https://a.fr')).toBe('<p>[x-&gt;https://a.fr</p>')
      expect(spipToHtml('[x https://a.fr]')).toBe('<p>[x https://a.fr]</p>')
    })

    it('does not nest links', () => {
      const html = spipToHtml('[a [b->https://b.fr]->https://a.fr]')
      expect(html).toBe(`<p>[a <a href="https://b.fr" ${REL}>b</a>-&gt;https://a.fr]</p>`)
      assertSafeBalancedHtml(html)
    })

    it('does not autolink bare URLs', () => {
      expect(spipToHtml('https://example.org')).toBe('<p>https://example.org</p>')
    })
  })

  describe('quotes', () => {
    it('converts <quote> to a blockquote with paragraphs', () => {
      expect(spipToHtml('<quote>citation</quote>')).toBe('<blockquote><p>citation</p></blockquote>')
      expect(spipToHtml('<quote>un\n\ndeux</quote>')).toBe('<blockquote><p>un</p><p>deux</p></blockquote>')
    })

    it('splits the surrounding paragraph', () => {
      expect(spipToHtml('Il a dit <quote>bla</quote> et puis')).toBe(
        '<p>Il a dit</p><blockquote><p>bla</p></blockquote><p>et puis</p>',
      )
    })

    it('is case-insensitive and interprets shortcuts inside', () => {
      expect(spipToHtml('<QUOTE>{{x}}</Quote>')).toBe('<blockquote><p><strong>x</strong></p></blockquote>')
    })

    it('supports nested quotes', () => {
      expect(spipToHtml('<quote>a<quote>b</quote>c</quote>')).toBe(
        '<blockquote><p>a</p><blockquote><p>b</p></blockquote><p>c</p></blockquote>',
      )
    })

    it('keeps unmatched tags as text', () => {
      expect(spipToHtml('<quote>a')).toBe('<p>&lt;quote&gt;a</p>')
      expect(spipToHtml('a</quote>')).toBe('<p>a&lt;/quote&gt;</p>')
      expect(spipToHtml('<quote><quote>x</quote>')).toBe('<p>&lt;quote&gt;</p><blockquote><p>x</p></blockquote>')
    })

    it('drops empty quotes', () => {
      expect(spipToHtml('a<quote> \n\n </quote>b')).toBe('<p>a</p><p>b</p>')
    })

    it('limits nesting depth but stays balanced', () => {
      const deep = `${'<quote>'.repeat(50)}x${'</quote>'.repeat(50)}`
      const html = spipToHtml(deep)
      assertSafeBalancedHtml(html)
      expect(html.match(/<blockquote>/g)?.length).toBe(8)
      expect(html).toContain('&lt;quote&gt;')
    })
  })

  describe('code', () => {
    it('escapes code content and does not interpret shortcuts inside', () => {
      expect(spipToHtml('<code>{{pas gras}} [x->https://a.fr] <b>&</code>')).toBe(
        '<p><code>{{pas gras}} [x-&gt;https://a.fr] &lt;b&gt;&amp;</code></p>',
      )
    })

    it('is inline and may contain blank lines and quote tags', () => {
      expect(spipToHtml('Tapez <code>a\n\n<quote>b</quote></code> ici')).toBe(
        '<p>Tapez <code>a\n\n&lt;quote&gt;b&lt;/quote&gt;</code> ici</p>',
      )
    })

    it('can appear inside bold, links and quotes', () => {
      expect(spipToHtml('{{voir <code>}}</code> ici}}')).toBe('<p><strong>voir <code>}}</code> ici</strong></p>')
      expect(spipToHtml('[<code>x</code>->https://a.fr]')).toBe(`<p><a href="https://a.fr" ${REL}><code>x</code></a></p>`)
      expect(spipToHtml('<quote><code>x</code></quote>')).toBe('<blockquote><p><code>x</code></p></blockquote>')
    })

    it('keeps an unclosed <code> as text', () => {
      expect(spipToHtml('<code>{{a}}')).toBe('<p>&lt;code&gt;<strong>a</strong></p>')
    })

    it('handles several code spans', () => {
      expect(spipToHtml('<code>a</code> et <CODE>b</CODE>')).toBe('<p><code>a</code> et <code>b</code></p>')
    })
  })

  describe('XSS', () => {
    it('escapes raw HTML', () => {
      expect(spipToHtml('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')
      expect(spipToHtml('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>')
      expect(spipToHtml('<a href="javascript:alert(1)">x</a>')).toBe(
        '<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</p>',
      )
      expect(spipToHtml("'\"&")).toBe('<p>&#39;&quot;&amp;</p>')
    })

    it('does not create links for javascript:, data: and similar targets', () => {
      expect(spipToHtml('[x->javascript:alert(1)]')).toBe('<p>[x-&gt;javascript:alert(1)]</p>')
      expect(spipToHtml('[x->JAVASCRIPT:alert(1)]')).toBe('<p>[x-&gt;JAVASCRIPT:alert(1)]</p>')
      expect(spipToHtml('[x->data:text/html,<script>alert(1)</script>]')).toBe(
        '<p>[x-&gt;data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;]</p>',
      )
      expect(spipToHtml('[->javascript:alert(1)]')).toBe('<p>[-&gt;javascript:alert(1)]</p>')
      expect(spipToHtml('[x->vbscript:msgbox]')).toBe('<p>[x-&gt;vbscript:msgbox]</p>')
    })

    it('does not accept entity- or control-character-obfuscated schemes', () => {
      expect(spipToHtml('[x->&#106;avascript:alert(1)]')).toBe('<p>[x-&gt;&amp;#106;avascript:alert(1)]</p>')
      expect(spipToHtml('[x->\u0001javascript:alert(1)]')).toBe('<p>[x-&gt;javascript:alert(1)]</p>')
      expect(spipToHtml('[x->java\tscript:alert(1)]')).toBe('<p>[x-&gt;java\tscript:alert(1)]</p>')
    })

    it('cannot break out of the href attribute', () => {
      expect(spipToHtml('[x->"onmouseover=alert(1)]')).toBe('<p>[x-&gt;&quot;onmouseover=alert(1)]</p>')
      const html = spipToHtml('[x->https://a.fr/"onmouseover="alert(1)]')
      expect(html).toBe(`<p><a href="https://a.fr/&quot;onmouseover=&quot;alert(1)" ${REL}>x</a></p>`)
      expect(spipToHtml("[x->https://a.fr/'onclick='alert(1)]")).toBe(
        `<p><a href="https://a.fr/&#39;onclick=&#39;alert(1)" ${REL}>x</a></p>`,
      )
      expect(spipToHtml('[x->https://a.fr/"><script>alert(1)</script>]')).toBe(
        `<p><a href="https://a.fr/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" ${REL}>x</a></p>`,
      )
    })

    it('escapes HTML in link text', () => {
      expect(spipToHtml('[<img src=x onerror=alert(1)>->https://a.fr]')).toBe(
        `<p><a href="https://a.fr" ${REL}>&lt;img src=x onerror=alert(1)&gt;</a></p>`,
      )
    })

    it('escapes HTML inside bold, italics and quotes', () => {
      expect(spipToHtml('{{<b>x</b>}} {<i>}')).toBe('<p><strong>&lt;b&gt;x&lt;/b&gt;</strong> <em>&lt;i&gt;</em></p>')
      expect(spipToHtml('<quote><script>x</script></quote>')).toBe(
        '<blockquote><p>&lt;script&gt;x&lt;/script&gt;</p></blockquote>',
      )
    })

    it('ignores private-use placeholder characters typed by the user', () => {
      const html = spipToHtml('\uE0000\uE001 <code>x</code>')
      expect(html).toBe('<p>0 <code>x</code></p>')
    })

    it('produces safe, balanced HTML for tricky and random inputs', () => {
      const samples = [
        '{{a {b}} c}',
        '{a {{b} c}}',
        '}}{{ {{ }} { } {{{ }}} [ ] -> [->] <quote></code><code></quote>',
        '<quote>{{a</quote>}}',
        '[{{x->https://a.fr]}}',
        '{[a->https://a.fr}]',
        '<quote>[x-></quote>https://a.fr]',
        '<code><quote></code></quote>',
        '{{'.repeat(100) + 'x' + '}}'.repeat(100),
        '{'.repeat(500) + '}'.repeat(499),
      ]
      const alphabet = ['{', '}', '{{', '}}', '[', ']', '->', 'https://x.fr', 'javascript:x', '<quote>', '</quote>', '<code>', '</code>', '\n', '\n\n', 'a', ' ', '"', "'", '<', '>', '&']
      let seed = 42
      const random = (): number => {
        seed = (seed * 1103515245 + 12345) % 2147483648
        return seed / 2147483648
      }
      for (let k = 0; k < 300; k++) {
        let s = ''
        const len = 1 + Math.floor(random() * 40)
        for (let i = 0; i < len; i++) s += alphabet[Math.floor(random() * alphabet.length)]
        samples.push(s)
      }
      for (const s of samples) assertSafeBalancedHtml(spipToHtml(s))
    })

    it('handles pathological input in linear-ish time', () => {
      const inputs = [
        '['.repeat(20000) + ']',
        '[' + '->'.repeat(20000),
        '<code>'.repeat(5000),
        '<quote>'.repeat(5000),
        `a${' '.repeat(50000)}b`,
        '{'.repeat(20000),
      ]
      const t0 = Date.now()
      for (const s of inputs) spipToHtml(s)
      expect(Date.now() - t0).toBeLessThan(1000)
    })
  })
})

describe('spipToText', () => {
  it('removes shortcuts and keeps the text', () => {
    expect(spipToText('{{gras}} et {italique}')).toBe('gras et italique')
    expect(spipToText('Voir [le site->https://a.fr] ou [->https://b.fr].')).toBe('Voir le site ou https://b.fr.')
    expect(spipToText('<quote>cite</quote>suite')).toBe('cite\n\nsuite')
    expect(spipToText('<code>{{x}}</code>')).toBe('{{x}}')
  })

  it('keeps paragraphs and line breaks', () => {
    expect(spipToText('a\nb\n\n\n\nc')).toBe('a\nb\n\nc')
  })

  it('does not escape HTML and keeps literal forms', () => {
    expect(spipToText('<b>x</b> & {{a')).toBe('<b>x</b> & {{a')
    expect(spipToText('[x->javascript:alert(1)]')).toBe('[x->javascript:alert(1)]')
  })
})

describe('countLinks', () => {
  it('counts SPIP links and bare URLs', () => {
    expect(countLinks('Aucun lien ici.')).toBe(0)
    expect(countLinks('[a->https://a.fr]')).toBe(1)
    expect(countLinks('[->https://a.fr] et http://b.fr et https://c.fr/x?y=1')).toBe(3)
    expect(countLinks('Voir www.exemple.fr')).toBe(1)
  })

  it('does not count the URL of a SPIP link twice', () => {
    expect(countLinks('[https://a.fr->https://a.fr]')).toBe(1)
  })

  it('counts SPIP links whatever their target', () => {
    expect(countLinks('[a->art12] [b->javascript:x]')).toBe(2)
  })

  it('ignores malformed forms', () => {
    expect(countLinks('[a->] [b] -> c')).toBe(0)
  })

  it('counts many links (spam)', () => {
    const spam = Array.from({ length: 12 }, (_, i) => `[buy${i}->https://spam${i}.example]`).join(' ') + ' http://x.example'
    expect(countLinks(spam)).toBe(13)
  })
})
