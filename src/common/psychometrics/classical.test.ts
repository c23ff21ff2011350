import { describe, expect, it } from 'vitest'
import { analyseDistractors, analyseItems, totalScores } from './classical.js'

const m = (rows: number[][]) => rows.map((r) => Uint8Array.from(r))

describe('analyseItems', () => {
  it('gives textbook values on a small matrix', () => {
    const a = analyseItems(m([[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]]), ['a', 'b', 'c'])
    expect(a.n).toBe(4)
    expect(a.mean).toBe(1.5)
    expect(a.sd).toBeCloseTo(Math.sqrt(5 / 3), 12)
    // Σpq = .1875 + .25 + .1875 = .625; var(T) = 1.25 → KR-20 = 1.5·(1 − .5) = .75
    expect(a.kr20).toBeCloseTo(0.75, 12)
    expect(a.sem).toBeCloseTo(Math.sqrt(5 / 3) * 0.5, 12)
    expect(a.items[0]!.p).toBe(0.75)
    expect(a.items.every((i) => i.exposure === 4)).toBe(true)
    expect(a.items[1]!.pointBiserial).toBeCloseTo(0.5 / Math.sqrt(0.25 * 1.25), 12)
  })

  it('gives null, not NaN, for a constant item (all 0 or all 1)', () => {
    const a = analyseItems(m([[1, 0, 1], [1, 0, 0], [1, 0, 1], [1, 0, 0], [1, 0, 1]]), ['all1', 'all0', 'c'])
    for (const id of [0, 1]) {
      expect(a.items[id]!.pointBiserial).toBeNull()
      expect(a.items[id]!.correctedItemTotal).toBeNull()
    }
    expect(a.items[0]!.p).toBe(1)
    expect(a.items[1]!.p).toBe(0)
    expect(a.items[2]!.pointBiserial).toBeCloseTo(1, 12)
    expect(JSON.stringify(a)).not.toContain('NaN')
  })

  it('handles one examinee: sd, KR-20, SEM and correlations undefined', () => {
    const a = analyseItems(m([[1, 0, 1]]), ['a', 'b', 'c'])
    expect(a).toMatchObject({ n: 1, k: 3, mean: 2, sd: null, kr20: null, sem: null })
    expect(a.items.map((i) => [i.p, i.pointBiserial, i.correctedItemTotal, i.alphaIfDeleted])).toEqual([[1, null, null, null], [0, null, null, null], [1, null, null, null]])
  })

  it('handles all correct: p = 1 everywhere, no variance, nothing undefined reported as a number', () => {
    const a = analyseItems(m([[1, 1], [1, 1], [1, 1]]), ['a', 'b'])
    expect(a).toMatchObject({ mean: 2, sd: 0, kr20: null, sem: null })
    expect(a.items.every((i) => i.p === 1 && i.pointBiserial === null && i.alphaIfDeleted === null)).toBe(true)
  })

  it('handles k = 1: the item is the total, no KR-20, no rest score', () => {
    const a = analyseItems(m([[1], [0], [1]]), ['only'])
    expect(a.kr20).toBeNull()
    expect(a.items[0]!.pointBiserial).toBeCloseTo(1, 12)
    expect(a.items[0]!.correctedItemTotal).toBeNull()
    expect(a.items[0]!.alphaIfDeleted).toBeNull()
  })

  it('refuses a ragged matrix', () => {
    expect(() => analyseItems(m([[1, 0], [1]]), ['a', 'b'])).toThrow(RangeError)
  })
})

describe('analyseDistractors', () => {
  it('gives option proportions and point-biserials, omissions, and a positive distractor r on a miskeyed item', () => {
    // The strongest two examinees chose C, the keyed option A went to the weakest: a miskey pattern.
    const totals = [10, 9, 5, 4, 2]
    const d = analyseDistractors({ id: 'q', options: ['A', 'B', 'C'], key: 0, chosen: Int16Array.from([2, 2, 1, 0, -1]) }, totals)
    expect(d.exposure).toBe(5)
    expect(d.omitted).toBeCloseTo(0.2, 12)
    expect(d.options.map((o) => o.proportion)).toEqual([0.2, 0.2, 0.4])
    expect(d.options[0]!.isKey).toBe(true)
    expect(d.options[2]!.pointBiserial!).toBeGreaterThan(0.8)
    expect(d.options[0]!.pointBiserial!).toBeLessThan(0)
  })
  it('gives null for an option nobody chose', () => {
    const d = analyseDistractors({ id: 'q', options: ['A', 'B'], key: 0, chosen: Int16Array.from([0, 0, 0]) }, [1, 2, 3])
    expect(d.options[1]).toMatchObject({ proportion: 0, pointBiserial: null })
  })
  it('refuses a choice outside the options, a key outside them, and mismatched lengths', () => {
    expect(() => analyseDistractors({ id: 'q', options: ['A'], key: 0, chosen: Int16Array.from([1]) }, [1])).toThrow(RangeError)
    expect(() => analyseDistractors({ id: 'q', options: ['A'], key: 1, chosen: Int16Array.from([0]) }, [1])).toThrow(RangeError)
    expect(() => analyseDistractors({ id: 'q', options: ['A'], key: 0, chosen: Int16Array.from([0]) }, [1, 2])).toThrow(RangeError)
  })
})

describe('totalScores', () => {
  it('sums each row', () => {
    expect([...totalScores(m([[1, 0, 1], [0, 0, 0]]))]).toEqual([2, 0])
  })
})
