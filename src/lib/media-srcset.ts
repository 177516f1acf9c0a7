/** Responsive sources of a Media image: never wider than the file itself. */

export type ImageVariant = { url?: string | null; width?: number | null; height?: number | null }

export type MediaLike = ImageVariant & {
  alt?: string | null
  mimeType?: string | null
  sizes?: Record<string, ImageVariant | undefined> | null
}

export type ImageSource = { src: string; width: number; height: number; alt: string }

/**
 * The file to show for a use: the generated WebP variant of that name when Payload made one
 * (it makes none for an image smaller than the variant), else the original as it is.
 */
export function imageSource(media: unknown, variant: string): ImageSource | null {
  if (!media || typeof media !== 'object') return null
  const doc = media as MediaLike
  if (!doc.url || !doc.mimeType?.startsWith('image/')) return null
  const sized = doc.sizes?.[variant]
  const file = sized?.url && sized.width && sized.height ? sized : doc
  if (!file.url || !file.width || !file.height) return null
  return { src: file.url, width: file.width, height: file.height, alt: doc.alt ?? '' }
}

/**
 * A srcset ("url 640w, url 750w, …", as next/image writes it) without the candidates wider than
 * the file (the optimizer never enlarges: they would be the same pixels, heavier), closed by the
 * file itself at its own width, served as it is.
 */
export function capSrcSet(srcSet: string | undefined, width: number, src: string): string {
  const kept = (srcSet ?? '')
    .split(/,\s+(?=\S+\s+\d+w)/)
    .map((candidate) => candidate.trim())
    .filter((candidate) => {
      const w = /\s(\d+)w$/.exec(candidate)
      return w !== null && Number(w[1]) < width
    })
  return [...kept, `${src} ${width}w`].join(', ')
}
