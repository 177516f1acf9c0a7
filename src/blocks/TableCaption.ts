import type { Block } from 'payload'

/**
 * The caption of the table that follows it (Lexical tables have none): the site renders it as
 * the table's <caption>, the summary as a description read by screen readers.
 */
export const TableCaptionBlock: Block = {
  slug: 'tableCaption',
  interfaceName: 'TableCaptionBlock',
  labels: { singular: 'Légende de tableau', plural: 'Légendes de tableau' },
  admin: { disableBlockName: true },
  fields: [
    {
      name: 'caption',
      type: 'text',
      label: 'Légende',
      required: true,
      admin: { description: 'Se place juste avant le tableau qu’elle légende.' },
    },
    {
      name: 'summary',
      type: 'textarea',
      label: 'Résumé',
      admin: { description: 'Facultatif : décrit le contenu du tableau pour les lecteurs d’écran.' },
    },
  ],
}
