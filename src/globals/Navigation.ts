import type { ArrayField, GlobalConfig } from 'payload'

import { globalAccess } from '../access/content'
import { linkGroup } from '../fields/link'

const menu = (name: string, label: string): ArrayField => ({
  name,
  label,
  labels: { singular: 'Entrée', plural: 'Entrées' },
  type: 'array',
  maxRows: 20,
  fields: [{ name: 'label', label: 'Libellé', type: 'text', required: true }, linkGroup()],
})

/** Header and footer menus. */
export const Navigation: GlobalConfig = {
  slug: 'navigation',
  graphQL: { name: 'Navigation' },
  label: 'Navigation',
  admin: {
    group: 'Réglages',
    description: 'Menus de l’en-tête et du pied de page.',
  },
  access: globalAccess,
  fields: [menu('header', 'Menu principal (en-tête)'), menu('footer', 'Menu du pied de page')],
}
