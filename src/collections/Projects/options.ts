/** Choices of a project's fields, free of Payload imports (the proxy and pages use them too). */
export const PROJECT_SCOPES = [
  { label: 'Partenaire national', value: 'national' },
  { label: 'Partenaire régional', value: 'regional' },
  { label: 'Partenaire local', value: 'local' },
  { label: 'Partenaire européen', value: 'europeen' },
  { label: 'Partenaire international', value: 'international' },
]
