import { richText } from '../lexical'
import type { PartnerSeed, SocialLinkSeed } from './types'

export const LABO_WEBSITE = 'https://www.lelabo-ess.org'

/**
 * "Nous suivre" and the project card's contact block show YouTube, Twitter, Facebook and LinkedIn
 * links whose addresses the seed pages do not carry (they read "#"): these are the association's
 * public accounts as far as we know them — editors can correct them in the admin.
 */
export const LABO_SOCIAL_LINKS: SocialLinkSeed[] = [
  { network: 'youtube', url: 'https://www.youtube.com/@lelabodeless' },
  { network: 'twitter', url: 'https://twitter.com/LaboESS' },
  { network: 'facebook', url: 'https://www.facebook.com/LaboESS' },
  { network: 'linkedin', url: 'https://www.linkedin.com/company/le-labo-de-l-ess' },
]

/** The carrying structure of the project card (seed 000: "La structure", "Infos de contact"). */
export const partners: PartnerSeed[] = [
  {
    name: 'Le Labo de l’ESS',
    slug: 'le-labo-de-l-ess',
    kind: ['structure-porteuse'],
    legalForm: 'association',
    foundedYear: 2010,
    founder: 'Claude Alphandéry',
    // 002, header: the association's own presentation.
    description: richText(
      'Le Labo de l’ESS, association reconnue d’intérêt général, est un think tank qui construit, par un travail collaboratif, des axes structurants de l’économie sociale et solidaire, à partir d’initiatives concrètes, innovantes et inspirantes issues des territoires.',
    ),
    address: { street: '5 rue Las Cases', postalCode: '75007', city: 'Paris', country: 'France' },
    email: 'contact@lelabo-ess.org',
    website: LABO_WEBSITE,
    socialLinks: LABO_SOCIAL_LINKS,
  },
]
