import Image from 'next/image'

import type { Media as MediaDoc } from '@/payload-types'

type Size = 'thumbnail' | 'card' | 'hero'

/** An image from the Media collection at one of its generated sizes, through next/image. */
export function MediaImage({
  media,
  size = 'card',
  priority = false,
  sizes = '(max-width: 48rem) 100vw, 48rem',
}: {
  media: MediaDoc | number | null | undefined
  size?: Size
  priority?: boolean
  /** The rendered width, for the browser's choice of source ("5rem" for a logo). */
  sizes?: string
}) {
  if (!media || typeof media !== 'object' || !media.url || !media.mimeType?.startsWith('image/')) return null
  const variant = media.sizes?.[size]
  const src = variant?.url || media.url
  const width = variant?.width || media.width || 800
  const height = variant?.height || media.height || 600
  return <Image src={src} alt={media.alt} width={width} height={height} priority={priority} sizes={sizes} />
}
