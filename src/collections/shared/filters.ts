import type { FilterOptions } from 'payload'

/** A document cannot be related to itself. */
export const notSelf: FilterOptions = ({ id }) => (id !== undefined && id !== null ? { id: { not_equals: id } } : true)
