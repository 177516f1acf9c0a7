/**
 * Bulk loading of generated content straight into Payload's tables, beside the seed: the main
 * tables, their `_rels` and array tables, and one published version per document in the
 * `_<collection>_v` tables (what the admin's version history and drafts read), in multi-row
 * INSERTs of JSON batches (`json_populate_recordset`: one parameter per batch, no parameter
 * limit). Ids are assigned here, then the serial sequences are moved past them.
 */
import { randomBytes } from 'node:crypto'

import type pg from 'pg'

import { slugify } from '../../src/lib/slug'
import type { TextGenerator } from './text'

type Row = Record<string, unknown>

export type Refs = {
  domainTags: number[]
  keywordTags: number[]
  partners: number[]
  axes: number[]
  themes: number[]
}

export type Counts = { projects: number; articles: number; glossary: number; comments: number; partners: number }

/** Ids and targets already loaded (the comments of the second batch also go to the first's pages). */
export type LoadState = {
  projects: { id: number; slug: string; published: boolean }[]
  articles: { id: number; slug: string; published: boolean }[]
  glossary: number[]
  /** The article that receives exactly HOT_COMMENTS approved comments. */
  hotArticle?: { id: number; slug: string }
  rows: number
  ms: number
}

export const HOT_COMMENTS = 200
const BATCH = 1000

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`
const objectId = () => randomBytes(12).toString('hex')
const hex = (n: number) => randomBytes(n).toString('hex')

/** INSERT of many rows, the columns taken from the first row. Returns the number of rows. */
export async function insertRows(db: pg.Pool | pg.PoolClient, table: string, rows: Row[]): Promise<number> {
  if (rows.length === 0) return 0
  const columns = Object.keys(rows[0]!).map(ident).join(', ')
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.query(
      `INSERT INTO ${ident(table)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`,
      [JSON.stringify(rows.slice(i, i + BATCH))],
    )
  }
  return rows.length
}

export async function nextId(db: pg.Pool, table: string): Promise<number> {
  const { rows } = await db.query(`SELECT coalesce(max(id), 0) + 1 AS next FROM ${ident(table)}`)
  return Number(rows[0].next)
}

/** Moves the serial sequence of `table.id` past the ids inserted by hand. */
export async function syncSequence(db: pg.Pool, table: string): Promise<void> {
  await db.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT coalesce(max(id), 1) FROM ${ident(table)}))`, [table])
}

async function columnTypes(db: pg.Pool, table: string): Promise<Map<string, string | null>> {
  const { rows } = await db.query<{ column_name: string; data_type: string; udt_name: string }>(
    `SELECT column_name, data_type, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  )
  // Enums differ between a table and its versions' table: those columns are cast by name.
  return new Map(rows.map((r) => [r.column_name, r.data_type === 'USER-DEFINED' ? r.udt_name : null]))
}

async function columnsOf(db: pg.Pool, table: string): Promise<string[]> {
  return [...(await columnTypes(db, table)).keys()]
}

/**
 * One "latest" published version per document whose id is ≥ fromId, copied in SQL from the main
 * table (column `x` → `version_x`), with its relations and array rows.
 */
export async function copyToVersions(db: pg.Pool, table: string, fromId: number, arrays: string[] = []): Promise<number> {
  const versions = `_${table}_v`
  const main = await columnsOf(db, table)
  const versionCols = await columnTypes(db, versions)
  const mapped = main.filter((c) => c !== 'id' && versionCols.has(`version_${c}`))
  const target = ['parent_id', ...mapped.map((c) => `version_${c}`), 'created_at', 'updated_at', 'latest', 'autosave']
  const source = [
    'id',
    ...mapped.map((c) => {
      const type = versionCols.get(`version_${c}`)
      return type ? `${ident(c)}::text::${ident(type)}` : ident(c)
    }),
    '"updated_at"',
    '"updated_at"',
    'true',
    'false',
  ]
  const res = await db.query(
    `INSERT INTO ${ident(versions)} (${target.map(ident).join(', ')})
     SELECT ${source.join(', ')} FROM ${ident(table)} WHERE id >= $1 ORDER BY id`,
    [fromId],
  )
  let count = res.rowCount ?? 0
  const relCols = (await columnsOf(db, `${table}_rels`)).filter((c) => c !== 'id' && c !== 'parent_id')
  const rels = await db.query(
    `INSERT INTO ${ident(`${versions}_rels`)} (parent_id, ${relCols.map(ident).join(', ')})
     SELECT v.id, ${relCols.map((c) => `r.${ident(c)}`).join(', ')}
     FROM ${ident(`${table}_rels`)} r JOIN ${ident(versions)} v ON v.parent_id = r.parent_id AND v.latest
     WHERE r.parent_id >= $1`,
    [fromId],
  )
  count += rels.rowCount ?? 0
  for (const array of arrays) {
    const cols = (await columnsOf(db, `${table}_${array}`)).filter((c) => !['id', '_parent_id'].includes(c))
    const res2 = await db.query(
      `INSERT INTO ${ident(`${versions}_version_${array}`)} (_parent_id, _uuid, ${cols.map(ident).join(', ')})
       SELECT v.id, a.id, ${cols.map((c) => `a.${ident(c)}`).join(', ')}
       FROM ${ident(`${table}_${array}`)} a JOIN ${ident(versions)} v ON v.parent_id = a._parent_id AND v.latest
       WHERE a._parent_id >= $1`,
      [fromId],
    )
    count += res2.rowCount ?? 0
  }
  return count
}

const dateBetween = (gen: TextGenerator, fromYear: number, toYear: number) =>
  new Date(Date.UTC(gen.int(fromYear, toYear), gen.int(0, 11), gen.int(1, 28), gen.int(7, 19), gen.int(0, 59))).toISOString()

const sample = <T>(gen: TextGenerator, items: readonly T[], n: number): T[] => {
  const out = new Set<T>()
  for (let i = 0; i < n * 3 && out.size < Math.min(n, items.length); i++) out.add(gen.pick(items))
  return [...out]
}

const RUBRIQUES = ['on-parle-de-nous', 'interviews', 'actualites', 'publications']
const SCOPES = ['national', 'regional', 'local', 'europeen', 'international']
const LEGAL_FORMS = ['association', 'scop', 'scic', 'sas', 'fondation', 'collectivite']
const LEVERS = ['Faire (re)connaître l’ESS', 'Essaimer les initiatives', 'Outiller les acteurs', 'Financer l’innovation sociale']
const PROGRAMMES = ['Création de valeurs', 'Territoires solidaires', 'Jeunesse et emploi', 'Transition écologique']
const MEDIA = ['Les Echos', 'Le Monde', 'Alternatives économiques', 'La Croix', 'Ouest-France', 'Libération']

/** Partners (carrying structures) beside the seed's. */
export async function loadPartners(db: pg.Pool, gen: TextGenerator, refs: Refs, count: number): Promise<number> {
  let id = await nextId(db, 'partners')
  const rows: Row[] = []
  const kinds: Row[] = []
  for (let i = 0; i < count; i++, id++) {
    const city = gen.place()
    const name = `${gen.pick(['Association', 'Coopérative', 'Réseau', 'Collectif', 'Fédération'])} ${gen.word()} de ${city}`
    const at = dateBetween(gen, 2010, 2025)
    rows.push({
      id,
      name,
      legal_form: gen.pick(LEGAL_FORMS),
      founded_year: gen.int(1970, 2020),
      founder: gen.person(),
      description: gen.lexical(gen.int(30, 90)),
      address_street: `${gen.int(1, 120)} rue ${gen.pick(['de la République', 'Victor-Hugo', 'Jean-Jaurès', 'des Écoles'])}`,
      address_postal_code: String(gen.int(10000, 95999)),
      address_city: city,
      address_country: 'France',
      email: `contact@structure-${id}.exemple.org`,
      website: `https://structure-${id}.exemple.org`,
      slug: `${slugify(name).slice(0, 80)}-${id}`,
      updated_at: at,
      created_at: at,
    })
    kinds.push({ order: 1, parent_id: id, value: 'structure-porteuse' })
    refs.partners.push(id)
  }
  let n = await insertRows(db, 'partners', rows)
  n += await insertRows(db, 'partners_kind', kinds)
  await syncSequence(db, 'partners')
  return n
}

export async function loadProjects(db: pg.Pool, gen: TextGenerator, refs: Refs, state: LoadState, count: number): Promise<number> {
  const first = await nextId(db, 'projects')
  const rows: Row[] = []
  const rels: Row[] = []
  const dates: Row[] = []
  for (let id = first; id < first + count; id++) {
    const title = gen.title()
    const slug = `${slugify(title).slice(0, 80)}-${id}`
    const published = !gen.chance(0.03)
    const at = dateBetween(gen, 2012, 2025)
    rows.push({
      id,
      title,
      summary: gen.text(gen.int(20, 40)),
      year: gen.chance(0.95) ? gen.int(2008, 2025) : null,
      scope: gen.pick(SCOPES),
      duration: `${gen.int(1, 4)} ans`,
      lever: gen.pick(LEVERS),
      programme: gen.pick(PROGRAMMES),
      carrying_structure_id: gen.pick(refs.partners),
      supported_project: gen.lexical(gen.int(60, 200)),
      context: gen.lexical(gen.int(50, 150)),
      structure: gen.lexical(gen.int(30, 100)),
      foundation_opinion: gen.lexical(gen.int(20, 80)),
      slug,
      content_updated_at: at,
      published_at: at,
      updated_at: at,
      created_at: at,
      _status: published ? 'published' : 'draft',
    })
    const rel = (path: string, column: string, ids: number[]) =>
      ids.forEach((value, i) => rels.push({ order: i + 1, parent_id: id, path, [column]: value }))
    rel('domains', 'tags_id', sample(gen, refs.domainTags, gen.int(1, 3)))
    rel('partners', 'partners_id', sample(gen, refs.partners, gen.int(0, 3)))
    rel('axes', 'axes_id', sample(gen, refs.axes, gen.int(0, 2)))
    rel('themes', 'themes_id', sample(gen, refs.themes, gen.int(0, 2)))
    if (state.projects.length > 0 && gen.chance(0.3)) rel('relatedProjects', 'projects_id', [gen.pick(state.projects).id])
    for (let k = 0, n = gen.int(1, 3); k < n; k++) {
      dates.push({ _order: k + 1, _parent_id: id, id: objectId(), date: dateBetween(gen, 2010, 2025), label: k ? 'Avenant' : null })
    }
    state.projects.push({ id, slug, published })
  }
  let n = await insertRows(db, 'projects', rows)
  n += await insertRows(db, 'projects_rels', fillRels(rels, ['tags_id', 'partners_id', 'axes_id', 'themes_id', 'projects_id']))
  n += await insertRows(db, 'projects_convention_dates', dates)
  n += await copyToVersions(db, 'projects', first, ['convention_dates'])
  await syncSequences(db, ['projects', 'projects_rels', '_projects_v', '_projects_v_rels', '_projects_v_version_convention_dates'])
  return n
}

export async function loadArticles(db: pg.Pool, gen: TextGenerator, refs: Refs, state: LoadState, count: number): Promise<number> {
  const first = await nextId(db, 'articles')
  const rows: Row[] = []
  const rels: Row[] = []
  const authors: Row[] = []
  for (let id = first; id < first + count; id++) {
    const title = gen.title()
    const slug = `${slugify(title).slice(0, 80)}-${id}`
    const hot = !state.hotArticle
    const published = hot || !gen.chance(0.03)
    const at = dateBetween(gen, 2012, 2025)
    const press = gen.chance(0.3)
    rows.push({
      id,
      title,
      excerpt: gen.text(gen.int(20, 45)),
      body: gen.lexical(gen.int(150, 700)),
      source_medium: press ? gen.pick(MEDIA) : null,
      source_section: null,
      source_published_on: press ? at : null,
      source_url: press ? `https://media.exemple.org/article-${id}` : null,
      source_label: null,
      slug,
      rubrique: press ? 'on-parle-de-nous' : gen.pick(RUBRIQUES),
      published_at: at,
      comment_mode: 'default',
      updated_at: at,
      created_at: at,
      _status: published ? 'published' : 'draft',
    })
    sample(gen, refs.keywordTags.concat(refs.domainTags), gen.int(1, 4)).forEach((tag, i) =>
      rels.push({ order: i + 1, parent_id: id, path: 'tags', tags_id: tag }),
    )
    if (state.projects.length && gen.chance(0.4)) rels.push({ order: 1, parent_id: id, path: 'relatedContent', projects_id: gen.pick(state.projects).id })
    if (state.articles.length && gen.chance(0.3)) rels.push({ order: 2, parent_id: id, path: 'relatedContent', articles_id: gen.pick(state.articles).id })
    for (let k = 0, n = gen.int(0, 2); k < n; k++) authors.push({ _order: k + 1, _parent_id: id, id: objectId(), name: gen.person() })
    state.articles.push({ id, slug, published })
    if (hot) state.hotArticle = { id, slug }
  }
  let n = await insertRows(db, 'articles', rows)
  n += await insertRows(db, 'articles_rels', fillRels(rels, ['tags_id', 'projects_id', 'axes_id', 'themes_id', 'articles_id']))
  n += await insertRows(db, 'articles_authors', authors)
  n += await copyToVersions(db, 'articles', first, ['authors'])
  await syncSequences(db, ['articles', 'articles_rels', '_articles_v', '_articles_v_rels', '_articles_v_version_authors'])
  return n
}

export async function loadGlossary(db: pg.Pool, gen: TextGenerator, state: LoadState, count: number): Promise<number> {
  const first = await nextId(db, 'glossary_terms')
  const rows: Row[] = []
  const variants: Row[] = []
  const rels: Row[] = []
  for (let id = first; id < first + count; id++) {
    const term = `${gen.word()} ${gen.pick(['solidaire', 'coopératif', 'territorial', 'social', 'citoyen'])}`
    const at = dateBetween(gen, 2012, 2025)
    rows.push({
      id,
      term,
      short_definition: gen.text(gen.int(15, 40)),
      definition: gen.lexical(gen.int(40, 150)),
      slug: `${slugify(term)}-${id}`,
      published_at: at,
      updated_at: at,
      created_at: at,
      _status: 'published',
    })
    if (gen.chance(0.3)) variants.push({ _order: 1, _parent_id: id, id: objectId(), variant: `${term}s` })
    if (state.glossary.length && gen.chance(0.3)) rels.push({ order: 1, parent_id: id, path: 'relatedTerms', glossary_terms_id: gen.pick(state.glossary) })
    state.glossary.push(id)
  }
  let n = await insertRows(db, 'glossary_terms', rows)
  n += await insertRows(db, 'glossary_terms_variants', variants)
  n += await insertRows(db, 'glossary_terms_rels', rels)
  n += await copyToVersions(db, 'glossary_terms', first, ['variants'])
  await syncSequences(db, ['glossary_terms', 'glossary_terms_rels', '_glossary_terms_v', '_glossary_terms_v_rels', '_glossary_terms_v_version_variants'])
  return n
}

const STATUSES: [string, number][] = [
  ['approved', 0.9],
  ['pending', 0.06],
  ['rejected', 0.02],
  ['spam', 0.02],
]

/**
 * Comments, mostly approved, on the generated articles (90 %) and projects; replies to earlier
 * approved comments of the same page now and then. The hot article gets exactly HOT_COMMENTS
 * approved comments (all in the first batch).
 */
export async function loadComments(db: pg.Pool, gen: TextGenerator, state: LoadState, count: number): Promise<number> {
  let id = await nextId(db, 'comments')
  const rows: Row[] = []
  const rels: Row[] = []
  const roots = new Map<string, number>()
  const hot = state.hotArticle!
  const hotKey = `articles:${hot.id}`
  const { rows: existing } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM comments WHERE target_key = $1`, [hotKey])
  let hotLeft = HOT_COMMENTS - existing[0]!.n
  const articles = state.articles.filter((a) => a.id !== hot.id)
  for (let i = 0; i < count; i++, id++) {
    let collection: 'articles' | 'projects'
    let target: { id: number; published: boolean }
    let status: string
    if (hotLeft > 0) {
      collection = 'articles'
      target = { id: hot.id, published: true }
      status = 'approved'
      hotLeft--
    } else {
      collection = gen.chance(0.9) ? 'articles' : 'projects'
      target = gen.pick(collection === 'articles' ? articles : state.projects)
      let r = gen.random()
      status = STATUSES.find(([, p]) => (r -= p) < 0)?.[0] ?? 'approved'
    }
    const key = `${collection}:${target.id}`
    const parent = status === 'approved' && gen.chance(0.15) ? roots.get(key) : undefined
    const body = gen.text(gen.int(12, 60))
    const at = dateBetween(gen, 2013, 2025)
    const name = gen.person()
    rows.push({
      id,
      parent_id: parent ?? null,
      author_name: name,
      author_email: `${slugify(name)}.${id}@exemple.test`,
      body,
      status,
      by_staff: false,
      ip_hash: hex(32),
      user_agent: 'Mozilla/5.0 (bench)',
      level: parent ? 2 : 1,
      target_key: key,
      target_published: target.published,
      excerpt: body.length > 80 ? `${body.slice(0, 79)}…` : body,
      fingerprint: hex(32),
      created_at: at,
      updated_at: at,
    })
    rels.push({ order: null, parent_id: id, path: 'target', [`${collection}_id`]: target.id })
    if (status === 'approved' && !parent) roots.set(key, id)
  }
  let n = await insertRows(db, 'comments', rows)
  n += await insertRows(db, 'comments_rels', fillRels(rels, ['articles_id', 'projects_id']))
  await syncSequences(db, ['comments', 'comments_rels'])
  return n
}

/** Same keys on every row (json_populate_recordset takes the columns from the first one). */
function fillRels(rows: Row[], columns: string[]): Row[] {
  return rows.map((r) => {
    const out: Row = { order: r.order ?? null, parent_id: r.parent_id, path: r.path }
    for (const c of columns) out[c] = r[c] ?? null
    return out
  })
}

async function syncSequences(db: pg.Pool, tables: string[]) {
  for (const t of tables) await syncSequence(db, t)
}
