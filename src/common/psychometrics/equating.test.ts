import { describe, expect, it } from 'vitest'
import { datasetsPresent } from '../../../test/helpers/psychometrics-datasets.js'
import { readReferenceCsv } from '../../../test/helpers/psychometrics-reference.js'
import {
  EquatingError, equatedMoments, equipercentileEquating, linearEquating, meanEquating, neatEquating, neatScoreRange,
  type AnchorRecord, type FrequencyTable,
} from './equating.js'

const within = (actual: number, expected: number, tolerance: number) => expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance)
const at4 = (actual: number | null, expected: number) => within(actual!, expected, 5e-5)

const present = datasetsPresent('equating')

describe.skipIf(!present)('published results', () => {
  const act = () => {
    const rows = readReferenceCsv('actmath.csv')
    const scores = rows.map((r) => Number(r.scale))
    return { x: { scores, counts: rows.map((r) => Number(r.xcount)) }, y: { scores, counts: rows.map((r) => Number(r.ycount)) } }
  }
  const kb = (name: string): AnchorRecord[] => readReferenceCsv(name).map((r) => ({ total: Number(r.total), anchor: Number(r.anchor) }))

  it('ACTmath random groups: mean and linear equating at 4 decimals', () => {
    const { x, y } = act()
    const mean = meanEquating(x, y)
    expect(mean.slope).toBe(1)
    at4(mean.intercept, -0.8726)
    const linear = linearEquating(x, y)
    at4(linear.slope, 1.0886)
    at4(linear.intercept, -2.6319)
    within(linear.equated[10]!.equated, linear.intercept! + 10 * linear.slope!, 1e-12)
  })

  it('ACTmath unsmoothed equipercentile: e_Y(1..5), equated mean and SD at 4 decimals', () => {
    const { x, y } = act()
    const result = equipercentileEquating(x, y)
    expect(result.slope).toBeNull()
    expect(result.intercept).toBeNull()
    expect(result.equated.map((e) => e.score)).toEqual(x.scores)
    ;[0.9796, 1.6462, 2.2856, 2.8932, 3.6205].forEach((e, i) => at4(result.equated[i + 1]!.equated, e))
    const moments = equatedMoments(x, result)
    at4(moments.mean, 18.9799)
    at4(moments.sd, 8.9352)
  })

  it('KBneat internal anchor: Tucker, Levine observed-score and chained linear at 4 decimals', () => {
    const x = kb('kbneat-x.csv')
    const y = kb('kbneat-y.csv')
    const scores = neatScoreRange(x)
    expect(scores).toEqual(Array.from({ length: 37 }, (_, s) => s))
    const expected = { tucker: [1.0292, 0.5378], levine: [1.011, 0.2514], chained: [1.0213, 0.3937] } as const
    for (const method of ['tucker', 'levine', 'chained'] as const) {
      const result = neatEquating(method, x, y, scores)
      at4(result.slope, expected[method][0])
      at4(result.intercept, expected[method][1])
      within(result.equated[20]!.equated, result.intercept! + 20 * result.slope!, 1e-12)
    }
  })
})

const table = (counts: number[], from = 0): FrequencyTable => ({ scores: counts.map((_, i) => from + i), counts })

describe('random groups', () => {
  it('equates a form onto itself as the identity, by every method', () => {
    const x = table([2, 5, 9, 6, 3])
    for (const result of [meanEquating(x, x), linearEquating(x, x), equipercentileEquating(x, x)]) {
      result.equated.forEach((e) => within(e.equated, e.score, 1e-12))
    }
  })

  it('equipercentile handles scores nobody obtained, in X and in Y', () => {
    // X: nobody scored 1; Y: nobody scored 2.
    const result = equipercentileEquating(table([1, 0, 1, 2]), table([1, 1, 0, 2]))
    const e = result.equated.map((r) => r.equated)
    expect(e.every(Number.isFinite)).toBe(true)
    for (let i = 1; i < e.length; i++) expect(e[i]!).toBeGreaterThanOrEqual(e[i - 1]!)
    // X score 1 (frequency 0) has percentile rank F(0) = .25, which Y reaches at the top of score 0.
    within(e[1]!, 0.5, 1e-12)
    // X score 2 has rank .375: halfway through Y's score 1 (F from .25 to .5), so the middle of 0.5–1.5.
    within(e[2]!, 1, 1e-12)
    // The top X score (rank .75) falls on Y's score 3, skipping its empty score 2.
    within(e[3]!, 3, 1e-12)
  })

  it('equipercentile maps a rank of 0 to half a point below Y\'s lowest score and keeps all-correct at the top', () => {
    const result = equipercentileEquating(table([0, 0, 3, 1]), table([0, 2, 2, 0]))
    within(result.equated[0]!.equated, 0.5, 1e-12)
    // Everyone in X scored 2 or 3 (all correct): 3 is at rank 7/8.
    within(result.equated[3]!.equated, 2.25, 1e-12)
  })

  it('equipercentile maps a rank of 1 (a score above everyone in X) to K_Y + 0.5, the top of Y\'s table', () => {
    const result = equipercentileEquating(table([1, 1, 0]), table([1, 1, 0]))
    within(result.equated[2]!.equated, 2.5, 1e-12)
  })

  it('one examinee: mean equating works, linear has no spread and is refused', () => {
    const one = table([0, 0, 1, 0])
    const y = table([1, 2, 3, 2])
    expect(meanEquating(one, y).intercept).toBeCloseTo((0 + 2 + 6 + 6) / 8 - 2, 12)
    expect(() => linearEquating(one, y)).toThrow(/every examinee has the same score/)
    expect(equipercentileEquating(one, y).equated[2]!.equated).toBeGreaterThan(0)
  })

  it('refuses empty, gapped and negative-count tables', () => {
    expect(() => meanEquating(table([0, 0]), table([1]))).toThrow(/no examinees/)
    expect(() => meanEquating({ scores: [0, 2], counts: [1, 1] }, table([1]))).toThrow(/consecutive/)
    expect(() => linearEquating(table([1, -1, 2]), table([1, 1]))).toThrow(EquatingError)
    expect(() => equipercentileEquating({ scores: [], counts: [] }, table([1]))).toThrow(/empty/)
  })
})

describe('NEAT', () => {
  const records = (pairs: [number, number][]): AnchorRecord[] => pairs.map(([total, anchor]) => ({ total, anchor }))
  const p = records([[10, 3], [14, 5], [18, 6], [22, 8], [25, 9], [12, 4]])
  it('is the identity when both groups and forms are the same, by every method', () => {
    for (const method of ['tucker', 'levine', 'chained'] as const) {
      const result = neatEquating(method, p, p, [0, 10, 20])
      within(result.slope!, 1, 1e-12)
      within(result.intercept!, 0, 1e-12)
    }
  })
  it('refuses one examinee, an anchor above the total, and a constant anchor', () => {
    expect(() => neatEquating('tucker', records([[10, 3]]), p, [0])).toThrow(/at least two examinees/)
    expect(() => neatEquating('levine', records([[10, 3], [2, 5]]), p, [0])).toThrow(/exceeds the total/)
    expect(() => neatEquating('chained', records([[10, 3], [12, 3]]), p, [0])).toThrow(/same anchor score/)
    expect(() => neatEquating('tucker', p, records([[10, 3], [10, 4]]), [0])).toThrow(/same score/)
  })
  it('lists X scores from 0 to the highest total observed', () => {
    expect(neatScoreRange(p)).toEqual(Array.from({ length: 26 }, (_, s) => s))
  })
})
