import { describe, expect, it } from 'vitest'

import { Outbox } from '../../src/plugins/comments/outbox'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function recorder() {
  const sent: { to: string[]; items: string[] }[] = []
  return { sent, send: async (to: string[], items: string[]) => void sent.push({ to, items }) }
}

describe('moderators’ outbox', () => {
  it('sends the first item at once, then one digest of the next ones when the window ends', async () => {
    const { sent, send } = recorder()
    const outbox = new Outbox(send, 80)
    outbox.add(['a@x.test'], 'un')
    await sleep(0)
    expect(sent).toEqual([{ to: ['a@x.test'], items: ['un'] }])
    outbox.add(['a@x.test'], 'deux')
    outbox.add(['a@x.test'], 'trois')
    expect(outbox.held).toBe(2)
    await sleep(20)
    expect(sent).toHaveLength(1)
    await sleep(100)
    expect(sent).toEqual([
      { to: ['a@x.test'], items: ['un'] },
      { to: ['a@x.test'], items: ['deux', 'trois'] },
    ])
    expect(outbox.held).toBe(0)
    // The digest opened a new window: the next item waits for it.
    outbox.add(['a@x.test'], 'quatre')
    expect(outbox.held).toBe(1)
    await outbox.flush()
    expect(sent.at(-1)).toEqual({ to: ['a@x.test'], items: ['quatre'] })
  })

  it('keeps one window per recipient list, whatever its order', async () => {
    const { sent, send } = recorder()
    const outbox = new Outbox(send, 10_000)
    outbox.add(['a@x.test', 'b@x.test'], 'un')
    outbox.add(['c@x.test'], 'deux')
    outbox.add(['b@x.test', 'a@x.test'], 'trois')
    await sleep(0)
    expect(sent).toEqual([
      { to: ['a@x.test', 'b@x.test'], items: ['un'] },
      { to: ['c@x.test'], items: ['deux'] },
    ])
    await outbox.flush()
    expect(sent.at(-1)).toEqual({ to: ['b@x.test', 'a@x.test'], items: ['trois'] })
  })

  it('flush sends what is held and waits for the sends; nobody to tell, nothing sent', async () => {
    let finished = 0
    const outbox = new Outbox<string>(async () => {
      await sleep(30)
      finished++
    }, 10_000)
    outbox.add([], 'personne')
    outbox.add(['a@x.test'], 'un')
    outbox.add(['a@x.test'], 'deux')
    await outbox.flush()
    expect(finished).toBe(2)
  })

  it('a failed send loses nothing else', async () => {
    const sent: string[][] = []
    let fail = true
    const outbox = new Outbox<string>(async (_to, items) => {
      if (fail) {
        fail = false
        throw new Error('SMTP indisponible')
      }
      sent.push(items)
    }, 0)
    outbox.add(['a@x.test'], 'un')
    outbox.add(['a@x.test'], 'deux')
    await outbox.flush()
    expect(sent).toEqual([['deux']])
  })
})
