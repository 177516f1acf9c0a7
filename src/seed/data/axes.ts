import { richText } from '../lexical'
import type { AxisSeed } from './types'

/*
 * Seeds 001 and 002: two axes of "Les Cahiers d'espérances", published on 11 January 2012, and
 * their six themes. The glossary popovers that the pages show inline ("ESS Qu'est-ce que…") are not
 * part of the text: the glossary annotates the terms when the page is rendered. Two extraction
 * slips of seed 002 are corrected: "d’’un" (doubled apostrophe) reads "d’un".
 */

const THEMES_LEAD = 'Chacun des thèmes ci-dessous donnera lieu à un groupe de travail.'
const PUBLISHED = '2012-01-11T12:00:00.000Z'

export const axes: AxisSeed[] = [
  {
    // Seed 002
    number: 1,
    title: 'Organiser',
    tagline: 'Mutualiser, coopérer, gouverner',
    keywords: ['mutualiser', 'cooperer', 'gouverner'],
    themesLead: THEMES_LEAD,
    publishedAt: PUBLISHED,
    series: 'cahiers-d-esperances',
    parentPage: 'les-cahiers-d-esperances',
    introduction: richText(
      'L’ESS est un mouvement qui réinvente à toutes les échelles et sur tous les territoires notre rapport à l’économie, plus respectueux et démocratique. La biodiversité des initiatives développées démontre la maturité des acteurs de l’ESS dans l’analyse des besoins et l’expérimentation de différentes formes de réponses adaptées.',
      'Toutefois, les acteurs souvent marginalisés manquent de réseau et d’organisation collective. Une plus grande efficacité passe par une mutualisation optimisée des différents outils et une meilleure circulation de l’information.',
      'Afin d’accompagner les initiatives solidaires vers une plus grande efficacité, des supports de coopération et d’échanges sont développés : des plates-formes régionales de services aux particuliers, des pôles territoriaux de coopération économique… Ils permettent de repousser toujours plus loin les frontières de l’ESS.',
    ),
    themes: [
      {
        number: 1,
        title: 'Etendre la collaboration entre les acteurs de l’ESS ; mutualiser les outils financiers, techniques et humains',
        body: richText(
          'Les entreprises sociales et solidaires forment un formidable réseau de compétences générateur d’emplois et de croissance. Pour mieux bénéficier de ce tissu d’entreprises et d’associations, les acteurs de l’ESS mutualisent les outils dont ils disposent, qu’ils soient financiers, techniques ou humains. Les cahiers illustrent différentes initiatives ouvrant la voie au développement de la collaboration entre les acteurs de l’ESS.',
        ),
      },
      {
        number: 2,
        title: 'Organiser le triptyque : Etat, Privé, ESS.',
        body: richText(
          'L’ESS est un modèle indissociable de l’économie classique. Elle en pallie les errements, remet en cause ses fondements mais n’en est pas pour autant séparée. Entreprises privées et acteurs de l’ESS peuvent ainsi être concurrents ou associés. L’Etat et les collectivités locales sont des partenaires permanents de l’ESS.',
          'Assurer le lien entre Etat, secteur privé et ESS, c’est permettre à cette dernière d’exister, d’être plus efficace et mieux représentée sur les territoires. Les initiatives de l’ESS deviendront ainsi le moteur de la transformation du système économique actuel.',
        ),
      },
      {
        number: 3,
        title:
          'Développer coopérations et partenariats des acteurs sur les territoires à travers les pôles territoriaux de coopération économique (PTCE)',
        body: richText(
          'Comment coopérer dans les territoires pour faire face à la crise, innover et changer d’échelle ?',
          'Dans un contexte de crise et de concurrence exacerbée, des coopérations économiques entre acteurs, entreprises et collectivités, souvent initiées par des organisations et réseaux de l’ESS, autour d’un projet de développement local commun se multiplient. Plusieurs prennent l’appellation de « pôles » pour signifier un engagement mutuel dans la durée, la recherche d’une taille critique, un partenariat multi-partie prenantes, un investissement commun dans l’innovation, l’aménagement collectif d’un lieu à forte visibilité',
          'Les PTCE sont une forme structurée et novatrice des coopérations et mutualisations économiques dans les territoires. Ils peuvent se définir comme des regroupements, sur un territoire donné, d’initiatives, d’entreprises et de réseaux de l’ESS associé à des PME socialement responsables, à des collectivités locales, à des centres de recherche et des organismes de formation. Ils mettent en œuvre une stratégie commune et continue de coopération et de mutualisation au service de projets économiques innovants de développement local durable.',
        ),
        // "Un groupe de pilotage travaille déjà sur ce thème : en savoir plus sur le thème 3." The
        // seed does not give the link's address: the public page links to the theme itself.
        workingGroup: {
          status: 'Groupe de pilotage en place',
          note: 'Un groupe de pilotage travaille déjà sur ce thème',
          linkLabel: 'en savoir plus sur le thème 3',
        },
      },
    ],
  },
  {
    // Seed 001
    number: 4,
    title: 'Développer',
    tagline: 'Prévention, Développement durable, Innovation',
    keywords: ['prevention', 'developpement-durable', 'innovation'],
    themesLead: THEMES_LEAD,
    publishedAt: PUBLISHED,
    series: 'cahiers-d-esperances',
    parentPage: 'les-cahiers-d-esperances',
    introduction: richText(
      'Le développement de l’ESS est une source de croissance durable importante pour l’économie et l’emploi, sa capacité d’innovation est immense. Son impact le plus souvent local et son manque de visibilité l’empêche toutefois d’être reconnue à sa juste valeur. Pour se développer, elle doit encourager toujours plus la créativité, attirer les investissements privés et publics, sensibiliser la population aux valeurs de l’ESS et organiser des circuits courts qui créent de nouveaux liens entre producteurs durables et solidaires et consommateurs.',
      'Faire changer l’ESS d’échelle peut alors permettre à d’autres populations de profiter des initiatives d’entrepreneurs sociaux ayant identifié des besoins locaux. Cela peut passer par un élargissement de l’initiative sur d’autres territoires ou à encourager de nouveaux entrepreneurs à répliquer un modèle.',
    ),
    themes: [
      {
        number: 10,
        title: 'Développer l’innovation sociale de l’ESS',
        body: richText(
          'L’innovation est au cœur du développement et de la vitalité de toute entreprise y compris l’ESS. Sur tous les territoires, les innovations sociales développent des réponses singulières aux problématiques sociales. C’est par ce levier que l’ESS se donne les moyens d’être un facteur de croissance à long terme.',
          'Développer l’ESS, c’est aussi lui permettre de perdurer face aux sociétés de capitaux dans des domaines où elle a historiquement innové comme dans le secteur du service à la personne.',
        ),
      },
      {
        number: 11,
        title:
          'Développer le concept et l’organisation des circuits courts au sens large : habitat, culture, santé, alimentation...',
        body: richText(
          'La notion de territoire est permanente dans la démarche de l’économie sociale et solidaire.',
          'Le concept de circuit court, s’il a été développé par les AMAP, reste un concept totalement intégré pour beaucoup d’acteurs de l’ESS que ce soit dans le domaine des services, de la formation, de la santé mais aussi pour les monnaies complémentaires. Démultiplier ces initiatives solidaires peut se faire par la dissémination de modèles de structures solidaires ou par la création de franchises solidaires dépassant l’échelle des territoires.',
          'Seront étudiés sous cet angle spécifique comment ce concept permet d’être un levier de collaboration avec l’ensemble des partenaires publics et privés.',
        ),
      },
      {
        number: 12,
        title:
          'Promouvoir et développer les structures et les acteurs de l’ESS qui construisent des actions de prévention, d’accompagnement, de formation et de sensibilisation adaptés à l’évolution des besoins sociaux, écologiques et économiques, vers un changement d’échelle',
        body: richText(
          'L’approche économique de l’ESS est trop souvent méconnue par le grand public. Pour être plus visible, elle doit développer sa communication. Afin de changer de dimension, les acteurs de l’ESS défendent une culture d’entreprendre collectivement, échangent avec les populations locales et les associent dans des évènements culturels.',
        ),
      },
    ],
  },
]
