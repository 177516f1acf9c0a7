/** French messages shown to editors (field-level errors) and returned by the REST API. */
export const MESSAGES = {
  slugFormat: 'Le slug ne peut contenir que des lettres minuscules sans accents, des chiffres et des tirets.',
  slugTaken: 'Ce slug est déjà utilisé par un autre document.',
  urlInvalid: 'Adresse invalide : seules les adresses http:// ou https:// sont acceptées.',
  urlOrPathInvalid:
    'Adresse invalide : seules les adresses http:// ou https:// et les chemins du site commençant par « / » sont acceptés.',
  linkInvalid:
    'Lien invalide : seules les adresses http://, https://, mailto: et les liens internes au site sont acceptés.',
  themeNumberTaken: 'Ce numéro de thème est déjà utilisé.',
  axisNumberTaken: 'Ce numéro d’axe est déjà utilisé.',
  dateInvalid: (value: string) =>
    `« ${value} » n’est pas une date valide : utilisez le format AAAA-MM-JJ (par exemple 2016-02-08).`,
  relationInvalidId: (value: string) => `Référence invalide : « ${value} » n’est pas un identifiant de document.`,
  relationMissing: (ids: string, collection: string) =>
    `Document introuvable : ${collection} n° ${ids} n’existe pas (ou plus).`,
} as const
