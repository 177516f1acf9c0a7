/**
 * SPIP objects as read from a dump (SPIP 3.0 – 4.x schema: ecrire/base/serial.php and auxiliaires.php,
 * plugins forum, mots, medias, urls_etendues, sites).
 *
 * Text fields are kept exactly as stored: SPIP markup, raw HTML, entities and `<multi>` blocks are the
 * markup converter's business. Datetimes are SPIP's naive local strings `YYYY-MM-DD HH:MM:SS`;
 * MySQL's zero date becomes null. Columns not mapped to a field are kept in `raw`, except secrets
 * (password hashes, session tokens) which are dropped.
 */
import type { SqlValue } from './dump'
import { SpipDumpError } from './errors'

export type Raw = Record<string, SqlValue>

export interface SpipRubrique {
  id_rubrique: number
  id_parent: number
  id_secteur: number
  titre: string
  descriptif: string
  texte: string
  statut: string
  date: string | null
  lang: string
  langue_choisie: string
  raw: Raw
}

export interface SpipArticle {
  id_article: number
  id_rubrique: number
  id_secteur: number
  surtitre: string
  titre: string
  soustitre: string
  descriptif: string
  chapo: string
  texte: string
  ps: string
  nom_site: string
  url_site: string
  /** Redirect target (URL or SPIP shortcut such as `art13`), '' when the article is not virtual. */
  virtuel: string
  statut: string
  date: string | null
  date_redac: string | null
  date_modif: string | null
  /** '' (site default), 'pos' (a posteriori), 'pri' (a priori), 'abo' (registered), 'non' (closed). */
  accepter_forum: string
  lang: string
  langue_choisie: string
  id_trad: number
  raw: Raw
}

export interface SpipGroupeMots {
  id_groupe: number
  titre: string
  descriptif: string
  texte: string
  unseul: string
  obligatoire: string
  tables_liees: string
  raw: Raw
}

export interface SpipMot {
  id_mot: number
  id_groupe: number
  titre: string
  descriptif: string
  texte: string
  /** Title of the group, repeated by SPIP. */
  type: string
  raw: Raw
}

/** A row of spip_mots_liens / spip_auteurs_liens / spip_documents_liens. */
export interface SpipLien {
  id: number
  objet: string
  id_objet: number
  /** 'oui' when a document is used in the text (`<docN>`), or the author link's `vu`. */
  vu: string
  rang_lien: number
}

export interface SpipAuteur {
  id_auteur: number
  nom: string
  bio: string
  email: string
  nom_site: string
  url_site: string
  login: string
  /** 0minirezo admin, 1comite writer, 6forum visitor, 5poubelle deleted, nouveau (not confirmed). */
  statut: string
  webmestre: string
  lang: string
  en_ligne: string | null
  raw: Raw
}

export interface SpipDocument {
  id_document: number
  id_vignette: number
  extension: string
  titre: string
  descriptif: string
  credits: string
  alt: string
  /** Relative to IMG/, or a URL when `distant` is 'oui'. */
  fichier: string
  taille: number | null
  largeur: number | null
  hauteur: number | null
  duree: number | null
  media: string
  /** image, document, vignette, logoon, logooff… */
  mode: string
  distant: boolean
  statut: string
  date: string | null
  date_publication: string | null
  raw: Raw
}

export interface SpipForum {
  id_forum: number
  id_parent: number
  id_thread: number
  /** 'article', 'rubrique', 'breve', 'site'…; '' for internal forums (privrac, privadm). */
  objet: string
  id_objet: number
  id_auteur: number
  /** publie, prop, off, spam, prive, privrac, privadm, privoff… */
  statut: string
  date_heure: string | null
  date_thread: string | null
  titre: string
  texte: string
  auteur: string
  email_auteur: string
  nom_site: string
  url_site: string
  /** IPv4/IPv6, or its hash on sites that anonymise: the importer drops it. */
  ip: string
  raw: Raw
}

export interface SpipUrl {
  url: string
  type: string
  id_objet: number
  id_parent: number
  date: string | null
  segments: number
  perma: boolean
  langue: string
}

export interface SpipSyndic {
  id_syndic: number
  id_rubrique: number
  id_secteur: number
  nom_site: string
  url_site: string
  url_syndic: string
  descriptif: string
  statut: string
  date: string | null
  syndication: string
  raw: Raw
}

export interface SpipLogo {
  /** article, rubrique, auteur, mot, site (a syndicated site, or the whole site when id_objet is 0)… */
  objet: string
  id_objet: number
  /** 'on' the logo, 'off' the hover logo. */
  etat: 'on' | 'off'
  /** Relative to IMG/. */
  fichier: string
  /** SPIP 4: a document in mode logoon/logooff; SPIP 3: a file IMG/arton12.png. */
  source: 'document' | 'fichier'
  id_document?: number
}

// --- versions ----------------------------------------------------------------------------------------

export type SpipBranch = '3.0' | '3.1' | '3.2' | '4.0' | '4.1' | '4.2+'

export interface SpipVersion {
  /** meta `version_installee` ($spip_version_base of ecrire/inc_version.php). */
  base: number
  branch: SpipBranch
  /** Exact release when the `plugin` meta names it (e.g. "4.1.15"). */
  release: string | null
  /** "SPIP 4.1.15", or "SPIP 4.2, 4.3 ou 4.4" when only the schema number is known. */
  label: string
}

/**
 * Schema numbers, from spip/SPIP: last upgrade step of each branch (ecrire/maj/legacy/v30.php 19268,
 * v31.php 21742, v32.php 23375; ecrire/maj/2021.php 2021_02_18_00 then 2022_02_23_00…02 for 4.1);
 * 4.2 and later keep 2022_02_23_03 (the `plugin` meta then tells the release).
 */
const BRANCHES: { branch: SpipBranch; min: number; max: number; label: string }[] = [
  { branch: '3.0', min: 16428, max: 19268, label: 'SPIP 3.0' },
  { branch: '3.1', min: 19269, max: 21742, label: 'SPIP 3.1' },
  { branch: '3.2', min: 21743, max: 23375, label: 'SPIP 3.2' },
  { branch: '4.0', min: 2021021800, max: 2022022299, label: 'SPIP 4.0' },
  { branch: '4.1', min: 2022022300, max: 2022022302, label: 'SPIP 4.1' },
  { branch: '4.2+', min: 2022022303, max: 2022022303, label: 'SPIP 4.2, 4.3 ou 4.4' },
]

export const SUPPORTED_VERSIONS = 'SPIP 3.0, 3.1, 3.2, 4.0, 4.1, 4.2, 4.3 et 4.4'

/** The SPIP release named in the serialized `plugin` meta (`s:4:"SPIP";a:5:{…s:7:"version";s:6:"4.1.15";`). */
export function releaseFromPluginMeta(plugin: string | null | undefined): string | null {
  if (!plugin) return null
  const m = /s:4:"SPIP";a:\d+:\{[^}]*?s:7:"version";s:\d+:"([^"]+)"/.exec(plugin)
  return m ? m[1] : null
}

export function spipVersion(versionInstallee: string | null | undefined, pluginMeta?: string | null): SpipVersion {
  const refuse = (what: string): never => {
    throw new SpipDumpError(
      'UNKNOWN_VERSION',
      `${what} Versions prises en charge : ${SUPPORTED_VERSIONS}. Mettez le site à jour vers l'une d'elles, puis refaites l'export.`,
    )
  }
  const text = (versionInstallee ?? '').trim()
  if (!/^\d+(\.\d+)?$/.test(text)) {
    return refuse(`version de la base SPIP illisible (meta version_installee = « ${text} »).`)
  }
  const base = Number(text)
  const release = releaseFromPluginMeta(pluginMeta)
  const known = BRANCHES.find((b) => base >= b.min && base <= b.max)
  if (!known) {
    if (base < 16428) return refuse(`ce site est en SPIP 2 ou plus ancien (version de base ${text}).`)
    return refuse(`version de base SPIP inconnue (${text})${release ? `, SPIP ${release}` : ''}.`)
  }
  if (release && !/^[34]\./.test(release)) return refuse(`ce site est en SPIP ${release}.`)
  return {
    base,
    branch: known.branch,
    release,
    label: release ? `SPIP ${release}` : known.label,
  }
}
