import { richText } from '../lexical'
import type { GlossarySeed } from './types'

/**
 * The six terms the seed pages define inline (the popover text follows the term in the
 * extracted pages). ESS has two definitions: the short one of seeds 001–003 is the popover,
 * the long one of seed 004 the full definition. Circuits courts has two popovers ("Définition du
 * concept de circuits courts" in 001, "… économiques et solidaires" in 003): the longer is kept.
 * "Outils financiers solidaires" reads only "Définition" in seed 003, kept as is.
 */
export const glossary: GlossarySeed[] = [
  {
    term: 'ESS',
    slug: 'ess',
    variants: ['Économie sociale et solidaire', 'Economie sociale et solidaire'],
    shortDefinition:
      'Qu’est-ce que l’Économie sociale et solidaire (ESS) ?\nDéfinition et présentation de cette économie différente, socialement utile, coopérative et ancrée localement',
    definition: richText(
      'Le terme d’Économie sociale et solidaire regroupe un ensemble de structures qui reposent sur des valeurs et des principes communs : utilité sociale, coopération, ancrage local adapté aux nécessités de chaque territoire et de ses habitants. Leurs activités ne visent pas l’enrichissement personnel mais le partage et la solidarité pour une économie respectueuse de l’homme et de son environnement.',
    ),
  },
  {
    term: 'PTCE',
    slug: 'ptce',
    variants: ['Pôles territoriaux de coopération économique', 'Pôle territorial de coopération économique'],
    shortDefinition: 'Pôles territoriaux de coopération économique.',
    relatedTerms: ['cooperation'],
  },
  {
    term: 'AMAP',
    slug: 'amap',
    variants: [
      'Association pour le maintien d’une agriculture paysanne',
      'Associations pour le maintien d’une agriculture paysanne',
    ],
    shortDefinition:
      'Une Association pour le maintien d’une agriculture paysanne (AMAP) est un partenariat entre un groupe de consommateurs et un ou plusieurs producteurs locaux, reposant sur un contrat solidaire et fonctionnant en circuit court.',
    relatedTerms: ['circuits-courts'],
  },
  {
    term: 'Circuits courts',
    slug: 'circuits-courts',
    variants: ['circuit court', 'Circuits courts économiques et solidaires', 'CCES'],
    shortDefinition: 'Définition du concept de circuits courts économiques et solidaires',
    relatedTerms: ['amap'],
  },
  {
    term: 'Outils financiers solidaires',
    slug: 'outils-financiers-solidaires',
    variants: ['outil financier solidaire'],
    shortDefinition: 'Définition',
  },
  {
    term: 'Coopération',
    slug: 'cooperation',
    variants: ['coopérations'],
    shortDefinition:
      'Acteurs qui ont des intérêts similaires qu’ils planifient ensemble, où ils négocient leurs rôles mutuels et partagent des ressources pour atteindre un objectif commun tout en maintenant leur identité économique',
    relatedTerms: ['ptce'],
  },
]
