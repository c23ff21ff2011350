// The shipped bank does not give its keys away to someone answering blind (issue 10). Per module and
// interaction type, counted over the whole bank and over each pool:
// - no authored option position is keyed in more than 35% of the counted keys (position = 0-based index of a
//   keyed option among the interaction's options in document order; every keyed option of a multiple-response
//   item counts; an order item counts the option that goes first, a match item the target of its first source),
//   and no identifier of a choice, inline-choice or hotspot item is the key more often than that either;
// - no order item is keyed in the sorted order of its identifiers (plain or numeric-aware, forwards or
//   backwards) or in document order, and no match, associate or gap-match key contains the pairing of the i-th
//   source with the i-th target in sorted identifier order or in document order (associate: neighbours);
// - the key of a single-choice or multiple-response item is not usually the longest or the shortest option
//   (strictly, or with ties broken by document order or at random); for a multiple-response item, "the key"
//   is its keyed options and "the longest" as many of the longest options as there are keys.
// With fewer than three counted keys no share below 50% is possible; there the rule is that nothing repeats.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadProgram } from '../../src/server/modules/program/program.loader.js'
import { itemsRoot, listItemFiles, readItem, type ItemOption, type ParsedItem } from './item-xml.js'

const MAX_SHARE = 0.35

type KeyedType = 'single choice' | 'multiple response' | 'inline choice' | 'order' | 'match' | 'associate' | 'gap match' | 'hotspot'

/** What the checks need of one item: where it sits, its options in document order and its key. */
interface Keyed {
  id: string
  pool: 'operational' | 'practice'
  module: string
  type: KeyedType
  options: ItemOption[]
  targets: ItemOption[]
  correct: string[]
}

function typeOf(item: ParsedItem): KeyedType | undefined {
  switch (item.interaction?.kind) {
    case 'choice':
      return item.cardinality === 'single' ? 'single choice' : 'multiple response'
    case 'inlineChoice':
      return 'inline choice'
    case 'order':
      return 'order'
    case 'match':
      return 'match'
    case 'associate':
      return 'associate'
    case 'gapMatch':
      return 'gap match'
    case 'hotspot':
      return 'hotspot'
    default:
      return undefined
  }
}

/** The most keys one position (or identifier) may take out of `total` counted keys. */
const allowed = (total: number): number => Math.max(1, Math.floor(MAX_SHARE * total))

const pairsOf = (k: Keyed): [string, string][] => k.correct.map((v) => v.trim().split(/\s+/) as [string, string])
const indexIn = (list: ItemOption[], id: string): number => list.findIndex((o) => o.id === id)

/** The authored positions an item's key counts at (see the header). */
function keyedPositions(k: Keyed): number[] {
  switch (k.type) {
    case 'single choice':
    case 'multiple response':
    case 'inline choice':
    case 'hotspot':
      return k.correct.map((id) => indexIn(k.options, id))
    case 'order':
      return [indexIn(k.options, k.correct[0] ?? '')]
    case 'match': {
      const first = k.options[0]?.id
      return pairsOf(k).filter(([s]) => s === first).map(([, t]) => indexIn(k.targets, t))
    }
    case 'gap match': {
      const firstGap = k.targets[0]?.id
      return pairsOf(k).filter(([, gap]) => gap === firstGap).map(([text]) => indexIn(k.options, text))
    }
    case 'associate': {
      const first = k.options[0]?.id ?? ''
      return pairsOf(k).filter((p) => p.includes(first)).map(([a, b]) => indexIn(k.options, a === first ? b : a))
    }
  }
}

const SCOPES = ['whole bank', 'operational pool', 'practice pool'] as const
const inScope = (k: Keyed, scope: (typeof SCOPES)[number]) => scope === 'whole bank' || scope === `${k.pool} pool`

/** Items grouped by scope, module and type, in a stable order. */
function groups(bank: Keyed[]): { label: string; items: Keyed[] }[] {
  const out = new Map<string, Keyed[]>()
  for (const scope of SCOPES) {
    for (const k of bank.filter((x) => inScope(x, scope))) {
      const label = `${k.module} ${k.type} (${scope})`
      out.set(label, [...(out.get(label) ?? []), k])
    }
  }
  return [...out].map(([label, items]) => ({ label, items }))
}

function overused<T extends string | number>(label: string, what: string, counted: { id: string; values: T[] }[]): string[] {
  const total = counted.reduce((n, c) => n + c.values.length, 0)
  const by = new Map<T, string[]>()
  for (const c of counted) for (const v of c.values) by.set(v, [...(by.get(v) ?? []), c.id])
  return [...by]
    .filter(([, ids]) => ids.length > allowed(total))
    .map(([v, ids]) => `${label}: ${what} ${v} is keyed ${ids.length} of ${total} times (at most ${allowed(total)}): ${ids.join(', ')}`)
}

/** Key positions (and key identifiers) spread over the options. */
function positionProblems(bank: Keyed[]): string[] {
  const problems: string[] = []
  for (const k of bank) {
    if (k.correct.length === 0) problems.push(`${k.id}: no key`)
    for (const p of keyedPositions(k)) if (p < 0) problems.push(`${k.id}: the key names an option the ${k.type} interaction does not have`)
    if ((k.type === 'order' || k.type === 'match') && keyedPositions(k).length === 0) problems.push(`${k.id}: the key does not place the first option`)
  }
  for (const g of groups(bank)) {
    problems.push(...overused(g.label, 'position', g.items.map((k) => ({ id: k.id, values: keyedPositions(k) }))))
    if (['single choice', 'multiple response', 'inline choice', 'hotspot'].includes(g.items[0]!.type)) {
      problems.push(...overused(g.label, 'identifier', g.items.map((k) => ({ id: k.id, values: k.correct }))))
    }
  }
  return problems
}

const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const natural = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true })
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])

/** Order keys that a blind sequence gives away, and pairings keyed as "i-th with i-th". */
function sortedOrderProblems(bank: Keyed[]): string[] {
  const problems: string[] = []
  for (const k of bank) {
    const ids = k.options.map((o) => o.id)
    if (k.type === 'order') {
      const blind: [string, string[]][] = [
        ['sorted identifier order', [...ids].sort(plain)],
        ['natural identifier order', [...ids].sort(natural)],
        ['reverse sorted identifier order', [...ids].sort(plain).reverse()],
        ['reverse natural identifier order', [...ids].sort(natural).reverse()],
        ['document order', ids],
        ['reverse document order', [...ids].reverse()],
      ]
      for (const [name, seq] of blind) if (sameList(seq, k.correct)) problems.push(`${k.module} order: ${k.id} is keyed in ${name} (${k.correct.join(' ')})`)
    }
    if (k.type === 'match' || k.type === 'gap match' || k.type === 'associate') {
      const keyed = new Set(pairsOf(k).map((p) => (k.type === 'associate' ? [...p].sort(plain) : p).join(' ')))
      const sources = k.type === 'gap match' ? k.options.map((o) => o.id) : ids
      const targets = (k.type === 'associate' ? k.options : k.targets).map((o) => o.id)
      const diagonal = (s: string[], t: string[]): string[] =>
        k.type === 'associate'
          ? Array.from({ length: Math.floor(s.length / 2) }, (_, i) => [s[2 * i]!, s[2 * i + 1]!].sort(plain).join(' '))
          : s.slice(0, Math.min(s.length, t.length)).map((x, i) => `${x} ${t[i]}`)
      const blind: [string, string[]][] = [
        ['sorted identifier order', diagonal([...sources].sort(plain), [...targets].sort(plain))],
        ['natural identifier order', diagonal([...sources].sort(natural), [...targets].sort(natural))],
        ['document order', diagonal(sources, targets)],
      ]
      for (const [name, pairs] of blind) {
        if (pairs.length > 0 && pairs.every((p) => keyed.has(p))) problems.push(`${k.module} ${k.type}: ${k.id} pairs i-th with i-th in ${name} (${pairs.join(', ')})`)
      }
    }
  }
  return problems
}

/** How often picking the longest (or shortest) options would score, per item: [strict, first of ties, last of ties, random tie]. */
function lengthHits(k: Keyed, direction: 'longest' | 'shortest'): [number, number, number, number] {
  const sign = direction === 'longest' ? 1 : -1
  const lens = k.options.map((o) => sign * [...o.text].length)
  const keyed = k.options.map((o) => k.correct.includes(o.id))
  const n = k.correct.length
  const keyLens = lens.filter((_, i) => keyed[i])
  const otherLens = lens.filter((_, i) => !keyed[i])
  const strict = Math.min(...keyLens) > Math.max(...otherLens) ? 1 : 0
  const pick = (tieOrder: number[]) => {
    const ranked = [...tieOrder].sort((a, b) => lens[b]! - lens[a]!)
    return ranked.slice(0, n).every((i) => keyed[i]) ? 1 : 0
  }
  const docOrder = lens.map((_, i) => i)
  // random ties: the options longer than the n-th longest must all be keys, and the keys among the
  // options tied with it are drawn from those ties
  const cut = [...lens].sort((a, b) => b - a)[n - 1]!
  const above = lens.filter((l) => l > cut).length
  const tied = lens.filter((l) => l === cut).length
  const keyedTied = lens.filter((l, i) => l === cut && keyed[i]).length
  const binomial = (a: number, b: number): number => (b === 0 ? 1 : (a * binomial(a - 1, b - 1)) / b)
  const ok = lens.every((l, i) => l <= cut || keyed[i]) && keyedTied === n - above
  const random = ok ? 1 / binomial(tied, n - above) : 0
  return [strict, pick(docOrder), pick([...docOrder].reverse()), random]
}

/** The key is not usually the longest or the shortest option. */
function lengthProblems(bank: Keyed[]): string[] {
  const problems: string[] = []
  const ways = ['strictly', 'with ties broken by document order', 'with ties broken by reverse document order', 'with ties broken at random (expected)']
  for (const g of groups(bank)) {
    if (!['single choice', 'multiple response'].includes(g.items[0]!.type)) continue
    for (const direction of ['longest', 'shortest'] as const) {
      const hits = g.items.map((k) => ({ id: k.id, hits: lengthHits(k, direction) }))
      ways.forEach((way, w) => {
        const score = hits.reduce((s, h) => s + h.hits[w]!, 0)
        const limit = w === 3 ? Math.max(1, MAX_SHARE * g.items.length) : allowed(g.items.length)
        if (score > limit + 1e-9) {
          const ids = hits.filter((h) => h.hits[w]! > 0).map((h) => h.id)
          problems.push(`${g.label}: picking the ${direction} option${g.items[0]!.type === 'multiple response' ? 's' : ''} ${way} scores on ${+score.toFixed(2)} of ${g.items.length} items (at most ${+limit.toFixed(2)}): ${ids.join(', ')}`)
        }
      })
    }
  }
  return problems
}

// ---- the shipped bank ------------------------------------------------------------------------------

const program = loadProgram(path.resolve(itemsRoot, '..'))
const moduleOf = new Map(program.modules.flatMap((m) => m.skills.map((s) => [s.code, m.code] as const)))
const files = listItemFiles()
const bank: Keyed[] = files.flatMap((f) => {
  const item = readItem(f.identifier)
  const type = typeOf(item)
  if (!type) return []
  const { options, targets } = item.interaction!
  return [{ id: f.identifier, pool: f.pool, module: moduleOf.get(f.skill) ?? `(no module for ${f.skill})`, type, options, targets, correct: item.correct }]
})

describe('the shipped MT1 item bank, answered blind', () => {
  it('reads the key and options of every item with options', () => {
    const numeric = files.filter((f) => readItem(f.identifier).interaction?.kind === 'textEntry').length
    expect(bank.length + numeric).toBe(files.length)
    for (const module of program.modules) expect(bank.filter((k) => k.module === module.code && k.type === 'single choice').length, module.code).toBeGreaterThan(10)
  })

  it('keys no authored option position, and no identifier, in more than 35% of a module’s items of a type', () => {
    expect(positionProblems(bank)).toEqual([])
  })

  it('keys no order item in sorted identifier order, and no pairing item as i-th with i-th', () => {
    expect(sortedOrderProblems(bank)).toEqual([])
  })

  it('does not make the key the longest or the shortest option in more than 35% of a module’s items of a type', () => {
    expect(lengthProblems(bank)).toEqual([])
  })
})

describe('the blind-answer checks themselves', () => {
  const opt = (id: string, text = id): ItemOption => ({ id, text, fixed: false })
  const single = (id: string, key: string, texts = ['one', 'two', 'six', 'ten'], pool: Keyed['pool'] = 'operational'): Keyed => ({
    id, pool, module: 'MM', type: 'single choice', options: ['A', 'B', 'C', 'D'].map((o, i) => opt(o, texts[i])), targets: [], correct: [key],
  })

  it('catches a position keyed too often and names it with the items', () => {
    const bank = ['A', 'A', 'B', 'C', 'D', 'A'].map((key, i) => single(`X-${i}`, key))
    const problems = positionProblems(bank)
    expect(problems).toContain('MM single choice (whole bank): position 0 is keyed 3 of 6 times (at most 2): X-0, X-1, X-5')
    expect(problems.join('\n')).toMatch(/identifier A is keyed 3 of 6 times/)
    expect(positionProblems(['A', 'B', 'C', 'D', 'A', 'B'].map((key, i) => single(`X-${i}`, key)))).toEqual([])
  })

  it('counts every keyed option of a multiple-response item and the first step of an order item', () => {
    const mr = (id: string, keys: string[]): Keyed => ({ id, pool: 'practice', module: 'QBA', type: 'multiple response', options: ['A', 'B', 'C', 'D', 'E'].map((o) => opt(o)), targets: [], correct: keys })
    expect(positionProblems([mr('M1', ['A', 'B']), mr('M2', ['A', 'C']), mr('M3', ['D', 'E'])])).toEqual([])
    expect(positionProblems([mr('M1', ['A', 'B']), mr('M2', ['A', 'C']), mr('M3', ['A', 'E'])])).toContain('QBA multiple response (whole bank): position 0 is keyed 3 of 6 times (at most 2): M1, M2, M3')
    const order = (id: string, key: string[]): Keyed => ({ id, pool: 'operational', module: 'SRMT', type: 'order', options: ['A', 'B', 'C'].map((o) => opt(o)), targets: [], correct: key })
    expect(keyedPositions(order('O1', ['C', 'A', 'B']))).toEqual([2])
    expect(positionProblems([order('O1', ['C', 'A', 'B']), order('O2', ['C', 'B', 'A'])])).toContain('SRMT order (whole bank): position 2 is keyed 2 of 2 times (at most 1): O1, O2')
  })

  it('catches order and pairing keys that sorted identifiers or document order give away', () => {
    const order = (key: string[], ids = ['S3', 'S1', 'S2']): Keyed => ({ id: 'O', pool: 'operational', module: 'QBA', type: 'order', options: ids.map((o) => opt(o)), targets: [], correct: key })
    expect(sortedOrderProblems([order(['S1', 'S2', 'S3'])])).toEqual(['QBA order: O is keyed in sorted identifier order (S1 S2 S3)', 'QBA order: O is keyed in natural identifier order (S1 S2 S3)'])
    expect(sortedOrderProblems([order(['S3', 'S1', 'S2'])])).toEqual(['QBA order: O is keyed in document order (S3 S1 S2)'])
    expect(sortedOrderProblems([order(['S10', 'S9', 'S2'], ['S2', 'S10', 'S9'])])).toEqual(['QBA order: O is keyed in reverse natural identifier order (S10 S9 S2)'])
    expect(sortedOrderProblems([order(['S1', 'S3', 'S2'])])).toEqual([])
    const match = (key: string[]): Keyed => ({ id: 'P', pool: 'operational', module: 'MM', type: 'match', options: ['L2', 'L1'].map((o) => opt(o)), targets: ['R1', 'R2', 'R3'].map((o) => opt(o)), correct: key })
    expect(sortedOrderProblems([match(['L1 R1', 'L2 R2'])])).toEqual(['MM match: P pairs i-th with i-th in sorted identifier order (L1 R1, L2 R2)', 'MM match: P pairs i-th with i-th in natural identifier order (L1 R1, L2 R2)'])
    expect(sortedOrderProblems([match(['L2 R1', 'L1 R2'])])).toEqual(['MM match: P pairs i-th with i-th in document order (L2 R1, L1 R2)'])
    expect(sortedOrderProblems([match(['L1 R2', 'L2 R3'])])).toEqual([])
  })

  it('catches keys that are usually the longest or the shortest option, also through ties', () => {
    const long = ['A', 'B', 'C', 'A'].map((key, i) => single(`Y-${i}`, key, key === 'A' ? ['the longest one', 'a', 'b', 'c'] : ['one', 'two', 'six', 'ten']))
    expect(lengthProblems(long)).toContain('MM single choice (whole bank): picking the longest option strictly scores on 2 of 4 items (at most 1): Y-0, Y-3')
    const tied = ['A', 'A', 'B', 'C'].map((key, i) => single(`Z-${i}`, key))
    expect(lengthProblems(tied)).toContain('MM single choice (whole bank): picking the longest option with ties broken by document order scores on 2 of 4 items (at most 1): Z-0, Z-1')
    expect(lengthProblems(['A', 'B', 'C', 'D'].map((key, i) => single(`W-${i}`, key)))).toEqual([])
    const mr = (id: string, keys: string[], texts: string[]): Keyed => ({ id, pool: 'operational', module: 'QBA', type: 'multiple response', options: texts.map((t, i) => opt('ABCDE'[i]!, t)), targets: [], correct: keys })
    const longKeys = [mr('M1', ['A', 'B'], ['longer one', 'longer two', 'x', 'y', 'z']), mr('M2', ['C', 'D'], ['x', 'y', 'longer one', 'longer two', 'z'])]
    expect(lengthProblems(longKeys)).toContain('QBA multiple response (whole bank): picking the longest options strictly scores on 2 of 2 items (at most 1): M1, M2')
  })
})
