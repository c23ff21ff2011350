// Classical statistics reproduced against published results (../shared/psychometrics/README.md):
// LSAT-7 and LSAT-6 (Bock & Lieberman), 32 response patterns expanded by frequency.
import { describe, expect, it } from 'vitest'
import { analyseItems } from '../../src/common/psychometrics/classical.js'
import { readResponses } from '../../src/common/psychometrics/csv.js'
import { datasetsPresent, lsatCsv } from '../helpers/psychometrics-datasets.js'

const present = datasetsPresent('psychometrics-classical')
const at3 = (x: number | null) => (x === null ? null : Number(x.toFixed(3)))

describe.skipIf(!present)('classical statistics on the LSAT data', () => {
  it('reproduces LSAT-7: mean, SD, KR-20, SEM, p, point-biserial, corrected r, alpha if deleted', () => {
    const m = readResponses(lsatCsv('Ob7'))
    const a = analyseItems(m.scores, m.items)
    expect([a.n, a.k]).toEqual([1000, 5])
    expect([a.mean, a.sd, a.kr20, a.sem].map(at3)).toEqual([3.707, 1.199, 0.453, 0.886])
    expect(a.items.map((i) => at3(i.p))).toEqual([0.828, 0.658, 0.772, 0.606, 0.843])
    expect(a.items.map((i) => at3(i.pointBiserial))).toEqual([0.53, 0.6, 0.611, 0.592, 0.461])
    expect(a.items.map((i) => at3(i.correctedItemTotal))).toEqual([0.246, 0.247, 0.313, 0.223, 0.175])
    expect(a.items.map((i) => at3(i.alphaIfDeleted))).toEqual([0.396, 0.394, 0.345, 0.415, 0.438])
  })

  it('reproduces LSAT-6: mean, SD, alpha, SEM, p, point-biserial, corrected r', () => {
    const m = readResponses(lsatCsv('Ob6'))
    const a = analyseItems(m.scores, m.items)
    expect(a.n).toBe(1000)
    expect([a.mean, a.sd, a.kr20, a.sem].map(at3)).toEqual([3.819, 1.035, 0.295, 0.869])
    expect(a.items.map((i) => at3(i.p))).toEqual([0.924, 0.709, 0.553, 0.763, 0.87])
    expect(a.items.map((i) => at3(i.pointBiserial))).toEqual([0.362, 0.567, 0.618, 0.534, 0.435])
    expect(a.items.map((i) => at3(i.correctedItemTotal))).toEqual([0.113, 0.153, 0.173, 0.144, 0.122])
  })
})
