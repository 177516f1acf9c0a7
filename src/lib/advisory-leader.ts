/**
 * One process at a time among all those on a database: the holder of a Postgres session-level
 * advisory lock, kept on a connection of its own. When the holder stops (or loses its
 * connection), the lock goes with its session and the next process to ask takes it.
 */
import type pg from 'pg'

import { namedClient } from './pg-connection'

export class AdvisoryLeader {
  private client: pg.Client | undefined
  private leading = false
  private asking: Promise<boolean> | undefined

  constructor(
    private readonly connectionString: string,
    /** The lock's name (hashed by Postgres into the lock key). */
    private readonly name: string,
    private readonly applicationName = 'labo-leader',
  ) {}

  /** Whether this process holds the lock, taking it if it is free. */
  isLeader(): Promise<boolean> {
    if (this.leading) return Promise.resolve(true)
    this.asking ??= this.ask().finally(() => (this.asking = undefined))
    return this.asking
  }

  private async ask(): Promise<boolean> {
    try {
      if (!this.client) {
        const client = namedClient(this.connectionString, this.applicationName)
        const forget = () => {
          if (this.client !== client) return
          this.client = undefined
          this.leading = false
        }
        client.on('error', forget)
        client.on('end', forget)
        await client.connect()
        this.client = client
      }
      const { rows } = await this.client.query<{ taken: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS taken', [this.name])
      this.leading = rows[0]?.taken === true
      return this.leading
    } catch {
      // The database is away: not leading; the next call tries again.
      const client = this.client
      this.client = undefined
      this.leading = false
      await client?.end().catch(() => {})
      return false
    }
  }

  /** Lets the lock go (closing its session). */
  async close(): Promise<void> {
    const client = this.client
    this.client = undefined
    this.leading = false
    await client?.end().catch(() => {})
  }
}
