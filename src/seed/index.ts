import type { Payload } from 'payload'

/** Loads the demo content (idempotent). Filled by the content model. */
export async function seed(payload: Payload): Promise<{ created: number }> {
  payload.logger.debug('seed: nothing to load yet')
  return { created: 0 }
}
