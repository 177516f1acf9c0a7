import type { CheckboxField } from 'payload'

/** Name of the per-document switch; the glossary plugin adds the field to the collections it annotates. */
export const GLOSSARY_SWITCH = 'glossaryDisabled'

/**
 * "Ne pas annoter les termes du glossaire": when checked, no term is annotated in this document,
 * on the site or in the REST annotations. The document still counts as using the terms it
 * contains (it is listed on their glossary pages): the switch is about presentation only.
 */
export const glossarySwitchField = (): CheckboxField => ({
  name: GLOSSARY_SWITCH,
  label: 'Ne pas annoter les termes du glossaire',
  type: 'checkbox',
  defaultValue: false,
  admin: {
    position: 'sidebar',
    description:
      'Coché : aucun terme du glossaire n’est signalé ni défini dans ce document. Il reste cité sur la page des termes qu’il emploie.',
  },
})

/** Whether a document (as read from Payload) switched the glossary off. */
export const glossaryDisabled = (doc: unknown): boolean =>
  Boolean(doc && typeof doc === 'object' && (doc as Record<string, unknown>)[GLOSSARY_SWITCH] === true)
