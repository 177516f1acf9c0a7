/** French label of a select value, from the options a collection declares. */
export const labelOf = (options: readonly { label: string; value: string }[], value: string | null | undefined): string =>
  options.find((o) => o.value === value)?.label ?? value ?? ''
