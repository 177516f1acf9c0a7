/**
 * Deterministic French text for the benchmark's generated content: titles, sentences,
 * paragraphs and Lexical rich text (the JSON Payload's rich-text fields store), from word lists
 * and a seeded PRNG, so that two runs load the same data.
 */

/** Mulberry32: small deterministic PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SUBJECTS = [
  'La coopérative', 'L’association', 'Le réseau', 'La fondation', 'Le pôle territorial', 'La collectivité', 'Le collectif d’habitants',
  'La mutuelle', 'L’entreprise d’insertion', 'La SCIC', 'Le tiers-lieu', 'L’AMAP', 'Le groupement d’employeurs', 'La régie de quartier',
]
const VERBS = [
  'accompagne', 'développe', 'soutient', 'expérimente', 'mutualise', 'fédère', 'anime', 'finance', 'essaime', 'structure', 'rassemble', 'évalue',
]
const OBJECTS = [
  'les circuits courts alimentaires', 'l’insertion par l’activité économique', 'la transition écologique des territoires',
  'l’économie sociale et solidaire', 'les monnaies locales complémentaires', 'l’habitat participatif', 'la finance solidaire',
  'les coopératives d’activité et d’emploi', 'l’agriculture paysanne', 'la culture en milieu rural', 'la mobilité solidaire',
  'le réemploi et le recyclage', 'l’éducation populaire', 'les services à la personne', 'l’entrepreneuriat des jeunes',
]
const COMPLEMENTS = [
  'dans les quartiers prioritaires', 'avec les collectivités locales', 'sur tout le territoire régional', 'depuis plus de dix ans',
  'en lien avec les acteurs de l’emploi', 'grâce à une gouvernance partagée', 'auprès des publics éloignés de l’emploi',
  'avec le soutien de la fondation', 'à l’échelle du bassin de vie', 'en milieu rural comme en ville', 'pour une économie plus juste',
]
const CONNECTORS = ['Par ailleurs,', 'En outre,', 'Ainsi,', 'De plus,', 'Concrètement,', 'À terme,', 'Aujourd’hui,', 'Depuis 2012,']
const TITLE_HEADS = [
  'Une coopérative', 'Un réseau', 'Des habitants', 'Un pôle', 'Une épicerie solidaire', 'Un tiers-lieu', 'Une monnaie locale',
  'Des jeunes', 'Une ressourcerie', 'Un jardin partagé', 'Une plateforme', 'Un atelier',
]
const TITLE_TAILS = [
  'pour l’emploi local', 'au service du territoire', 'qui relance le commerce de proximité', 'pour manger mieux',
  'contre l’exclusion numérique', 'pour la mobilité de tous', 'qui mutualise les savoir-faire', 'pour le réemploi',
  'au cœur du quartier', 'pour la transition énergétique', 'qui fait vivre la culture', 'pour l’accès au logement',
]
const PLACES = [
  'Lille', 'Lyon', 'Marseille', 'Nantes', 'Rennes', 'Grenoble', 'Bordeaux', 'Toulouse', 'Besançon', 'Limoges', 'Poitiers', 'Dijon', 'Tours',
  'Amiens', 'Brest', 'Montpellier', 'Clermont-Ferrand', 'Roubaix', 'Villeurbanne', 'Saint-Étienne',
]
const FIRST_NAMES = ['Claire', 'Julien', 'Sophie', 'Karim', 'Nathalie', 'Thomas', 'Amina', 'Pierre', 'Léa', 'Hugo', 'Chantal', 'Yann', 'Inès', 'Marc']
const LAST_NAMES = ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Garnier', 'Roux', 'Fontaine', 'Chevalier', 'Benali', 'Perrin', 'Lemoine']
const SYLLABLES = 'co op ra tion so li dai re no mie ter ri to al ac teur fi nan pô le mu tu in ser dé ve lop ment ré seau ci toy gou ver pro jet lo cal ha bi tat'.split(' ')

export type LexicalText = { type: 'text'; text: string; detail: 0; format: 0; mode: 'normal'; style: ''; version: 1 }
export type LexicalParagraph = {
  type: 'paragraph'
  children: LexicalText[]
  direction: 'ltr'
  format: ''
  indent: 0
  textFormat: 0
  version: 1
}
export type LexicalDoc = { root: { type: 'root'; children: LexicalParagraph[]; direction: 'ltr'; format: ''; indent: 0; version: 1 } }

export type TextGenerator = ReturnType<typeof textGenerator>

export function textGenerator(seed: number) {
  const random = mulberry32(seed)
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const chance = (p: number) => random() < p

  const sentence = (): string => {
    const parts = [pick(SUBJECTS), pick(VERBS), pick(OBJECTS), pick(COMPLEMENTS)]
    if (chance(0.3)) parts.unshift(pick(CONNECTORS))
    if (chance(0.25)) parts.push(`à ${pick(PLACES)}`)
    let s = parts.join(' ')
    if (parts[0]!.endsWith(',')) s = s.replace(/, (\p{Lu})/u, (_, c: string) => `, ${c.toLowerCase()}`)
    return `${s}.`
  }
  /** Sentences adding up to at least `words` words. */
  const sentences = (words: number): string[] => {
    const out: string[] = []
    let count = 0
    while (count < words) {
      const s = sentence()
      out.push(s)
      count += s.split(' ').length
    }
    return out
  }
  const text = (words: number) => sentences(words).join(' ')
  const title = () => `${pick(TITLE_HEADS)} ${pick(TITLE_TAILS)}${chance(0.5) ? ` à ${pick(PLACES)}` : ''}`
  const person = () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`
  const place = () => pick(PLACES)
  /** A made-up term ("Coopératerritorial"), for glossary entries. */
  const word = () => {
    const w = Array.from({ length: int(3, 5) }, () => pick(SYLLABLES)).join('')
    return w[0]!.toUpperCase() + w.slice(1)
  }
  const lexical = (words: number): LexicalDoc => {
    const all = sentences(words)
    const paragraphs: LexicalParagraph[] = []
    for (let i = 0; i < all.length; i += 4) {
      paragraphs.push({
        type: 'paragraph',
        children: [{ type: 'text', text: all.slice(i, i + 4).join(' '), detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
        direction: 'ltr',
        format: '',
        indent: 0,
        textFormat: 0,
        version: 1,
      })
    }
    return { root: { type: 'root', children: paragraphs, direction: 'ltr', format: '', indent: 0, version: 1 } }
  }
  return { random, int, pick, chance, sentence, text, title, person, place, word, lexical }
}

/** Plain text of a Lexical document (to check what was stored). */
export const lexicalText = (doc: LexicalDoc): string => doc.root.children.map((p) => p.children.map((c) => c.text).join('')).join('\n')
