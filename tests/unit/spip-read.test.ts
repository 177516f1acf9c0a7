import { readFileSync } from 'node:fs'

import { beforeAll, describe, expect, it } from 'vitest'

import { SpipDumpError } from '../../src/spip-import/errors'
import {
  formatSummary,
  logosFromFiles,
  readSpipDump,
  readSpipDumpFrom,
  summary,
  type SpipDump,
} from '../../src/spip-import/read'
import { releaseFromPluginMeta, spipVersion } from '../../src/spip-import/schema'

const LABO = 'tests/fixtures/spip/labo'

function error(run: () => unknown): SpipDumpError {
  try {
    run()
  } catch (e) {
    if (e instanceof SpipDumpError) return e
    throw e
  }
  throw new Error('no SpipDumpError thrown')
}

/** Rows of the MANIFEST.md table that follows `heading`. */
function manifestTable(heading: string): string[][] {
  const text = readFileSync(`${LABO}/MANIFEST.md`, 'utf8')
  const lines = text.slice(text.indexOf(heading)).split('\n')
  const start = lines.findIndex((l) => l.startsWith('|'))
  const rows: string[][] = []
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break
    rows.push(line.split('|').slice(1, -1).map((c) => c.trim()))
  }
  return rows
}

describe('reading the labo site (SPIP 4.1.15)', () => {
  let d: SpipDump
  beforeAll(async () => {
    d = await readSpipDump(`${LABO}/spip_labo.sql`, { mediaDir: `${LABO}/IMG` })
  })

  it('finds the version, the prefix, and every table', () => {
    expect(d.version).toEqual({ base: 2022022302, branch: '4.1', release: '4.1.15', label: 'SPIP 4.1.15' })
    expect(d.prefix).toBe('spip_')
    expect(d.missingTables).toEqual([])
    expect(d.warnings).toEqual([])
    expect(d.meta).toMatchObject({ type_urls: 'propres', forums_publics: 'pri', charset: 'utf-8', nom_site: "Le Labo de l'ESS" })
  })

  it('counts what MANIFEST.md lists', () => {
    expect(summary(d)).toEqual({
      version: 'SPIP 4.1.15',
      prefix: 'spip_',
      rubriques: 12,
      articles: 30,
      articlesParStatut: { publie: 26, refuse: 1, prop: 1, prepa: 1, poubelle: 1 },
      groupesMots: 6,
      mots: 24,
      auteurs: 6,
      auteursParStatut: { '0minirezo': 2, '1comite': 2, '5poubelle': 1, '6forum': 1 },
      documents: 3,
      documentsParMode: { document: 1, image: 1, logoon: 1 },
      forums: 16,
      forumsParStatut: { publie: 7, prop: 3, spam: 2, off: 2, prive: 2 },
      urls: 68,
      syndic: 0,
      logos: 1,
      liens: { mots: 48, auteurs: 32, documents: 3 },
    })
    expect(formatSummary(summary(d))).toEqual([
      'SPIP 4.1.15 (tables spip_*)',
      'Rubriques : 12',
      'Articles : 30 (publie 26, poubelle 1, prepa 1, prop 1, refuse 1)',
      'Groupes de mots-clés : 6 ; mots-clés : 24 ; liens : 48',
      'Auteurs : 6 (0minirezo 2, 1comite 2, 5poubelle 1, 6forum 1)',
      'Documents : 3 (document 1, image 1, logoon 1) ; logos : 1',
      'Messages de forum : 16 (publie 7, prop 3, off 2, prive 2, spam 2)',
      'URLs : 68',
      'Sites référencés : 0',
    ])
  })

  it("reads article 27's fields (the project card)", () => {
    const a = d.articles.find((x) => x.id_article === 27)!
    expect(a).toMatchObject({
      id_rubrique: 12,
      id_secteur: 12,
      surtitre: '2020',
      titre: "Le Labo de l'ESS - Des lieux pour accueillir l'ESS",
      soustitre: '',
      nom_site: 'Voir site Internet',
      url_site: 'https://www.lelabo-ess.org',
      virtuel: '',
      statut: 'publie',
      date: '2020-09-15 09:00:00',
      date_redac: '2020-06-30 00:00:00',
      date_modif: '2023-03-09 14:32:03',
      accepter_forum: 'non',
      lang: 'fr',
      id_trad: 0,
      raw: { maj: '2023-03-09 14:32:00', export: 'oui', visites: 0, referers: 0, popularite: 0 },
    })
    expect(a.chapo).toMatch(/^\{\{Le projet soutenu\}\}\n\n/)
    expect(a.ps).toMatch(/^\{\{\{L'avis de la fondation\}\}\}\n\n/)
    expect(a.descriptif).toBe('{{Partenaire national}} - Éducation, Culture, Promotion ESS - Association - {Mis à jour le 09/03/2023}')
    const intertitres = [...a.texte.matchAll(/\{\{\{([^}]+)\}\}\}/g)].map((m) => m[1])
    expect(intertitres).toEqual([
      'Le contexte',
      'La structure',
      'Date de signature de la convention',
      'Infos de contact',
      "Voir d'anciens projets",
    ])
    expect(a.texte).toMatch(/->art23\]/)
    expect(a.texte).toMatch(/->art26\]/)
    const mots = d.motsLiens.filter((l) => l.objet === 'article' && l.id_objet === 27).map((l) => l.id)
    expect(mots.sort((x, y) => x - y)).toEqual([15, 16, 17, 19, 20, 21, 23])
    expect(d.auteursLiens.filter((l) => l.objet === 'article' && l.id_objet === 27).map((l) => l.id)).toEqual([2])
    expect(d.logos).toEqual([
      { objet: 'article', id_objet: 27, etat: 'on', fichier: 'logo/logo-labo-ess.png', source: 'document', id_document: 3 },
    ])
  })

  it('keeps statuses, multi blocks and typographic apostrophes as stored', () => {
    const statut = (id: number) => d.articles.find((a) => a.id_article === id)!.statut
    expect([28, 29, 30, 14].map(statut)).toEqual(['refuse', 'prop', 'prepa', 'poubelle'])
    expect(d.articles.find((a) => a.id_article === 15)!.titre).toMatch(/^<multi>\[fr\]Le Labo en bref \[en\]The Labo in brief \[es\]/)
    expect(d.articles.find((a) => a.id_article === 18)!.titre).toMatch(/^Décideurs en région - Labo de l’ESS/)
  })

  it('reads the rubrique tree', () => {
    const tree = manifestTable('## Rubriques (tree)')
    expect(d.rubriques.map((r) => [r.id_rubrique, r.id_parent, r.id_secteur, r.statut, r.lang])).toEqual(
      tree.map((row) => [Number(row[0]), Number(row[1]), Number(row[2]), row[4], row[5]]),
    )
    expect(d.rubriques.map((r) => r.titre)).toEqual(tree.map((row) => row[6].replace(/^(&nbsp;)+/, '')))
  })

  it('reads forum thread 1 → 2 → 3, its pending reply 4 (IPv6) and the other statuses', () => {
    const f = (id: number) => d.forums.find((x) => x.id_forum === id)!
    expect(f(1)).toMatchObject({ id_parent: 0, id_thread: 1, objet: 'article', id_objet: 18, statut: 'publie', auteur: 'Marc Olivier', email_auteur: 'marc.olivier@example.com', id_auteur: 0 })
    expect(f(2)).toMatchObject({ id_parent: 1, id_thread: 1, statut: 'publie', auteur: 'Camille Durand', id_auteur: 2, date_heure: '2016-02-09 14:30:02' })
    expect(f(3)).toMatchObject({ id_parent: 2, id_thread: 1, statut: 'publie', titre: 'Re: Merci pour cet éclairage' })
    expect(f(4)).toMatchObject({ id_parent: 1, id_thread: 1, statut: 'prop', ip: '2a01:cb1c:8ff:9e00::42', date_thread: null })
    expect(f(6).texte).toBe('Best [cheap loans->http://cheap-loans.spam.example/?ref=labo] online !!! <a href="http://casino.spam.example">casino</a>')
    expect([5, 12].map((id) => f(id).statut)).toEqual(['off', 'off'])
    expect([6, 11].map((id) => f(id).statut)).toEqual(['spam', 'spam'])
    expect([7, 13].map((id) => f(id).statut)).toEqual(['prop', 'prop'])
    expect(f(7).id_auteur).toBe(6)
    expect(f(9).id_auteur).toBe(5)
    expect([15, 16].map((id) => [f(id).statut, f(id).objet, f(id).id_objet])).toEqual([['prive', 'article', 29], ['prive', 'article', 29]])
    expect(d.forums.filter((x) => x.id_parent === 0)).toHaveLength(10)
  })

  it('reads documents 1–3, their files (all present in IMG/) and links', () => {
    expect(d.documents.map((x) => [x.id_document, x.fichier, x.mode, x.media, x.extension, x.taille, x.largeur, x.hauteur, x.distant, x.statut])).toEqual([
      [1, 'pdf/synthese_cahiers-d-esperances_2012.pdf', 'document', 'file', 'pdf', 1206, 0, 0, false, 'publie'],
      [2, 'jpg/rencontre-annuelle-2019.jpg', 'image', 'image', 'jpg', 31952, 1024, 683, false, 'publie'],
      [3, 'logo/logo-labo-ess.png', 'logoon', 'image', 'png', 7579, 320, 200, false, 'publie'],
    ])
    for (const doc of d.documents) expect(readFileSync(`${LABO}/IMG/${doc.fichier}`).length).toBe(doc.taille)
    expect(d.documents[0]).toMatchObject({ titre: "Synthèse des Cahiers d'espérances (janvier 2012)", descriptif: '4 pages, {{PDF}}', credits: "Le Labo de l'ESS", duree: null })
    expect(d.documents[1].alt).toBe('Salle de la rencontre annuelle')
    expect(d.documentsLiens.map((l) => [l.id, l.objet, l.id_objet, l.vu])).toEqual([
      [1, 'article', 4, 'oui'],
      [2, 'article', 25, 'oui'],
      [3, 'article', 27, 'non'],
    ])
  })

  it('reads the keywords of group 1 « Glossaire » and the authors', () => {
    expect(d.groupesMots[0]).toMatchObject({ id_groupe: 1, titre: 'Glossaire', tables_liees: 'articles', unseul: 'non', obligatoire: 'non' })
    const glossaire = d.mots.filter((m) => m.id_groupe === 1)
    expect(glossaire.map((m) => [m.id_mot, m.titre, m.type])).toEqual([
      [1, 'ESS', 'Glossaire'],
      [2, 'PTCE', 'Glossaire'],
      [3, 'AMAP', 'Glossaire'],
      [4, 'Circuits courts', 'Glossaire'],
      [5, 'Outils financiers solidaires', 'Glossaire'],
      [6, 'Coopération', 'Glossaire'],
    ])
    expect(glossaire[1].descriptif).toBe('Pôles territoriaux de coopération économique.')
    const links = (id: number) => d.motsLiens.filter((l) => l.id === id).length
    expect([1, 2, 3, 4, 5, 6].map(links)).toEqual([5, 4, 2, 3, 1, 3])
    expect(d.auteurs.map((a) => [a.id_auteur, a.nom, a.statut, a.webmestre])).toEqual(
      manifestTable('## Authors').map((row) => [Number(row[0]), row[1], row[2], row[3]]),
    )
    for (const a of d.auteurs) {
      expect(Object.keys(a.raw)).not.toContain('pass')
      expect(Object.keys(a.raw)).not.toContain('backup_cles')
    }
  })

  it('reads every spip_urls row', () => {
    const expected: [string, number, string][] = []
    for (const row of manifestTable('## Articles')) if (row[14]) expected.push(['article', Number(row[0]), row[14]])
    for (const row of manifestTable('## Rubriques (tree)')) expected.push(['rubrique', Number(row[0]), row[7].slice(1, -1)])
    for (const row of manifestTable('## Keyword groups')) {
      for (const m of row[5].split('<br>')) {
        const [, id, url] = /^(\d+):.*`\+-(.+)-\+`$/.exec(m)!
        expected.push(['mot', Number(id), url])
      }
    }
    for (const row of manifestTable('## Authors')) if (row[7] !== '-') expected.push(['auteur', Number(row[0]), row[7].slice(1, -1)])
    expect(d.urls).toHaveLength(68)
    expect(expected).toHaveLength(68)
    const got = d.urls.map((u) => [u.type, u.id_objet, u.url] as [string, number, string])
    const key = (x: [string, number, string]) => `${x[0]}:${x[1]}`
    const byKey = new Map(got.map((x) => [key(x), x[2]]))
    for (const e of expected) {
      const url = byKey.get(key(e))
      // MANIFEST.md shortens long URLs with "...".
      if (e[2].endsWith('...')) expect(url?.startsWith(e[2].slice(0, -3))).toBe(true)
      else expect(url).toBe(e[2])
    }
    expect(d.urls.every((u) => u.id_parent === 0 && u.segments === 1 && !u.perma && u.langue === '')).toBe(true)
    expect(d.urls[0]).toEqual({ url: 'Karim-Benali', type: 'auteur', id_objet: 3, id_parent: 0, date: '2012-01-10 18:02:01', segments: 1, perma: false, langue: '' })
  })
})

describe('reading other SPIP dumps', () => {
  it('reads a SPIP 3.2 phpMyAdmin dump with the prefix monsite_ and SPIP 3 logo files', async () => {
    const d = await readSpipDump('tests/fixtures/spip/spip32-phpmyadmin.sql', {
      imgFiles: ['arton1.jpg', 'artoff1.jpg', 'rubon1.png', 'siteon0.png', 'moton12.GIF', 'remove.txt', 'arton.jpg'],
    })
    expect(d.prefix).toBe('monsite_')
    expect(d.version).toMatchObject({ base: 23375, branch: '3.2', release: '3.2.11', label: 'SPIP 3.2.11' })
    expect(d.dump.tool).toBe('phpmyadmin')
    expect(d.missingTables).toEqual([
      'monsite_groupes_mots', 'monsite_mots', 'monsite_mots_liens', 'monsite_auteurs', 'monsite_auteurs_liens',
      'monsite_documents', 'monsite_documents_liens', 'monsite_syndic',
    ])
    expect(d.warnings).toEqual([])
    const [a1, a2] = d.articles
    expect(a1).toMatchObject({ titre: "<multi>[fr]L'économie « sociale »[en]Social economy</multi>", accepter_forum: 'pos', date_redac: null })
    expect(a1.texte).toBe('Premier paragraphe ; avec un point-virgule.\r\n\r\n{{{Intertitre}}}\r\n\r\n-* point 1\r\n-* point 2 -- pas un commentaire')
    expect(a1.raw).toMatchObject({ champ_extra: 'valeur extra', visites: 12, popularite: 0.5 })
    expect(a2.virtuel).toBe('art1')
    expect(d.rubriques.map((r) => [r.id_rubrique, r.titre, r.id_parent, r.date])).toEqual([
      [1, 'Actualités', 0, '2019-03-05 10:00:00'],
      [2, 'Archives', 1, null],
    ])
    expect(d.forums.map((f) => [f.id_forum, f.id_parent, f.texte, f.ip])).toEqual([
      [1, 0, 'C\'est "clair" ?', '192.0.2.1'],
      [2, 1, 'Oui.', '2001:db8::1'],
    ])
    expect(d.urls.map((u) => [u.url, u.perma, u.langue])).toEqual([
      ['L-economie-sociale', false, ''],
      ['l-economie-sociale-et-solidaire', true, ''],
      ['Actualites', false, ''],
    ])
    expect(d.logos).toEqual([
      { objet: 'article', id_objet: 1, etat: 'off', fichier: 'artoff1.jpg', source: 'fichier' },
      { objet: 'article', id_objet: 1, etat: 'on', fichier: 'arton1.jpg', source: 'fichier' },
      { objet: 'mot', id_objet: 12, etat: 'on', fichier: 'moton12.GIF', source: 'fichier' },
      { objet: 'rubrique', id_objet: 1, etat: 'on', fichier: 'rubon1.png', source: 'fichier' },
      { objet: 'site', id_objet: 0, etat: 'on', fichier: 'siteon0.png', source: 'fichier' },
    ])
  })

  it('reads a SPIP 3.0 mysqldump in latin1 with Windows line endings, without mojibake', async () => {
    const d = await readSpipDump('tests/fixtures/spip/spip30-latin1-crlf.sql')
    expect(d.version).toMatchObject({ base: 19268, branch: '3.0', release: null, label: 'SPIP 3.0' })
    expect(d.dump).toMatchObject({ charset: 'latin1', crlf: true, completed: true, tool: 'mysqldump' })
    expect(d.meta.nom_site).toBe("Café de l'économie € œuvre")
    expect(d.rubriques[0].titre).toBe('Éditos')
    expect(d.articles.map((a) => [a.titre, a.texte])).toEqual([
      ["L'été à Noël", 'Ligne 1\r\nLigne 2 (échappées)'],
      ['Déjà en UTF-8 : « œuvre »', 'Saut brut\ndans la chaîne'],
    ])
    expect(d.warnings).toEqual([])
  })

  const meta = (prefix: string, version: string, extra = '') =>
    `CREATE TABLE \`${prefix}meta\` (\`nom\` varchar(255), \`valeur\` text, \`impt\` enum('non','oui'), \`maj\` timestamp);\n` +
    `INSERT INTO \`${prefix}meta\` VALUES ('version_installee','${version}','oui',NULL)${extra};\n` +
    `CREATE TABLE \`${prefix}rubriques\` (\`id_rubrique\` bigint, \`titre\` text);\n` +
    `CREATE TABLE \`${prefix}articles\` (\`id_article\` bigint, \`titre\` text);\n`

  it('maps legacy forum columns (id_article…) to objet / id_objet', () => {
    const sql =
      meta('spip_', '19268') +
      'CREATE TABLE spip_forum (id_forum bigint, id_parent bigint, id_thread bigint, id_rubrique bigint, id_article bigint, id_breve bigint, texte text, statut varchar(8));\n' +
      "INSERT INTO spip_forum VALUES (1,0,1,0,12,0,'sur un article','publie'),(2,0,2,3,0,0,'sur une rubrique','publie'),(3,0,3,0,0,0,'forum interne','privrac');"
    const d = readSpipDumpFrom(sql)
    expect(d.forums.map((f) => [f.id_forum, f.objet, f.id_objet, f.raw])).toEqual([
      [1, 'article', 12, { id_article: 12, id_rubrique: 0, id_breve: 0 }],
      [2, 'rubrique', 3, { id_article: 0, id_rubrique: 3, id_breve: 0 }],
      [3, '', 0, { id_article: 0, id_rubrique: 0, id_breve: 0 }],
    ])
  })

  it('refuses unknown versions, listing the supported ones', () => {
    const supported = 'Versions prises en charge : SPIP 3.0, 3.1, 3.2, 4.0, 4.1, 4.2, 4.3 et 4.4.'
    const e = error(() => readSpipDumpFrom(meta('spip_', '2030010100')))
    expect(e.code).toBe('UNKNOWN_VERSION')
    expect(e.message).toBe(
      `version de base SPIP inconnue (2030010100). ${supported} Mettez le site à jour vers l'une d'elles, puis refaites l'export.`,
    )
    expect(error(() => readSpipDumpFrom(meta('spip_', '15828'))).message).toMatch(/^ce site est en SPIP 2 ou plus ancien \(version de base 15828\)/)
    expect(error(() => readSpipDumpFrom(meta('spip_', 'abc'))).message).toMatch(/illisible/)
    const spip5 = `,('plugin','a:1:{s:4:"SPIP";a:2:{s:3:"nom";s:4:"SPIP";s:7:"version";s:5:"5.0.1";}}','oui',NULL)`
    expect(error(() => readSpipDumpFrom(meta('spip_', '2022022303', spip5))).message).toMatch(/^ce site est en SPIP 5\.0\.1\./)
  })

  it('knows the schema number of every supported branch', () => {
    expect([19268, 21742, 23375, 2021021800, 2022022302, 2022022303].map((v) => spipVersion(String(v)).label)).toEqual([
      'SPIP 3.0', 'SPIP 3.1', 'SPIP 3.2', 'SPIP 4.0', 'SPIP 4.1', 'SPIP 4.2, 4.3 ou 4.4',
    ])
    const plugin = 'a:1:{s:4:"SPIP";a:5:{s:3:"nom";s:4:"SPIP";s:4:"etat";s:6:"stable";s:7:"version";s:5:"4.3.2";s:3:"dir";s:0:"";}}'
    expect(releaseFromPluginMeta(plugin)).toBe('4.3.2')
    expect(spipVersion('2022022303', plugin).label).toBe('SPIP 4.3.2')
  })

  it('refuses a dump without SPIP tables, or with a partial SPIP', () => {
    const wp = "CREATE TABLE wp_posts (ID bigint, post_title text);\nINSERT INTO wp_posts VALUES (1,'Hello');"
    const e = error(() => readSpipDumpFrom(wp))
    expect(e.code).toBe('NO_SPIP')
    expect(e.message).toBe("aucune table SPIP dans ce fichier (1 table(s) : wp_posts). Est-ce bien l'export de la base d'un site SPIP ?")
    expect(error(() => readSpipDumpFrom('CREATE TABLE spip_articles (id_article bigint);')).message).toMatch(/pas spip_meta : l'export est partiel/)
    const noArticles = meta('spip_', '23375').split('\n').slice(0, 3).join('\n')
    expect(error(() => readSpipDumpFrom(noArticles)).message).toBe(
      "table(s) spip_articles absente(s) : l'export est partiel. Exportez la base entière.",
    )
  })

  it('finds the prefix, prefers spip_ among several sites, and can be told which one', () => {
    expect(readSpipDumpFrom(meta('site2_', '23375')).prefix).toBe('site2_')
    const two = meta('spip_', '23375') + meta('autre_', '2022022302')
    const d = readSpipDumpFrom(two)
    expect(d.prefix).toBe('spip_')
    expect(d.warnings).toEqual(['Le fichier contient plusieurs sites SPIP (spip_, autre_) : seul celui des tables spip_ est lu.'])
    expect(readSpipDumpFrom(two, { prefix: 'autre_' }).version.branch).toBe('4.1')
    const e = error(() => readSpipDumpFrom(meta('a_', '23375') + meta('b_', '23375')))
    expect(e.code).toBe('AMBIGUOUS_PREFIX')
    expect(error(() => readSpipDumpFrom(two, { prefix: 'x_' })).message).toMatch(/préfixe\(s\) trouvé\(s\) : spip_, autre_/)
  })

  it('warns about text encoded twice (UTF-8 in latin1 tables exported as UTF-8)', () => {
    const sql = meta('spip_', '23375') + "INSERT INTO spip_articles VALUES (1,'L\\'Ã©conomie');"
    expect(readSpipDumpFrom(sql).warnings[0]).toMatch(/^1 article\(s\) ont des titres ou chapeaux du type « Ã© »/)
  })

  it('recognises SPIP 3 logo file names only', () => {
    expect(logosFromFiles(['arton12.png', 'auton3.jpeg', 'breveoff2.webp', 'groupeon1.svg', 'logo.png', 'arton12.pdf']).map((l) => `${l.objet}${l.id_objet}${l.etat}`)).toEqual([
      'article12on', 'auteur3on', 'breve2off', 'groupe_mots1on',
    ])
  })
})
