/**
 * SPIP rows → the data of Payload documents. Pure: references go through `resolve` (see
 * src/lib/spip-markup), ids of related documents through `ids`; no Payload here.
 */
import { decodeHTML } from 'entities'

import { LEGAL_FORMS } from '../collections/Partners'
import { PROJECT_SCOPES } from '../collections/Projects/options'
import { spipToLexical, spipToText, type SpipReport, type SpipResolver } from '../lib/spip-markup'
import { resolveMulti } from '../lib/spip-markup/parse'
import { slugify } from '../lib/slug'
import { plainTitle } from './mapping'
import type { SpipArticle, SpipForum } from './schema'

export type Data = Record<string, unknown>

/** SPIP datetimes are naive local time (the server's, usually Europe/Paris or UTC): read as UTC. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value || value.startsWith('0000')) return null
  const d = new Date(`${value.replace(' ', 'T')}Z`)
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1971 ? null : d.toISOString()
}

/** A day shown as a date ("Mis à jour le 09/03/2023"): noon UTC, the same day in every time zone. */
const dayAtNoon = (value: string | null): string | null => (isoDate(value) ? `${value!.slice(0, 10)}T12:00:00.000Z` : null)

/** SPIP markup as plain text (chapeau, short definition): shortcuts, tags and entities removed. */
export function plainText(s: string): string {
  const text = spipToText(resolveMulti(s).replace(/<\/?(?:p|div|br)\b[^>]*>/gi, '\n\n').replace(/<[^>]+>/g, ''))
  return decodeHTML(text).replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim()
}

/** Merges a conversion report into the import's. */
export type ReportSink = (report: SpipReport) => void

export type Convert = { resolve: SpipResolver; sink: ReportSink }

export function lexical(text: string, c: Convert): unknown {
  if (!text.trim()) return null
  const { root, report } = spipToLexical(text, c.resolve)
  c.sink(report)
  return root
}

const joinText = (...parts: string[]) => parts.filter((p) => p.trim()).join('\n\n')

/** SPIP statuses: publie → published, prop/prepa → draft; anything else is not imported. */
export function publication(statut: string): 'published' | 'draft' | null {
  if (statut === 'publie') return 'published'
  if (statut === 'prop' || statut === 'prepa') return 'draft'
  return null
}

export const COMMENT_MODE: Record<string, string> = { pri: 'a-priori', pos: 'a-posteriori', abo: 'a-priori', non: 'closed' }

// --- sections of a text -----------------------------------------------------------------------------

export type Section = { title: string; slug: string; text: string }

/** Splits SPIP text at its intertitres `{{{…}}}` (top level, alone on their line). */
export function sections(text: string): { lead: string; sections: Section[] } {
  const out: Section[] = []
  const re = /^[ \t]*\{\{\{([\s\S]*?)\}\}\}[ \t]*$/gm
  let last = 0
  let lead = ''
  let current: Section | null = null
  for (const m of text.matchAll(re)) {
    const body = text.slice(last, m.index)
    if (current) current.text = body.trim()
    else lead = body.trim()
    const title = plainTitle(m[1])
    current = { title, slug: slugify(title), text: '' }
    out.push(current)
    last = (m.index ?? 0) + m[0].length
  }
  if (current) current.text = text.slice(last).trim()
  else lead = text.trim()
  return { lead, sections: out }
}

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre']

/** "Septembre 2017", "09/2017", "2017-09" → the month at noon UTC on the 1st; null otherwise. */
export function monthOf(text: string): string | null {
  const t = slugify(text)
  let m = /^([a-z]+)-(\d{4})$/.exec(t)
  let month = m ? MONTHS.indexOf(m[1]) + 1 : 0
  let year = m ? Number(m[2]) : 0
  if (!m) {
    m = /^(\d{1,2})-(\d{4})$/.exec(t) ?? null
    if (m) [month, year] = [Number(m[1]), Number(m[2])]
    else if ((m = /^(\d{4})-(\d{1,2})$/.exec(t))) [year, month] = [Number(m[1]), Number(m[2])]
  }
  if (!month || month > 12 || year < 1900) return null
  return `${year}-${String(month).padStart(2, '0')}-01T12:00:00.000Z`
}

const listItems = (text: string) =>
  text
    .split('\n')
    .map((l) => /^\s*-[*#]?\s*(.+)$/.exec(l)?.[1]?.trim())
    .filter((l): l is string => Boolean(l))

const LINK_RE = /\[([^\][]*?)->\s*([^\]]+?)\s*\]/g

const SOCIAL: [RegExp, string][] = [
  [/youtube\.com|youtu\.be/, 'youtube'],
  [/twitter\.com|\/\/x\.com/, 'twitter'],
  [/facebook\.com/, 'facebook'],
  [/linkedin\.com/, 'linkedin'],
  [/instagram\.com/, 'instagram'],
  [/bsky\.app/, 'bluesky'],
  [/mastodon|\/@\w+$/, 'mastodon'],
]

/** « Infos de contact »: address lines, e-mail, website, social links of the carrying structure. */
export function contactOf(text: string): Data {
  const contact: Data = {}
  const social: { network: string; url: string }[] = []
  const lines: string[] = []
  for (const para of text.split(/\n\s*\n/)) {
    let rest = para
    for (const m of para.matchAll(LINK_RE)) {
      const url = m[2].trim()
      if (/^mailto:/i.test(url)) contact.email = url.slice(7)
      else if (/^https?:\/\//i.test(url)) {
        const network = SOCIAL.find(([re]) => re.test(url))?.[1]
        if (network) social.push({ network, url })
        else contact.website ??= url
      }
      rest = rest.replace(m[0], '')
    }
    for (const l of rest.split(/_\s|\n/)) if (l.trim()) lines.push(plainText(l))
  }
  if (lines.length) {
    const cityLine = lines.findIndex((l) => /^\d{5}\s+\S/.test(l))
    const address: Data = { street: lines.slice(0, cityLine > 0 ? cityLine : lines.length).join(', ') }
    if (cityLine >= 0) {
      const [, postalCode, city] = /^(\d{5})\s+(.+)$/.exec(lines[cityLine])!
      Object.assign(address, { postalCode, city, country: lines[cityLine + 1] ?? 'France' })
    }
    contact.address = address
  }
  if (social.length) contact.socialLinks = social
  return contact
}

const optionBy = (options: { label: string; value: string }[], title: string) =>
  options.find((o) => slugify(o.label) === slugify(title) || o.value === slugify(title))?.value ?? null

// --- articles ----------------------------------------------------------------------------------------

export type ArticleContext = Convert & {
  authors: string[]
  tags: number[]
  section: string
  status: 'published' | 'draft'
}

export function articleData(a: SpipArticle, c: ArticleContext): Data {
  const excerpt = joinText(plainText(a.soustitre), plainText(a.chapo)) || plainText(a.descriptif)
  const data: Data = {
    title: plainTitle(a.titre) || `Article ${a.id_article}`,
    excerpt: excerpt || null,
    body: lexical(joinText(a.texte, a.ps), c),
    authors: c.authors.map((name) => ({ name })),
    tags: c.tags,
    rubrique: c.section,
    publishedAt: isoDate(a.date),
    commentMode: COMMENT_MODE[a.accepter_forum] ?? 'default',
    _status: c.status,
  }
  if (/^https?:\/\//i.test(a.url_site.trim())) data.source = { url: a.url_site.trim(), label: plainTitle(a.nom_site) || null }
  return data
}

export function pageData(a: { titre: string; descriptif?: string; chapo?: string; texte: string; ps?: string; date: string | null }, c: Convert & { parent: number | null; status: 'published' | 'draft' }): Data {
  return {
    title: plainTitle(a.titre) || 'Sans titre',
    body: lexical(joinText(a.chapo ?? '', a.texte, a.ps ?? ''), c),
    parent: c.parent,
    publishedAt: isoDate(a.date),
    _status: c.status,
  }
}

// --- projects ----------------------------------------------------------------------------------------

export type ProjectFields = { domains: number[]; scope: string[]; lever: string[]; programme: string[]; legalForm: string[] }

export type ProjectContext = Convert & {
  fields: ProjectFields
  cover: number | null
  status: 'published' | 'draft'
  /** Ids of the earlier projects the text links to (« Voir d’anciens projets »). */
  relatedProjects: number[]
}

const SECTION_FIELDS: Record<string, 'context' | 'structure' | 'foundationOpinion' | 'supportedProject'> = {
  'le-contexte': 'context',
  contexte: 'context',
  'la-structure': 'structure',
  structure: 'structure',
  'l-avis-de-la-fondation': 'foundationOpinion',
  'avis-de-la-fondation': 'foundationOpinion',
  'le-projet-soutenu': 'supportedProject',
  'projet-soutenu': 'supportedProject',
}
const isConvention = (slug: string) => /^dates?-de-signature/.test(slug)
const isContact = (slug: string) => /^(infos?|informations)-de-contact$|^contact$/.test(slug)
const isEarlier = (slug: string) => /anciens-projets$/.test(slug)

/** The chapeau « {{Le projet soutenu}} Text / 2 ans »: the text and the duration. */
export function supportedOf(chapo: string): { text: string; duration: string | null } {
  let text = chapo.replace(/^\s*\{\{\{?\s*Le projet soutenu\s*\}?\}\}\s*/i, '').trim()
  let duration: string | null = null
  const m = /\s+\/\s+(\d+\s+(?:ans?|mois|années?))\s*$/i.exec(text)
  if (m) {
    duration = m[1]
    text = text.slice(0, m.index).trim()
  }
  return { text, duration }
}

/** The article refs of a text (« Voir d’anciens projets »). */
export const articleRefs = (text: string): number[] =>
  [...text.matchAll(LINK_RE)].map((m) => /^(?:art(?:icle)?)?\s*(\d+)$/i.exec(m[2].trim())?.[1]).filter(Boolean).map(Number)

/**
 * A project card: surtitre → year, chapeau → « Le projet soutenu » and its duration, the texte's
 * intertitres → context, structure, convention dates, contact (of the carrying structure) and
 * earlier projects; post-scriptum → « L’avis de la fondation ». Sections of other titles stay in
 * the context, under their heading.
 */
export function projectData(a: SpipArticle, c: ProjectContext): { data: Data; structure: Data | null } {
  const supported = supportedOf(a.chapo)
  const texts: Record<string, string[]> = { context: [], structure: [], foundationOpinion: [], supportedProject: [supported.text] }
  const conventionDates: Data[] = []
  let contact: Data | null = null
  const all = sections(joinText(a.texte, a.ps))
  if (all.lead) texts.context.push(all.lead)
  for (const s of all.sections) {
    const field = SECTION_FIELDS[s.slug]
    if (field) texts[field].push(s.text)
    else if (isConvention(s.slug)) {
      for (const item of listItems(s.text).length ? listItems(s.text) : s.text.split('\n')) {
        const date = monthOf(plainText(item))
        if (date) conventionDates.push({ date })
        else if (item.trim()) texts.context.push(`{{{${s.title}}}}\n\n${item}`)
      }
    } else if (isContact(s.slug)) contact = contactOf(s.text)
    else if (isEarlier(s.slug)) continue
    else texts.context.push(`{{{${s.title}}}}\n\n${s.text}`)
  }
  const year = /^\s*(\d{4})\s*$/.exec(plainText(a.surtitre))?.[1] ?? (a.date_redac ?? a.date ?? '').slice(0, 4)
  const scope = c.fields.scope.map((t) => optionBy(PROJECT_SCOPES, t)).find(Boolean) ?? null
  const data: Data = {
    title: plainTitle(a.titre) || `Projet ${a.id_article}`,
    summary: plainText(supported.text) || plainText(a.descriptif) || null,
    cover: c.cover,
    year: year ? Number(year) : null,
    scope,
    duration: supported.duration,
    domains: c.fields.domains,
    lever: c.fields.lever.join(', ') || null,
    programme: c.fields.programme.join(', ') || null,
    conventionDates,
    relatedProjects: c.relatedProjects,
    supportedProject: lexical(joinText(...texts.supportedProject), c),
    context: lexical(joinText(...texts.context), c),
    structure: lexical(joinText(...texts.structure), c),
    foundationOpinion: lexical(joinText(...texts.foundationOpinion), c),
    contentUpdatedAt: dayAtNoon(a.date_modif),
    publishedAt: isoDate(a.date),
    _status: c.status,
  }
  // The carrying structure: named by the title's first part (« Structure - Projet »), else the site's name.
  const dash = /^(.+?)\s+[-–—]\s+/.exec(plainTitle(a.titre))?.[1]
  const name = dash ?? (plainTitle(a.nom_site) !== 'Voir site Internet' ? plainTitle(a.nom_site) : '')
  let structure: Data | null = null
  if (name && (contact || a.url_site || c.fields.legalForm.length)) {
    const website = (contact as Data | null)?.website ?? (/^https?:\/\//i.test(a.url_site) ? a.url_site.trim() : undefined)
    structure = {
      name,
      kind: ['structure-porteuse'],
      legalForm: c.fields.legalForm.map((t) => optionBy(LEGAL_FORMS, t)).find(Boolean) ?? null,
      ...(contact ?? {}),
      ...(website ? { website } : {}),
    }
  }
  return { data, structure }
}

// --- glossary, tags, users, comments -------------------------------------------------------------------

export function glossaryData(m: { titre: string; descriptif: string; texte: string }, c: Convert): Data {
  const term = plainTitle(m.titre)
  let short = plainText(m.descriptif) || plainText(m.texte) || term
  if (short.length > 600) short = `${short.slice(0, 599).replace(/\s+\S*$/, '')}…`
  return { term, shortDefinition: short, definition: lexical(m.texte, c), _status: 'published' }
}

export type CommentRow = {
  authorName: string
  authorEmail: string | null
  authorWebsite: string | null
  body: string
  status: 'approved' | 'pending' | 'rejected' | 'spam'
  createdAt: string
}

export const FORUM_STATUS: Record<string, CommentRow['status']> = { publie: 'approved', prop: 'pending', off: 'rejected', spam: 'spam' }

/** A forum message: its author's name, e-mail and website, body (SPIP shortcuts kept), status and date; never its IP. */
export function commentData(f: SpipForum, authorName: string | null): CommentRow | null {
  const status = FORUM_STATUS[f.statut]
  if (!status) return null
  const website = f.url_site.trim()
  const email = f.email_auteur.trim()
  return {
    authorName: (plainTitle(f.auteur) || authorName || 'Anonyme').slice(0, 100),
    authorEmail: /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email.slice(0, 254) : null,
    authorWebsite: /^https?:\/\/\S+$/i.test(website) && website.length <= 500 ? website : null,
    body: resolveMulti(f.texte).replace(/\r\n?/g, '\n').trim(),
    status,
    createdAt: isoDate(f.date_heure) ?? new Date(0).toISOString(),
  }
}
