/** Statuses, modes and the French texts of the comments plugin. No Payload or Next imports here. */

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'spam'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]

export const STATUS_LABELS: Record<CommentStatus, string> = {
  pending: 'En attente',
  approved: 'Approuvé',
  rejected: 'Refusé',
  spam: 'Indésirable',
}

/** How a document takes comments, as in SPIP's forums. `default` follows the site settings. */
export const COMMENT_MODES = ['a-priori', 'a-posteriori', 'closed'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]
export type CommentModeSetting = CommentMode | 'default'

export const MODE_OPTIONS: { label: string; value: CommentModeSetting }[] = [
  { label: 'Réglage du site', value: 'default' },
  { label: 'Modération a priori', value: 'a-priori' },
  { label: 'Modération a posteriori', value: 'a-posteriori' },
  { label: 'Fermé', value: 'closed' },
]

export const isCommentMode = (value: unknown): value is CommentMode =>
  typeof value === 'string' && (COMMENT_MODES as readonly string[]).includes(value)

/** The sentence shown next to the form (the first one is the current site's). */
export const MODE_SENTENCES: Record<CommentMode, string> = {
  'a-priori':
    'Ce forum est modéré a priori : votre contribution n’apparaîtra qu’après avoir été validée par un administrateur du site.',
  'a-posteriori':
    'Ce forum est modéré a posteriori : votre contribution apparaîtra immédiatement en ligne, mais pourra être supprimée par un administrateur du site.',
  closed: 'Ce forum est fermé : il n’accepte plus de nouvelles contributions.',
}

/** The shortcuts the body accepts (the current site's help line, without the HTML it no longer accepts). */
export const SPIP_HELP =
  'Ce formulaire accepte les raccourcis SPIP [->url] {{gras}} {italique} <quote> <code>. Pour créer des paragraphes, laissez simplement des lignes vides.'

export const LIMITS = {
  nameMax: 100,
  emailMax: 254,
  websiteMax: 500,
  bodyMax: 5000,
  /** Replies nest this deep at most: a comment, a reply, a reply to the reply. */
  maxDepth: 3,
  userAgentMax: 500,
} as const

/** "5 000": French thousands separator (a no-break space). */
export const thousands = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')

/** Public-facing French messages (REST errors, form errors). */
export const MESSAGES = {
  nameRequired: 'Indiquez votre nom.',
  nameTooLong: `Votre nom ne peut dépasser ${LIMITS.nameMax} caractères.`,
  emailRequired: 'Indiquez votre adresse e-mail (elle ne sera pas publiée).',
  emailInvalid: 'Adresse e-mail invalide : elle doit ressembler à prenom.nom@exemple.fr.',
  websiteInvalid: 'Adresse de site invalide : seules les adresses http:// ou https:// sont acceptées.',
  bodyRequired: 'Votre message est vide.',
  bodyTooLong: (length: number) =>
    `Votre message ne peut dépasser ${thousands(LIMITS.bodyMax)} caractères (il en compte ${thousands(length)}).`,
  targetRequired: 'Indiquez la page que vous commentez.',
  targetMissing: 'Cette page n’existe pas ou n’est pas publiée : impossible de la commenter.',
  parentMissing: 'Le commentaire auquel vous répondez n’existe pas ou n’est pas publié.',
  parentOtherTarget: 'Le commentaire auquel vous répondez appartient à une autre page.',
  parentTooDeep: 'Impossible de répondre à ce commentaire : les réponses s’arrêtent au troisième niveau.',
  closed: 'Les commentaires sont fermés pour cette page.',
  duplicate: 'Vous avez déjà envoyé ce message : il n’a pas été enregistré une seconde fois.',
  flood: (seconds: number) => {
    const minutes = Math.max(1, Math.ceil(seconds / 60))
    return `Trop de messages envoyés depuis votre connexion : merci de patienter ${minutes} minute${minutes > 1 ? 's' : ''} avant d’en envoyer un nouveau.`
  },
  integrationCannotPost: 'Une clé d’intégration ne peut pas publier de commentaire.',
  permanentDeleteTrashedOnly: 'Mettez d’abord le commentaire à la corbeille : seul un commentaire de la corbeille peut être supprimé définitivement.',
  unexpected: 'Votre message n’a pas pu être enregistré. Réessayez dans quelques instants.',
} as const

/** Why a comment is held or classed as spam, as moderators read it in the queue. */
export const HOLD_REASONS = {
  aPriori: 'Modération a priori',
  honeypot: 'Champ piège rempli (robot probable)',
  disallowed: (word: string) => `Mot interdit : « ${word} »`,
  links: (count: number, max: number) => `${count} lien${count > 1 ? 's' : ''} (${max} au plus)`,
  moderationWord: (word: string) => `Mot à modérer : « ${word} »`,
} as const
