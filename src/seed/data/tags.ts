import type { TagSeed } from './types'

/** Domains of the project card (seed 000) and the keywords under the axes' titles (001, 002). */
export const tags: TagSeed[] = [
  // 000: domains of "Des lieux pour accueillir l'ESS".
  { name: 'Éducation', slug: 'education', kind: 'domaine' },
  { name: 'Culture', slug: 'culture', kind: 'domaine' },
  { name: 'Promotion ESS', slug: 'promotion-ess', kind: 'domaine' },
  // 002: Axe 1 : Organiser — "Mutualiser, coopérer, gouverner".
  { name: 'Mutualiser', slug: 'mutualiser', kind: 'mot-cle' },
  { name: 'Coopérer', slug: 'cooperer', kind: 'mot-cle' },
  { name: 'Gouverner', slug: 'gouverner', kind: 'mot-cle' },
  // 001: Axe 4 : Développer — "Prévention, Développement durable, Innovation".
  { name: 'Prévention', slug: 'prevention', kind: 'mot-cle' },
  { name: 'Développement durable', slug: 'developpement-durable', kind: 'mot-cle' },
  { name: 'Innovation', slug: 'innovation', kind: 'mot-cle' },
]
