import { describe, expect, it } from 'vitest'
import { coefficientAlpha, kr20, kr21, lordCsem, reliabilityReport, standardErrorOfMeasurement } from './reliability.js'

describe('reliability', () => {
  it('computes KR-20 and agrees with coefficient alpha on 0/1 items', () => {
    const rows = [[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]]
    expect(kr20(3, 0.625, 1.25)).toBeCloseTo(0.75, 12)
    expect(coefficientAlpha(rows)).toBeCloseTo(0.75, 12)
  })
  it('gives null for fewer than two items or a total without variance', () => {
    expect(kr20(1, 0.25, 0.25)).toBeNull()
    expect(kr20(3, 0, 0)).toBeNull()
    expect(kr21(1, 0.5, 0.25)).toBeNull()
    expect(coefficientAlpha([])).toBeNull()
  })
  it('computes KR-21 from the mean and variance', () => {
    // k = 3, μ = 1.5, σ² = 1.25: 1.5·(1 − 2.25/3.75) = .6
    expect(kr21(3, 1.5, 1.25)).toBeCloseTo(0.6, 12)
  })
  it('computes the SEM, counting a negative reliability as 0', () => {
    expect(standardErrorOfMeasurement(2, 0.75)).toBeCloseTo(1, 12)
    expect(standardErrorOfMeasurement(2, -0.3)).toBe(2)
  })
  it("computes Lord's binomial CSEM: zero at the ends, largest mid-scale", () => {
    expect(lordCsem(27, 36)).toBeCloseTo(Math.sqrt((27 * 9) / 35), 12)
    expect(lordCsem(0, 36)).toBe(0)
    expect(lordCsem(36, 36)).toBe(0)
    expect(lordCsem(18, 36)!).toBeGreaterThan(lordCsem(27, 36)!)
    expect(lordCsem(3, 1)).toBeNull()
    expect(lordCsem(37, 36)).toBeNull()
  })
  it('reports a module with the CSEM at its cut', () => {
    const r = reliabilityReport([[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]].map((x) => Uint8Array.from(x)), 2)
    expect(r).toMatchObject({ n: 4, k: 3, mean: 1.5, cut: 2 })
    expect(r.kr20).toBeCloseTo(0.75, 12)
    expect(r.csemAtCut).toBeCloseTo(1, 12)
  })
})
