/**
 * What a comment body becomes on the site and in the REST output (`bodyHtml`): the SPIP
 * shortcuts the current site documents, and nothing else. Every hostile input comes out inert.
 */
import { describe, expect, it } from 'vitest'

import { spipToHtml } from '../../src/lib/spip-markup/comments'

const REL = 'rel="nofollow ugc noopener"'
const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'em', 'a', 'blockquote', 'code'])

/** Only the tags spipToHtml may produce; only href (http, https, mailto) and rel on links. */
function assertInert(html: string) {
  for (const [, closing, name, attrs] of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*)>/g)) {
    expect(ALLOWED_TAGS.has(name), `tag <${name}> in ${html}`).toBe(true)
    if (closing || name !== 'a') {
      expect(attrs.trim(), `attributes on <${name}> in ${html}`).toBe('')
      continue
    }
    const m = /^ href="([^"]*)" rel="nofollow ugc noopener"$/.exec(attrs)
    expect(m, `link attributes ${attrs}`).not.toBeNull()
    expect(m![1]).toMatch(/^(https?:\/\/|mailto:)/i)
  }
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i)
}

const TABLE: [string, string][] = [
  ['Bonjour', '<p>Bonjour</p>'],
  ['{{gras}} et {italique}', '<p><strong>gras</strong> et <em>italique</em></p>'],
  ['[le site->https://www.lelabo-ess.org]', `<p><a href="https://www.lelabo-ess.org" ${REL}>le site</a></p>`],
  ['[->https://a.fr]', `<p><a href="https://a.fr" ${REL}>https://a.fr</a></p>`],
  ['[écrire->mailto:contact@lelabo-ess.org]', `<p><a href="mailto:contact@lelabo-ess.org" ${REL}>écrire</a></p>`],
  ['<quote>cité</quote>', '<blockquote><p>cité</p></blockquote>'],
  ['<code><b>x</b></code>', '<p><code>&lt;b&gt;x&lt;/b&gt;</code></p>'],
  ['un\n\ndeux', '<p>un</p><p>deux</p>'],
  ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
  ['<SCRIPT SRC=//evil.example/x.js></SCRIPT>', '<p>&lt;SCRIPT SRC=//evil.example/x.js&gt;&lt;/SCRIPT&gt;</p>'],
  ['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
  ['<svg/onload=alert(1)>', '<p>&lt;svg/onload=alert(1)&gt;</p>'],
  ['<a href="javascript:alert(1)">x</a>', '<p>&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;</p>'],
  ['[x->javascript:alert(1)]', '<p>[x-&gt;javascript:alert(1)]</p>'],
  ['[x->JaVaScRiPt:alert(1)]', '<p>[x-&gt;JaVaScRiPt:alert(1)]</p>'],
  ['[x->data:text/html;base64,PHNjcmlwdD4=]', '<p>[x-&gt;data:text/html;base64,PHNjcmlwdD4=]</p>'],
  ['[x->vbscript:msgbox(1)]', '<p>[x-&gt;vbscript:msgbox(1)]</p>'],
  ['[x->//evil.example]', '<p>[x-&gt;//evil.example]</p>'],
  ['[x->https://a.fr/" onmouseover="alert(1)]', '<p>[x-&gt;https://a.fr/&quot; onmouseover=&quot;alert(1)]</p>'],
  ['[x->https://a.fr/"onmouseover="alert(1)]', `<p><a href="https://a.fr/&quot;onmouseover=&quot;alert(1)" ${REL}>x</a></p>`],
  ['<b onclick="alert(1)">gras</b>', '<p>&lt;b onclick=&quot;alert(1)&quot;&gt;gras&lt;/b&gt;</p>'],
  ['<iframe src="https://evil.example"></iframe>', '<p>&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt;</p>'],
  ['<q>citation</q> <del>non</del> <ins>oui</ins>', '<p>&lt;q&gt;citation&lt;/q&gt; &lt;del&gt;non&lt;/del&gt; &lt;ins&gt;oui&lt;/ins&gt;</p>'],
  ['<quote><script>x</script>', '<p>&lt;quote&gt;&lt;script&gt;x&lt;/script&gt;</p>'],
  ['{{<img src=x onerror=alert(1)>', '<p>{{&lt;img src=x onerror=alert(1)&gt;</p>'],
  ['<!-- commentaire --><style>body{}</style>', '<p>&lt;!-- commentaire --&gt;&lt;style&gt;body{}&lt;/style&gt;</p>'],
  ['&lt;script&gt;', '<p>&amp;lt;script&amp;gt;</p>'],
]

describe('comment bodies: shortcuts in, inert HTML out', () => {
  it.each(TABLE)('%j', (input, expected) => {
    const html = spipToHtml(input)
    expect(html).toBe(expected)
    assertInert(html)
  })

  it('broken and nested markup stays balanced and inert', () => {
    for (const input of ['<quote><quote>x', '}}{{[->]<code>', '[a->https://a.fr', '{{{x}}', '<quote>[x->https://a.fr]</quote>}}<code>']) {
      assertInert(spipToHtml(input))
    }
  })
})
