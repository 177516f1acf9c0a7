/**
 * An in-memory store of public REST answers, bounded in entries and bytes, least recently used
 * out first. Each entry is kept under the content generation it was computed at: an entry of an
 * older generation is never served (see src/plugins/rest-cache).
 */

export type CachedAnswer = {
  status: number
  headers: [string, string][]
  body: Uint8Array<ArrayBuffer>
  etag: string
}

type Entry = CachedAnswer & { generation: string }

export type ResponseCacheOptions = { maxEntries?: number; maxBytes?: number; maxEntryBytes?: number }

export class ResponseCache {
  private readonly entries = new Map<string, Entry>()
  private bytes = 0
  readonly maxEntries: number
  readonly maxBytes: number
  readonly maxEntryBytes: number

  constructor({ maxEntries = 2_000, maxBytes = 64 * 1024 * 1024, maxEntryBytes = 2 * 1024 * 1024 }: ResponseCacheOptions = {}) {
    this.maxEntries = maxEntries
    this.maxBytes = maxBytes
    this.maxEntryBytes = maxEntryBytes
  }

  get size(): number {
    return this.entries.size
  }

  get totalBytes(): number {
    return this.bytes
  }

  /** The answer stored for `key` at `generation`; an entry of another generation is dropped. */
  get(key: string, generation: string): CachedAnswer | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    if (entry.generation !== generation) {
      this.bytes -= entry.body.byteLength
      return undefined
    }
    this.entries.set(key, entry)
    return entry
  }

  /** Stores an answer; too large a body is not kept. Older entries make room. */
  set(key: string, generation: string, answer: CachedAnswer): boolean {
    this.delete(key)
    const size = answer.body.byteLength
    if (size > this.maxEntryBytes || size > this.maxBytes) return false
    this.entries.set(key, { ...answer, generation })
    this.bytes += size
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break
      this.entries.delete(oldest)
      this.bytes -= entry.body.byteLength
    }
    return true
  }

  delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.body.byteLength
  }

  clear(): void {
    this.entries.clear()
    this.bytes = 0
  }
}
