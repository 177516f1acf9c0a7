/**
 * Corrections to Payload's French admin texts (3.90), and the time zones editors schedule in.
 * payload.config.ts reads both.
 */
export const frenchAdminTexts = {
  general: {
    // Payload's French text has an untranslated placeholder ("{{titre}}") and calls the hour "Temps".
    schedulePublishFor: 'Programmer la publication de « {{title}} »',
    time: 'Date et heure',
  },
}

/** Paris first and by default, then the overseas departments and territories. */
export const adminTimezones = {
  defaultTimezone: 'Europe/Paris',
  supportedTimezones: [
    { label: 'Paris (heure de la métropole)', value: 'Europe/Paris' },
    { label: 'Guadeloupe, Martinique (Antilles)', value: 'America/Martinique' },
    { label: 'Guyane', value: 'America/Cayenne' },
    { label: 'La Réunion', value: 'Indian/Reunion' },
    { label: 'Mayotte', value: 'Indian/Mayotte' },
    { label: 'Nouvelle-Calédonie', value: 'Pacific/Noumea' },
    { label: 'Polynésie française (Tahiti)', value: 'Pacific/Tahiti' },
    { label: 'Temps universel (UTC)', value: 'UTC' },
  ],
}
