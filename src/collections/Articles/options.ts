/** Choices of an article's fields, free of Payload imports (the proxy and pages use them too). */
export const RUBRIQUES = [
  { label: 'On parle de nous', value: 'on-parle-de-nous' },
  { label: 'Interviews', value: 'interviews' },
  { label: 'Actualités', value: 'actualites' },
  { label: 'Publications', value: 'publications' },
]
