// Mantel–Haenszel DIF reproduced against published results (../shared/psychometrics/README.md, from
// difR's tests): the verbal-aggression data by gender, reference 0 = women, focal 1 = men.
import { describe, expect, it } from 'vitest'
import { readResponses } from '../../src/common/psychometrics/csv.js'
import { groupCodes, mantelHaenszel } from '../../src/common/psychometrics/dif.js'
import { DIF_THRESHOLDS } from '../../src/common/rules/item-review.js'
import { datasetsPresent, verbalAggressionCsv } from '../helpers/psychometrics-datasets.js'

const present = datasetsPresent('psychometrics-dif')
const at4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)))

// χ² / alpha_MH / Δ_MH as published.
const published: Record<string, [number, number, number]> = {
  S2WantShout: [9.6032, 2.8804, -2.4861],
  S4WantShout: [4.1188, 2.3458, -2.0036],
  S2DoCurse: [6.3029, 0.3209, 2.6709],
  S2DoScold: [6.8395, 0.3746, 2.3072],
  S3DoCurse: [5.7817, 0.4616, 1.8165],
  S3DoScold: [3.888, 0.4727, 1.7606],
  S1wantCurse: [1.7076, 1.7005, -1.2476],
  S3WantCurse: [0.0013, 0.9439, 0.1358],
}

describe.skipIf(!present)('Mantel–Haenszel DIF on the verbal-aggression data', () => {
  const run = () => {
    const m = readResponses(verbalAggressionCsv(), { group: 'Gender' })
    return mantelHaenszel(m.scores, m.items, groupCodes(m.groups!, '0', '1'))
  }

  it('has the published group sizes and 24 items', () => {
    const r = run()
    expect([r.referenceCount, r.focalCount, r.items.length]).toEqual([243, 73, 24])
  })

  it.each(Object.entries(published))('reproduces χ², alpha_MH and Δ_MH of %s at 4 decimals', (id, expected) => {
    const item = run().items.find((i) => i.id === id)!
    expect([at4(item.chiSquare), at4(item.alphaMH), at4(item.deltaMH)]).toEqual(expected)
  })

  it('flags exactly the six published items at χ² > 3.8415', () => {
    const flagged = run().items.filter((i) => i.chiSquare! > DIF_THRESHOLDS.chiSquareCritical05).map((i) => i.id)
    expect(flagged.sort()).toEqual(['S2DoCurse', 'S2DoScold', 'S2WantShout', 'S3DoCurse', 'S3DoScold', 'S4WantShout'])
  })

  it('reproduces the log odds-ratio z of S2WantShout (Robins–Breslow–Greenland standard error)', () => {
    expect(at4(run().items.find((i) => i.id === 'S2WantShout')!.z)).toBe(3.1373)
  })

  it('classifies by the ETS rule with its significance tests', () => {
    const byId = Object.fromEntries(run().items.map((i) => [i.id, i]))
    // Not significant → A whatever the size.
    expect(byId.S1wantCurse!.category).toBe('A')
    // Significant, |Δ| ≥ 1.5, and significantly above 1: C.
    expect(byId.S2WantShout!.category).toBe('C')
    // Significant and |Δ| ≥ 1.5 but not significantly above 1: B (difR's |Δ|-only label would say C).
    expect(byId.S4WantShout!.category).toBe('B')
    expect(byId.S3DoScold!.category).toBe('B')
    for (const item of Object.values(byId)) {
      if (item.category === 'C') expect(Math.abs(item.deltaMH!)).toBeGreaterThanOrEqual(1.5)
      if (item.chiSquare! < DIF_THRESHOLDS.chiSquareCritical05) expect(item.category).toBe('A')
    }
  })
})
