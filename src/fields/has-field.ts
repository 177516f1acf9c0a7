import type { Field } from 'payload'

/** Whether a collection's fields hold a data field of this name, looking inside unnamed tabs, rows and collapsibles. */
export const hasField = (fields: Field[], name: string): boolean =>
  fields.some((field) => {
    if ('name' in field && field.name === name) return true
    if (field.type === 'tabs') return field.tabs.some((tab) => !('name' in tab && tab.name) && hasField(tab.fields, name))
    if ((field.type === 'row' || field.type === 'collapsible') && 'fields' in field) return hasField(field.fields, name)
    return false
  })
