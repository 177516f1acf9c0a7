import { richText } from '../lexical'
import type { PageSeed } from './types'

/**
 * The page tree of the breadcrumbs "Accueil > Le Labo de l’ESS > Présentation > L’histoire du Labo
 * de l’ESS > Les Cahiers d’espérances" (seeds 001, 002). The seed pages show only the titles: the
 * bodies reuse the seeds' own sentences about the association (002's header, 000's "La
 * structure", 003's interview); the last page's is ours, stated from seeds 001–003.
 */
export const pages: PageSeed[] = [
  {
    title: 'Le Labo de l’ESS',
    slug: 'le-labo-de-l-ess',
    body: richText(
      'Le Labo de l’ESS, association reconnue d’intérêt général, est un think tank qui construit, par un travail collaboratif, des axes structurants de l’économie sociale et solidaire, à partir d’initiatives concrètes, innovantes et inspirantes issues des territoires.',
    ),
  },
  {
    title: 'Présentation',
    slug: 'presentation',
    parent: 'le-labo-de-l-ess',
    body: richText(
      "Association créée en 2010 par Claude Alphandéry, le Labo de l'ESS est un laboratoire d'idées qui cherche à valoriser l'économie sociale et solidaire à travers plusieurs thématiques : agriculture et alimentation durable, ESS et création de valeur, Culture & ESS, nouvelles formes d'emplois, PTCE, circuits courts économiques et solidaires, banques et territoires, ESS européenne, ou encore dynamiques pionnières de territoire.",
      "Le Labo de l'ESS modélise et accompagne des sujets innovants prioritaires pour l'ESS et favorise leur compréhension par les décideurs pour obtenir des résultats concrets.",
    ),
  },
  {
    title: 'L’histoire du Labo de l’ESS',
    slug: 'l-histoire-du-labo-de-l-ess',
    parent: 'presentation',
    body: richText(
      'Le Laboratoire est né en juin 2010 d’une réflexion collective d’un groupe d’acteurs qui, suite aux conséquences de la crise financière, souhaitait proposer un nouveau modèle économique, une nouvelle façon d’entreprendre. Une initiative qui a donné lieu en 2011 à des états généraux. Soixante propositions ont été dégagées pour repenser ce modèle économique. Et les axes de travail mis en œuvre aujourd’hui par le Labo découlent de ces états généraux.',
    ),
  },
  {
    title: 'Les Cahiers d’espérances',
    slug: 'les-cahiers-d-esperances',
    parent: 'l-histoire-du-labo-de-l-ess',
    body: richText(
      'Publiés le 11 janvier 2012, les Cahiers d’espérances organisent en axes structurants (Organiser, Développer…) et en thèmes numérotés les propositions issues des états généraux de l’économie sociale et solidaire.',
      'Chacun des thèmes donnera lieu à un groupe de travail.',
    ),
  },
]
