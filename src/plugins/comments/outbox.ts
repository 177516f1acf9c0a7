/**
 * Moderators' mail, at most one message per window and recipient list: the first held comment
 * after a quiet window is sent at once; those that follow within the window wait and leave
 * together when it ends. A wave of comments (a priori moderation, a spam run) makes one digest
 * a minute instead of one message per comment, and costs each post an array push instead of
 * an SMTP conversation.
 *
 * Kept in memory: a process that stops loses the digest it was holding (at most one window of
 * messages); the comments themselves are in the database and in the admin's queue.
 */
export type Send<T> = (to: string[], items: T[]) => Promise<void>

type Box<T> = { to: string[]; items: T[]; timer: ReturnType<typeof setTimeout> }

export class Outbox<T> {
  private readonly boxes = new Map<string, Box<T>>()
  private readonly lastSent = new Map<string, number>()
  private readonly sending = new Set<Promise<void>>()

  constructor(
    private readonly send: Send<T>,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sends at once after a quiet window, else holds the item for the window's digest. */
  add(to: string[], item: T): void {
    if (to.length === 0) return
    const key = [...to].sort().join('\n')
    const box = this.boxes.get(key)
    if (box) {
      box.items.push(item)
      return
    }
    const since = this.now() - (this.lastSent.get(key) ?? -Infinity)
    if (since >= this.windowMs) {
      this.dispatch(key, to, [item])
      return
    }
    const timer = setTimeout(() => this.release(key), this.windowMs - since)
    // A held digest never keeps a script or a test process alive (see flush).
    timer.unref?.()
    this.boxes.set(key, { to, items: [item], timer })
  }

  /** Items waiting for their window to end. */
  get held(): number {
    let n = 0
    for (const box of this.boxes.values()) n += box.items.length
    return n
  }

  /** Sends every held digest now and waits for all sends in progress. */
  async flush(): Promise<void> {
    for (const key of [...this.boxes.keys()]) this.release(key)
    await Promise.all([...this.sending])
  }

  private release(key: string): void {
    const box = this.boxes.get(key)
    if (!box) return
    clearTimeout(box.timer)
    this.boxes.delete(key)
    this.dispatch(key, box.to, box.items)
  }

  private dispatch(key: string, to: string[], items: T[]): void {
    this.lastSent.set(key, this.now())
    const task = this.send(to, items).catch(() => undefined)
    this.sending.add(task)
    void task.finally(() => this.sending.delete(task))
  }
}
