/**
 * One sample document per collection and global, taken from the seed content, for the
 * examples of the OpenAPI document (src/plugins/openapi). Only the values that fit a field are
 * used there (relations are keyed by slug here, not by id, so they are left out).
 */
import { articles } from './data/articles'
import { axes } from './data/axes'
import { glossary } from './data/glossary'
import { pages } from './data/pages'
import { partners } from './data/partners'
import { mainProject } from './data/projects'
import { site } from './data/site'
import { tags } from './data/tags'

const first = <T>(list: readonly T[]): Record<string, unknown> => ({ ...(list[0] as Record<string, unknown>) })

export const seedExamples = (): Record<string, Record<string, unknown>> => {
  const axis = first(axes)
  const theme = axes[0]?.themes[0]
  return {
    articles: first(articles),
    projects: { ...mainProject },
    axes: axis,
    themes: theme ? { ...theme } : {},
    pages: first(pages),
    'glossary-terms': first(glossary),
    partners: first(partners),
    tags: first(tags),
    'site-settings': { ...site.settings },
  }
}
