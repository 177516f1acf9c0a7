import type { Metadata } from 'next'

type Meta = { title?: string | null; description?: string | null; image?: unknown } | undefined

type MediaLike = { url?: string | null; alt?: string | null; sizes?: { hero?: { url?: string | null } } }

/** Title, description, canonical URL and Open Graph of a public page, with fallbacks. */
export function pageMetadata({
  title,
  description,
  path,
  meta,
  type = 'website',
}: {
  title: string
  description?: string | null
  path: string
  meta?: Meta
  type?: 'website' | 'article'
}): Metadata {
  const finalTitle = meta?.title || title
  const finalDescription = meta?.description || description || undefined
  const image = meta?.image && typeof meta.image === 'object' ? (meta.image as MediaLike) : undefined
  const imageUrl = image?.sizes?.hero?.url || image?.url
  return {
    title: finalTitle,
    description: finalDescription,
    alternates: { canonical: path },
    openGraph: {
      title: finalTitle,
      description: finalDescription,
      url: path,
      type,
      locale: 'fr_FR',
      ...(imageUrl ? { images: [{ url: imageUrl, alt: image?.alt ?? '' }] } : {}),
    },
  }
}

/** Plain text of a Lexical document (for descriptions), cut at a word boundary. */
export function plainText(data: unknown, max = 180): string {
  const parts: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const n = node as { text?: unknown; children?: unknown[]; root?: unknown }
    if (typeof n.text === 'string') parts.push(n.text)
    if (n.root) walk(n.root)
    if (Array.isArray(n.children)) {
      n.children.forEach(walk)
      parts.push(' ')
    }
  }
  walk(data)
  const text = parts.join('').replace(/\s+/g, ' ').trim()
  if (text.length <= max) return text
  return text.slice(0, text.lastIndexOf(' ', max)) + '…'
}
