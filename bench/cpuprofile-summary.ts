/**
 * Summary of a V8 CPU profile (.cpuprofile): the functions with the most self time, and the
 * packages/files they belong to. Not a test.
 *
 *   npx tsx bench/cpuprofile-summary.ts file.cpuprofile [--top 40] [--per N] [--match text]
 *
 * `--per N` divides times by N (e.g. the number of posts) to print ms per unit; `--match` also
 * prints the total (inclusive) time of every function whose name or file contains the text.
 */
import { readFileSync } from 'node:fs'

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

const args = process.argv.slice(2)
const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined)
const file = args[0]
const top = Number(opt('top') ?? 40)
const per = Number(opt('per') ?? 1)
const match = opt('match')

const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)

// Self time per node from the samples and their time deltas (µs).
const self = new Map<number, number>()
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
const total = [...self.values()].reduce((a, b) => a + b, 0)

const short = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, '')
    .replace(/^\/work\/[^/]+\//, '')
const key = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`
const area = (n: Node) => {
  const url = n.callFrame.url
  if (!url) return n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native)'
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (m) return m[1]
  if (url.startsWith('node:')) return 'node:*'
  return short(url).split('/').slice(0, 3).join('/')
}

const selfByFn = new Map<string, number>()
const selfByArea = new Map<string, number>()
for (const [id, t] of self) {
  const n = byId.get(id)!
  selfByFn.set(key(n), (selfByFn.get(key(n)) ?? 0) + t)
  selfByArea.set(area(n), (selfByArea.get(area(n)) ?? 0) + t)
}

// Inclusive time per function (each sample counted once per function on its stack).
const inclusive = new Map<string, number>()
profile.samples.forEach((id, i) => {
  const seen = new Set<string>()
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = key(byId.get(cur)!)
    if (!seen.has(k)) {
      seen.add(k)
      inclusive.set(k, (inclusive.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0))
    }
  }
})

const ms = (us: number) => (us / 1000 / per).toFixed(per === 1 ? 0 : 3).padStart(9)
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`
const print = (title: string, entries: [string, number][]) => {
  console.log(`\n${title}`)
  for (const [k, t] of entries) console.log(`${ms(t)} ms ${pct(t)}  ${k}`)
}

console.log(`profile: ${(total / 1000).toFixed(0)} ms sampled${per !== 1 ? `, figures per ${per}` : ''}`)
print('self time by package/area', [...selfByArea].sort((a, b) => b[1] - a[1]).slice(0, 25))
print('self time by function', [...selfByFn].sort((a, b) => b[1] - a[1]).slice(0, top))
print(
  'total time by function',
  [...inclusive].filter(([k]) => !match || k.includes(match)).sort((a, b) => b[1] - a[1]).slice(0, match ? top : top),
)

// `--callers text`: where the self time of the matching functions comes from (stacks, 6 frames deep).
const callersOf = opt('callers')
if (callersOf) {
  const stacks = new Map<string, number>()
  for (const [id, t] of self) {
    const n = byId.get(id)!
    if (!key(n).includes(callersOf)) continue
    const frames: string[] = []
    for (let cur = parent.get(id); cur !== undefined && frames.length < Number(opt('depth') ?? 6); cur = parent.get(cur)) frames.push(key(byId.get(cur)!))
    const k = frames.join('\n      < ')
    stacks.set(k, (stacks.get(k) ?? 0) + t)
  }
  print(`callers of ${callersOf}`, [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 15))
}

// `--owners`: self time charged to the nearest frame of Payload, its adapter or our code (library,
// driver and Node frames below it are charged to that frame).
if (args.includes('--owners')) {
  const owned = new Map<string, number>()
  const isOwner = (n: Node) => /payload\/dist|@payloadcms\/|\/src\/|scripts\//.test(n.callFrame.url) && n.callFrame.functionName !== "proto.query"
  for (const [id, t] of self) {
    let cur: number | undefined = id
    while (cur !== undefined && !isOwner(byId.get(cur)!)) cur = parent.get(cur)
    const k = cur === undefined ? `(no owner) ${area(byId.get(id)!)}` : key(byId.get(cur)!)
    owned.set(k, (owned.get(k) ?? 0) + t)
  }
  print('self time by owner', [...owned].sort((a, b) => b[1] - a[1]).slice(0, top))
}
