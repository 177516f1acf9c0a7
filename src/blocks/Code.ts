import type { Block } from 'payload'

/**
 * Preformatted text in a rich text: code to show (SPIP `<code>` on several lines) or to copy
 * (SPIP `<cadre>`), never interpreted.
 */
export const CodeBlock: Block = {
  slug: 'code',
  interfaceName: 'CodeBlock',
  labels: { singular: 'Code', plural: 'Codes' },
  fields: [
    {
      name: 'language',
      type: 'text',
      label: 'Langage',
      admin: { description: 'Par exemple php, html, css ; laisser vide pour du texte brut.' },
    },
    { name: 'code', type: 'code', label: 'Code', required: true },
  ],
}
