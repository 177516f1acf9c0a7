import { describe, expect, it } from 'vitest'

import { imageTooLarge, nameForType } from '../../src/collections/Media/constraints'

describe('media constraints', () => {
  it('names a file for what it holds', () => {
    expect(nameForType('page.html', 'jpg')).toBe('page.jpg')
    expect(nameForType('photo.JPEG', 'jpg')).toBe('photo.JPEG')
    expect(nameForType('photo.jpg', 'jpg')).toBe('photo.jpg')
    expect(nameForType('rapport', 'pdf')).toBe('rapport.pdf')
    expect(nameForType('.htaccess', 'png')).toBe('fichier.png')
    expect(nameForType('archive.tar.gz', 'png')).toBe('archive.tar.png')
  })

  it('refuses images too large to decode, still or animated', () => {
    expect(imageTooLarge(6000, 4000)).toBeNull()
    expect(imageTooLarge(10_000, 10_000)).toMatch(/^Image trop grande \(10000 × 10000 pixels/)
    expect(imageTooLarge(1000, 1000, 100)).toBeNull()
    expect(imageTooLarge(1000, 1000, 200)).toMatch(/^Animation trop lourde \(200 images de 1000 × 1000 pixels\)/)
  })
})
