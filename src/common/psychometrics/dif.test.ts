import { describe, expect, it } from 'vitest'
import { etsCategory, groupCodes, GroupTooSmallError, mantelHaenszel } from './dif.js'

const m = (rows: number[][]) => rows.map((r) => Uint8Array.from(r))

describe('mantelHaenszel', () => {
  it('leaves out examinees of neither group and counts the groups', () => {
    const scores = m([[1, 0], [0, 1], [1, 1], [0, 0], [1, 0], [1, 0]])
    const r = mantelHaenszel(scores, ['a', 'b'], groupCodes(['R', 'F', 'R', 'F', 'X', 'R'], 'R', 'F'))
    expect(r.referenceCount).toBe(3)
    expect(r.focalCount).toBe(2)
  })

  it('drops strata with fewer than two examinees (a lone examinee would divide by T − 1 = 0)', () => {
    // Total 2 has a single examinee; totals 0 and 3 have nobody (empty strata).
    const scores = m([[1, 1, 0], [1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 1, 0], [1, 0, 0]])
    const r = mantelHaenszel(scores, ['a', 'b', 'c'], Int8Array.from([0, 0, 0, 1, 1, 1]))
    expect(r.strata).toBe(1)
    expect(JSON.stringify(r)).not.toContain('NaN')
    // In the one kept stratum (total 1): reference a = 1 of 2, focal a = 2 of 3 → A=1 B=1 C=2 D=1, T=5.
    const a = r.items[0]!
    expect(a.alphaMH).toBeCloseTo((1 * 1) / 5 / ((1 * 2) / 5), 12)
    expect(a.deltaMH).toBeCloseTo(-2.35 * Math.log(0.5), 12)
    const varA = (2 * 3 * 3 * 2) / (25 * 4)
    expect(a.chiSquare).toBeCloseTo(Math.max(0, Math.abs(1 - 6 / 5) - 0.5) ** 2 / varA, 12)
  })

  it('gives null statistics, never NaN, for an item without information (k = 1, constant item)', () => {
    const r = mantelHaenszel(m([[1], [0], [1], [0]]), ['only'], Int8Array.from([0, 0, 1, 1]))
    expect(r.items[0]).toEqual({ id: 'only', chiSquare: null, alphaMH: null, deltaMH: null, seLogAlpha: null, z: null, category: null })
    const c = mantelHaenszel(m([[1, 1], [1, 0], [1, 1], [1, 0]]), ['all1', 'b'], Int8Array.from([0, 0, 1, 1]))
    expect(c.items[0]!.chiSquare).toBeNull()
    expect(c.items[0]!.alphaMH).toBeNull()
  })

  it('refuses groups below the minimum size', () => {
    const scores = m([[1, 0], [0, 1], [1, 1]])
    expect(() => mantelHaenszel(scores, ['a', 'b'], Int8Array.from([0, 0, 0]))).toThrow(GroupTooSmallError)
    expect(() => mantelHaenszel(scores, ['a', 'b'], Int8Array.from([0, 0, 1]), 2)).toThrow(/focal group 1; each needs at least 2/)
  })
})

describe('etsCategory', () => {
  it('is A when |Δ| < 1 or Δ is not significant', () => {
    expect(etsCategory(-0.9, 20, 0.1)).toBe('A')
    expect(etsCategory(-2.5, 3.8, 1)).toBe('A')
  })
  it('is C when |Δ| ≥ 1.5 and significantly above 1 (one-sided .05)', () => {
    expect(etsCategory(-2.5, 9.6, 0.5)).toBe('C')
    expect(etsCategory(1.5, 50, 0.2)).toBe('C')
  })
  it('is B otherwise: large but not significantly above 1, or between 1 and 1.5', () => {
    expect(etsCategory(2, 4.2, 0.9)).toBe('B')
    expect(etsCategory(1.4, 30, 0.01)).toBe('B')
  })
  it('is null when Δ is undefined', () => {
    expect(etsCategory(null, 1, 1)).toBeNull()
  })
})
