import { LABO_SOCIAL_LINKS } from './partners'
import type { SiteSeed } from './types'

export const site: SiteSeed = {
  settings: {
    name: 'Le Labo de l’ESS',
    // The header sentence of seeds 001 and 003 (002 adds "association reconnue d'intérêt général").
    tagline:
      'Le Labo de l’ESS est un think tank qui construit, par un travail collaboratif, des axes structurants de l’économie sociale et solidaire, à partir d’initiatives concrètes, innovantes et inspirantes issues des territoires.',
    contact: { address: '5 rue Las Cases\n75007 Paris\nFrance', email: 'contact@lelabo-ess.org' },
    // "Nous suivre"
    socialLinks: LABO_SOCIAL_LINKS,
    // "Nos partenaires média": the seed pages show the heading but not the partners.
    mediaPartners: [],
    // "Ce forum est modéré a priori" (seed 003).
    defaultCommentMode: 'a-priori',
  },
  navigation: {
    header: [
      { label: 'Le Labo de l’ESS', page: 'le-labo-de-l-ess' },
      { label: 'Présentation', page: 'presentation' },
      { label: 'Les Cahiers d’espérances', page: 'les-cahiers-d-esperances' },
      { label: 'Glossaire', url: '/glossaire' },
    ],
    footer: [
      { label: 'L’histoire du Labo de l’ESS', page: 'l-histoire-du-labo-de-l-ess' },
      { label: 'Glossaire', url: '/glossaire' },
    ],
  },
}
