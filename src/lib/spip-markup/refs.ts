/** Targets of SPIP links: `art12`, `rub3`, `doc5`, `mot4`, `aut2`…, `#ancre` and URLs. */

export type SpipRefType = 'article' | 'rubrique' | 'document' | 'mot' | 'auteur' | 'breve' | 'site'

export type LinkTarget =
  | { kind: 'url'; url: string }
  | { kind: 'anchor'; name: string }
  | { kind: 'ref'; type: SpipRefType; id: number; hash: string }

const REF_TYPES: Readonly<Record<string, SpipRefType>> = {
  art: 'article',
  article: 'article',
  rub: 'rubrique',
  rubrique: 'rubrique',
  doc: 'document',
  document: 'document',
  img: 'document',
  image: 'document',
  emb: 'document',
  mot: 'mot',
  aut: 'auteur',
  auteur: 'auteur',
  br: 'breve',
  breve: 'breve',
  site: 'site',
  syn: 'site',
}

/** What `[texte->target]` points to, or null when SPIP would not make a link we can keep. */
export function parseRef(target: string): LinkTarget | null {
  const t = target.trim()
  if (/^(?:https?|ftp):\/\/\S+$/i.test(t) || /^mailto:\S+@\S+$/i.test(t)) return { kind: 'url', url: t }
  if (/^www\.\S+$/i.test(t)) return { kind: 'url', url: `http://${t}` }
  if (/^[^\s@/:]+@[^\s@/]+\.[a-z]{2,}$/i.test(t)) return { kind: 'url', url: `mailto:${t}` }
  const anchor = /^#([\w-]+)$/.exec(t)
  if (anchor) return { kind: 'anchor', name: anchor[1] }
  const ref = /^([a-z]*)\s*(\d+)(#[\w-]*)?$/i.exec(t)
  if (ref) {
    const type = ref[1] === '' ? 'article' : REF_TYPES[ref[1].toLowerCase()]
    if (type) return { kind: 'ref', type, id: Number(ref[2]), hash: ref[3] ?? '' }
  }
  return null
}
