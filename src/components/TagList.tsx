import type { Tag } from '@/payload-types'

/** Tag names as a list of badges ("Domaines", "Mots-clés"); nothing when there are none. */
export function TagList({ tags, label }: { tags: Tag[]; label?: string }) {
  if (!tags.length) return null
  return (
    <ul className="tags" aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.id}>{tag.name}</li>
      ))}
    </ul>
  )
}
