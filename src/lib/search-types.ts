/** The collections the site search covers, and how a visitor reads their names. Pure. */

export const SEARCH_TYPES = ['articles', 'projects', 'axes', 'themes', 'pages', 'glossary-terms', 'partners'] as const

export type SearchType = (typeof SEARCH_TYPES)[number]

/** French names of each type: one result, several, and the filter's option. */
export const SEARCH_TYPE_LABELS: Record<SearchType, { singular: string; plural: string; inThe: string }> = {
  articles: { singular: 'Article', plural: 'Articles', inThe: 'dans les articles' },
  projects: { singular: 'Projet', plural: 'Projets', inThe: 'dans les projets' },
  axes: { singular: 'Axe', plural: 'Axes', inThe: 'dans les axes' },
  themes: { singular: 'Thème', plural: 'Thèmes', inThe: 'dans les thèmes' },
  pages: { singular: 'Page', plural: 'Pages', inThe: 'dans les pages' },
  'glossary-terms': { singular: 'Glossaire', plural: 'Glossaire', inThe: 'dans le glossaire' },
  partners: { singular: 'Partenaire', plural: 'Partenaires', inThe: 'parmi les partenaires' },
}

/** Partners have no page of their own: a result leads to their list. */
export const PARTNER_PATH = '/partenaires'

export const isSearchType = (value: unknown): value is SearchType => SEARCH_TYPES.includes(value as SearchType)
