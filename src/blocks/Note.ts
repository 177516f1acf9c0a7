import type { Block, RichTextField } from 'payload'

/**
 * A footnote, written where it is called (SPIP `[[…]]`): the site shows a numbered call and
 * lists the notes at the end of the text, with links both ways.
 */
export const createNoteBlock = (content: Pick<RichTextField, 'editor' | 'validate'>): Block => ({
  slug: 'note',
  interfaceName: 'NoteBlock',
  labels: { singular: 'Note de bas de page', plural: 'Notes de bas de page' },
  admin: { disableBlockName: true },
  fields: [
    { name: 'content', type: 'richText', label: 'Texte de la note', required: true, ...content },
    {
      name: 'mark',
      type: 'text',
      label: 'Appel',
      admin: { description: 'Laisser vide pour une numérotation automatique (1, 2, 3…).' },
    },
    { name: 'unnumbered', type: 'checkbox', label: 'Note sans appel (non numérotée)', defaultValue: false },
  ],
})
