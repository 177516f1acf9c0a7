import type { Metadata } from 'next'

type Meta = { title?: string | null; description?: string | null; image?: unknown } | undefined

type ImageLike = { url?: string | null; width?: number | null; height?: number | null }
type MediaLike = ImageLike & { alt?: string | null; sizes?: { hero?: ImageLike } }

/** Title, description, canonical URL and Open Graph of a public page, with fallbacks. */
export function pageMetadata({
  title,
  description,
  path,
  meta,
  image: fallbackImage,
  type = 'website',
}: {
  title: string
  description?: string | null
  path: string
  meta?: Meta
  /** The page's own image (a cover), when the SEO tab names none. */
  image?: unknown
  type?: 'website' | 'article'
}): Metadata {
  const finalTitle = meta?.title || title
  const finalDescription = meta?.description || description || undefined
  const chosen = meta?.image && typeof meta.image === 'object' ? meta.image : fallbackImage
  const image = chosen && typeof chosen === 'object' ? (chosen as MediaLike) : undefined
  // Site-relative media URLs are made absolute by the layout's metadataBase (SITE_URL).
  const file = image?.sizes?.hero?.url ? image.sizes.hero : image
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
      ...(file?.url
        ? { images: [{ url: file.url, alt: image?.alt ?? '', width: file.width ?? undefined, height: file.height ?? undefined }] }
        : {}),
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
