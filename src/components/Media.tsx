import { getImageProps } from 'next/image'
import { preload } from 'react-dom'

import { capSrcSet, imageSource } from '@/lib/media-srcset'

/** A generated variant (cropped to its frame), or the original's proportions. */
type Size = 'thumbnail' | 'card' | 'hero' | 'original'

/** Rendered widths (styles.css): the page's content column (72rem container), and prose (46rem). */
const WIDTHS = {
  page: '(max-width: 72rem) 100vw, 69.5rem',
  prose: '(max-width: 48.5rem) 100vw, 46rem',
}

/**
 * An image from the Media collection: the generated variant for its use (or the original when it
 * is smaller), resized by next/image for smaller screens, never offered wider than the file.
 */
export function MediaImage({
  media,
  size = 'card',
  priority = false,
  sizes = size === 'hero' ? WIDTHS.page : WIDTHS.prose,
}: {
  media: unknown
  size?: Size
  /** The page's main image: loaded first (preloaded, high priority, not lazy). */
  priority?: boolean
  /** The rendered width, for the browser's choice of source ("5rem" for a logo; default: the column's). */
  sizes?: string
}) {
  const source = imageSource(media, size)
  if (!source) return null
  const { props } = getImageProps({ src: source.src, alt: source.alt, width: source.width, height: source.height, sizes })
  const srcSet = capSrcSet(props.srcSet, source.width, source.src)
  if (priority) preload(source.src, { as: 'image', imageSrcSet: srcSet, imageSizes: sizes, fetchPriority: 'high' })
  return (
    // eslint-disable-next-line @next/next/no-img-element -- next/image's props, with a capped srcset
    <img
      {...props}
      src={source.src}
      srcSet={srcSet}
      loading={priority ? 'eager' : 'lazy'}
      fetchPriority={priority ? 'high' : undefined}
    />
  )
}
