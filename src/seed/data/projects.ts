import { richText } from '../lexical'
import { LABO_WEBSITE } from './partners'
import type { ProjectSeed } from './types'

/**
 * Seed 000: the project card "Le Labo de l'ESS - Des lieux pour accueillir l'ESS", every field.
 * The text keeps the page's own straight apostrophes.
 */
export const mainProject: ProjectSeed = {
  title: "Le Labo de l'ESS - Des lieux pour accueillir l'ESS",
  slug: 'le-labo-de-l-ess-des-lieux-pour-accueillir-l-ess',
  summary: "Soutien à la stratégie de développement des lieux physiques et virtuels au service de l'ESS",
  year: 2020,
  scope: 'national',
  domains: ['education', 'culture', 'promotion-ess'],
  lever: "Faire (re)connaître l'ESS",
  carryingStructure: 'le-labo-de-l-ess',
  // "Date de signature de la convention": month precision, stored at noon UTC on the 1st so that
  // every time zone shows the same month.
  conventionDates: [
    { date: '2017-09-01T12:00:00.000Z' },
    { date: '2018-06-01T12:00:00.000Z' },
    { date: '2019-06-01T12:00:00.000Z' },
    { date: '2020-06-01T12:00:00.000Z' },
  ],
  duration: '2 ans',
  programme: 'Création de valeurs',
  relatedProjects: ['culture-et-ess', 'agir-contre-la-precarite-alimentaire'],
  // "Mis à jour le 09/03/2023"
  contentUpdatedAt: '2023-03-09T12:00:00.000Z',
  supportedProject: richText(
    "Soutien à la stratégie de développement des lieux physiques et virtuels au service de l'ESS",
  ),
  context: richText(
    "Convaincu que l'ESS est un moteur essentiel du développement des territoires dans une société en pleine transition, le Labo de l'ESS étudie, structure et porte dans une démarche collaborative et ascendante, des solutions transformatrices d'une diversité d'acteurs de terrain : entrepreneurs sociaux, citoyens engagés, associations, sociétés coopératives, collectifs d'acteurs...",
    "Stratégie et proposition de développement des lieux physiques et virtuels au service de l'ESS :",
    "### 1/ Un lieu physique pour un espace ouvert et dynamique au service de l'ESS",
    "- Programmer des conférences/rencontres annuelles rediffusées en audio/vidéo et des expositions pour sensibiliser le grand public aux enjeux et réalisations de l'ESS,",
    "- Organiser des projections-débats annuelles suivis d'échanges conviviaux pour faire découvrir l'ESS et échanger avec ses acteurs,",
    "- Organiser des projets et rencontres avec les publics jeunes : événements de sensibilisation à l'entrepreneuriat social, impliquer des étudiants dans l'organisation d'événements, organiser une université Populaire ESS entre jeunes, acteurs de l'ESS et chercheurs.",
    '### 2/ Des lieux virtuels pour un écosystème plus souple et ouvert',
    "Mettre en œuvre des équipements collaboratifs, créer un réseau d'une douzaine acteurs-relais des travaux du Labo dans les territoires, et constituer des communautés apprenantes de pairs pour un transfert de savoir-faire.",
    "Le Labo de l'ESS accompagnera tous ses travaux d'un résumé de 4 pages et proposera de nouveaux contenus : notes d'actualité, notes de propositions et actes de plaidoyer co-signés avec des partenaires.",
  ),
  structure: richText(
    `Association créée en 2010 par Claude Alphandéry, le [Labo de l'ESS](${LABO_WEBSITE}) est un laboratoire d'idées qui cherche à valoriser l'économie sociale et solidaire à travers plusieurs thématiques : agriculture et alimentation durable, ESS et création de valeur, Culture & ESS, nouvelles formes d'emplois, PTCE, circuits courts économiques et solidaires, banques et territoires, ESS européenne, ou encore dynamiques pionnières de territoire.`,
    `Le [Labo de l'ESS](${LABO_WEBSITE}) modélise et accompagne des sujets innovants prioritaires pour l'ESS et favorise leur compréhension par les décideurs pour obtenir des résultats concrets.`,
  ),
  foundationOpinion: richText(
    "Au travers des nombreux chantiers menés durant ses 10 années d'existence dans des domaines très variés de l'économie sociale et solidaire, le Labo de l'ESS a démontré sa capacité à regrouper des acteurs d'une grande diversité thématique et géographique pour croiser les regards, créer et capitaliser des connaissances et des méthodes de travail, et exercer une réelle influence sur les transitions à l'œuvre dans l'ESS.",
    "Avec ses nouvelles ambitions d'animation de lieux physique et virtuels pour renforcer les coopérations et la promotion de solutions en faveur de l'ESS et des territoires, il contribue pleinement à la « théorie du changement » souhaitée par la Fondation.",
  ),
}

/**
 * PLACEHOLDERS — not in the seed pages. Seed 000 links to two earlier projects ("Voir d'anciens
 * projets") by title only; these short cards exist so that the link has a target. Their text is
 * ours, drawn from the themes the seed lists for the association ("Culture & ESS", "agriculture et
 * alimentation durable"): editors should complete or replace it.
 */
export const earlierProjects: ProjectSeed[] = [
  {
    title: 'Culture & ESS',
    slug: 'culture-et-ess',
    summary:
      'Soutien aux travaux du Labo de l’ESS sur les coopérations entre les acteurs culturels et ceux de l’économie sociale et solidaire.',
    scope: 'national',
    domains: ['culture'],
    carryingStructure: 'le-labo-de-l-ess',
    supportedProject: richText(
      'Soutien aux travaux du Labo de l’ESS sur les liens entre culture et économie sociale et solidaire.',
    ),
  },
  {
    title: 'Agir contre la précarité alimentaire',
    slug: 'agir-contre-la-precarite-alimentaire',
    summary:
      'Soutien aux travaux du Labo de l’ESS pour l’accès de toutes et tous à une alimentation durable et de qualité.',
    scope: 'national',
    carryingStructure: 'le-labo-de-l-ess',
    supportedProject: richText(
      'Soutien aux travaux du Labo de l’ESS sur l’agriculture et l’alimentation durable, pour agir contre la précarité alimentaire.',
    ),
  },
]

/** In creation order: the earlier projects first, as the main card refers to them. */
export const projects: ProjectSeed[] = [...earlierProjects, mainProject]
