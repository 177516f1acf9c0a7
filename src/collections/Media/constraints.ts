export const ALLOWED_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/gif',
  'application/pdf',
] as const

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/**
 * Decoding an image costs time in proportion to its pixels, whatever its file size (a
 * 10,000 × 10,000 GIF of 66 kB takes 40 s of CPU): refused above this, before decoding.
 * 40 Mpx is a 7,700 × 5,200 photo, above any camera an editor uses for the site.
 */
export const MAX_IMAGE_PIXELS = 40_000_000
/** All frames of an animated image together. */
export const MAX_ANIMATION_PIXELS = 120_000_000

/** Why an image of these dimensions is refused, or null. */
export function imageTooLarge(width: number, height: number, frames = 1): string | null {
  const mpx = (pixels: number) => `${Math.round(pixels / 1_000_000)} millions de pixels`
  if (width * height > MAX_IMAGE_PIXELS) {
    return `Image trop grande (${width} × ${height} pixels, ${mpx(width * height)}) : ${mpx(MAX_IMAGE_PIXELS)} au plus. Réduisez-la avant de l’envoyer.`
  }
  if (width * height * frames > MAX_ANIMATION_PIXELS) {
    return `Animation trop lourde (${frames} images de ${width} × ${height} pixels) : ${mpx(MAX_ANIMATION_PIXELS)} au plus en tout.`
  }
  return null
}

/** The name a file gets for its real type: "page.html" holding a JPEG → "page.jpg". */
export function nameForType(name: string, ext: string): string {
  const base = name.replace(/\.[^./\\]*$/, '') || 'fichier'
  const same = new RegExp(`\\.(${ext === 'jpg' ? 'jpe?g' : ext})$`, 'i')
  return same.test(name) ? name : `${base}.${ext}`
}
