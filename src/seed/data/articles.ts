import { richText } from '../lexical'
import type { ArticleSeed } from './types'

const DECIDEURS_SLUG = 'decideurs-en-region-labo-de-l-ess-rendre-accessibles-des-solutions-concretes-christelle-layre'

/*
 * Seeds 003 and 004. Neither page gives the address of the original article ("cliquez ici"):
 * the source links go to the media's home pages until an editor sets the exact address.
 */
export const articles: ArticleSeed[] = [
  {
    // Seed 003: "On parle de nous", published on 8 February 2016, comments moderated a priori
    // (the site's default).
    title: 'Décideurs en région - Labo de l’ESS : rendre accessibles des solutions concrètes - Christelle Layre',
    slug: DECIDEURS_SLUG,
    rubrique: 'on-parle-de-nous',
    publishedAt: '2016-02-08T12:00:00.000Z',
    excerpt:
      'Christelle Layre, responsable opérationnelle au Labo de l’ESS, accorde une interview à Décideurs en région afin de présenter le Labo de l’ESS et ses différents axes de travail.',
    body: richText(
      '« Fondé en 2010, le Labo de l’ESS travaille à la promotion de l’économie sociale et solidaire en France. Un lieu de réflexions et d’actions qui propose des solutions concrètes aux futurs entrepreneurs du secteur à l’image des outils financiers solidaires. Christelle Layre, Responsable opérationnelle au sein de la structure, apporte un éclairage sur ces dispositifs.',
      '**Décideurs en région : Présentez-nous le Laboratoire de l’ESS ?**',
      '**Christelle Layre** : C’est un « think tank », c’est-à-dire un laboratoire d’idées, qui a pour mission de faire connaître et reconnaître l’économie sociale et solidaire en France. Pour ce faire, il va proposer des solutions concrètes, structurantes pour répondre aux besoins de ce secteur et apporter de la visibilité à des initiatives qui sont développées sur le terrain au quotidien et sur le secteur de l’ESS. Notre rôle est de les étudier, de les connecter et les conceptualiser pour les rendre accessibles et adaptables au plus grand nombre.',
      '**De quand date sa naissance ?**',
      'Le Laboratoire est né en juin 2010 d’une réflexion collective d’un groupe d’acteurs qui, suite aux conséquences de la crise financière, souhaitait proposer un nouveau modèle économique, une nouvelle façon d’entreprendre. Une initiative qui a donné lieu en 2011 à des états généraux. Soixante propositions ont été dégagées pour repenser ce modèle économique. Et les axes de travail mis en œuvre aujourd’hui par le Labo découlent de ces états généraux.',
      '**Quels sont ces axes ?**',
      'Ils sont au nombre de cinq. Les Pôles territoriaux de coopération économiques – PTCE – d’abord. Il s’agit d’une coopération d’acteurs – entreprises, fondations, universités, dirigeants de structures de l’ESS, collectivités locales – qui, sur un territoire, vont se rassembler autour d’un projet commun. Il y a une centaine de PTCE en France. Les Circuits courts – CCES – ensuite. C’est une forme d’échange économique qui valorise le lien social, la coopération, l’équité et la transparence entre tous les acteurs de l’échange.',
      '**La transition énergétique citoyenne est également un axe de travail ?**',
      'Oui, c’est le troisième axe de travail du Labo de l’ESS. Dans le cadre de la COP 21, nous avons formé un groupe de travail afin de soumettre des propositions concrètes pour développer des actions citoyennes sur le territoire en faveur de la transition énergétique. »',
    ),
    source: {
      medium: 'Décideurs en région',
      url: 'https://www.decideursenregion.fr/',
      label: 'Pour lire l’interview dans son intégralité cliquez ici.',
    },
    // The interview describes the PTCE (Thème 3) and the short circuits (Thème 11).
    relatedContent: [
      { relationTo: 'themes', number: 3 },
      { relationTo: 'themes', number: 11 },
    ],
    commentMode: 'default',
  },
  {
    // Seed 004: an interview in Les Echos' "Cahier Expertises Spécial Économie sociale et
    // solidaire", "sorti le 22 novembre". The page gives neither the year nor a title: the year is
    // taken as 2016 (the Labo's "nouvelles formes d'emploi" and "transition énergétique citoyenne"
    // work of that time, as in seed 003), and the title is built like seed 003's, from the medium
    // and the first question. One extraction slip is corrected: "desfinancements".
    title: 'Les Echos - Quelle est la mission du Labo de l’économie sociale et solidaire ?',
    slug: 'les-echos-quelle-est-la-mission-du-labo-de-l-economie-sociale-et-solidaire',
    rubrique: 'interviews',
    publishedAt: '2016-11-22T12:00:00.000Z',
    body: richText(
      '**Quelle est la mission du Labo de l’économie sociale et solidaire ?**',
      'Le Labo de l’Economie sociale et solidaire est un think tank dont la mission est d’apporter des propositions et des solutions pour favoriser le développement de cette « économie autrement », l’ESS, qui met en avant équité, solidarité, dans une vision plurielle de l’économie. Notre spécificité consiste à nous inspirer d’expérimentations territoriales pour contribuer à les généraliser. Notre démarche est ascendante (ou Bottom up). Nous avons conceptualisé les pôles territoriaux de coopération économique qui regroupent des TPE, des PME, des entreprises ESS, des collectivités locales et des universités pour développer l’économie des territoires à partir de la coopération des acteurs et la mutualisation de leurs moyens. Il y a maintenant en France une centaine de ces pôles territoriaux dont l’activité est soutenue par des appels à projets interministériels. Le Labo capitalise ces expériences et en mesure les impacts.',
      '**Quelles sont ses actions prioritaires ?**',
      'Parmi nos chantiers d’aujourd’hui, il y a l’analyse des Nouvelles Formes d’Emploi à travers, par exemple, les coopératives d’activité et d’emploi qui permettent à des entrepreneurs d’avoir un statut d’entrepreneur salarié et donc une protection sociale. C’est un exemple de « flex-sécurité » qui correspond à nos valeurs. La transition énergétique citoyenne est aussi un vaste champ de développement pour nous. En Allemagne, 50 % des énergies renouvelables sont produits par des coopératives de citoyens. En France, on en est loin, mais des parcs éoliens ou photovoltaïques se développent en mobilisant de l’argent local. Un autre axe de notre action consiste à promouvoir l’ESS dans l’économie collaborative, par exemple, en proposant aux créateurs de start-up de choisir des formes d’entreprises ESS. Nous plaidons et agissons pour que les entrepreneurs collaboratifs qui veulent appartenir à l’économie sociale disposent des statuts, des accompagnements et des financements qui leur conviennent.',
    ),
    source: {
      medium: 'Les Echos',
      section: 'Cahier Expertises Spécial Économie sociale et solidaire',
      publishedOn: '2016-11-22T12:00:00.000Z',
      url: 'https://www.lesechos.fr/',
      label:
        'Accédez à l’intégralité de l’entretien dans le Cahier Expertises Spécial Économie sociale et solidaire, sorti le 22 novembre, par Les Echos.',
    },
    relatedContent: [{ relationTo: 'articles', slug: DECIDEURS_SLUG }],
    commentMode: 'default',
  },
]
