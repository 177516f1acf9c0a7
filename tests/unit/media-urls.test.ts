import { describe, expect, it } from 'vitest'

import { mediaImagePatterns, mediaPublicURL } from '@/lib/media-hosts.mjs'
import { capSrcSet, imageSource } from '@/lib/media-srcset'
import { siteOrigins } from '@/lib/site-paths'

const photo = {
  url: '/api/media/file/photo.jpg',
  alt: 'Une photo',
  mimeType: 'image/jpeg',
  width: 2400,
  height: 1600,
  sizes: {
    thumbnail: { url: '/api/media/file/photo-400x300.webp', width: 400, height: 300 },
    hero: { url: '/api/media/file/photo-1600x900.webp', width: 1600, height: 900 },
    card: { url: null, width: null, height: null },
  },
}

describe('imageSource', () => {
  it('takes the generated variant of the use', () => {
    expect(imageSource(photo, 'hero')).toEqual({ src: '/api/media/file/photo-1600x900.webp', width: 1600, height: 900, alt: 'Une photo' })
  })
  it('serves the original as it is when Payload made no variant (a smaller image)', () => {
    expect(imageSource(photo, 'card')).toEqual({ src: '/api/media/file/photo.jpg', width: 2400, height: 1600, alt: 'Une photo' })
    expect(imageSource(photo, 'original')?.src).toBe('/api/media/file/photo.jpg')
  })
  it('shows nothing for a PDF, an unpopulated relation or a file without dimensions', () => {
    expect(imageSource({ ...photo, mimeType: 'application/pdf' }, 'card')).toBeNull()
    expect(imageSource(12, 'card')).toBeNull()
    expect(imageSource(null, 'card')).toBeNull()
    expect(imageSource({ url: '/x.png', mimeType: 'image/png', alt: 'x' }, 'card')).toBeNull()
  })
})

describe('capSrcSet', () => {
  const next = (w: number) => `/_next/image?url=%2Fapi%2Fmedia%2Ffile%2Fp.jpg&w=${w}&q=75 ${w}w`
  const srcSet = [640, 750, 828, 1080, 1200, 1920, 2048, 3840].map(next).join(', ')

  it('drops the candidates wider than the file and ends with the file at its width', () => {
    expect(capSrcSet(srcSet, 1000, '/api/media/file/p.jpg')).toBe(
      [next(640), next(750), next(828), '/api/media/file/p.jpg 1000w'].join(', '),
    )
  })
  it('a 500 px photo is never offered at 3840w', () => {
    const capped = capSrcSet(srcSet, 500, '/api/media/file/small.jpg')
    expect(capped).toBe('/api/media/file/small.jpg 500w')
    expect(capped).not.toContain('3840w')
  })
  it('a candidate of exactly the file width is the file itself', () => {
    expect(capSrcSet(srcSet, 640, '/f.webp')).toBe('/f.webp 640w')
  })
  it('without a srcset, the file alone', () => {
    expect(capSrcSet(undefined, 300, '/f.webp')).toBe('/f.webp 300w')
  })
})

describe('media hosts', () => {
  it('without S3_PUBLIC_URL, next/image reads only the site’s media files', () => {
    expect(mediaPublicURL({})).toBeNull()
    expect(mediaImagePatterns({})).toEqual({ localPatterns: [{ pathname: '/api/media/file/**' }], remotePatterns: [] })
  })
  it('allows exactly the public media host and path', () => {
    const env = { S3_PUBLIC_URL: 'https://medias.lelabo-ess.org:8443/labo/' }
    expect(mediaPublicURL(env)).toBe('https://medias.lelabo-ess.org:8443/labo')
    expect(mediaImagePatterns(env).remotePatterns).toEqual([
      { protocol: 'https', hostname: 'medias.lelabo-ess.org', port: '8443', pathname: '/labo/**' },
    ])
    expect(mediaImagePatterns({ S3_PUBLIC_URL: 'https://cdn.example.org' }).remotePatterns[0]?.pathname).toBe('/**')
  })
  it('refuses an address that is not one, in French', () => {
    expect(() => mediaPublicURL({ S3_PUBLIC_URL: 'medias.example.org' })).toThrow(/S3_PUBLIC_URL : « medias.example.org » n’est pas une adresse/)
    expect(() => mediaPublicURL({ S3_PUBLIC_URL: 'ftp://x.org' })).toThrow(/S3_PUBLIC_URL/)
  })
})

describe('siteOrigins', () => {
  it('SITE_URL on this machine: its loopback twins on the same port', () => {
    expect(siteOrigins({ SITE_URL: 'http://localhost:3999/' })).toEqual([
      'http://localhost:3999',
      'http://127.0.0.1:3999',
      'http://[::1]:3999',
    ])
    expect(siteOrigins({})).toContain('http://127.0.0.1:3000')
  })
  it('a public SITE_URL and its aliases, nothing else', () => {
    expect(siteOrigins({ SITE_URL: 'https://www.lelabo-ess.org', SITE_ALIASES: 'https://lelabo-ess.org, https://labo.example.org/admin' })).toEqual([
      'https://www.lelabo-ess.org',
      'https://lelabo-ess.org',
      'https://labo.example.org',
    ])
  })
  it('names the variable that holds a bad address', () => {
    expect(() => siteOrigins({ SITE_URL: 'https://x.org', SITE_ALIASES: 'lelabo-ess.org' })).toThrow(/SITE_ALIASES : « lelabo-ess.org »/)
    expect(() => siteOrigins({ SITE_URL: 'localhost:3000' })).toThrow(/SITE_URL/)
  })
})
