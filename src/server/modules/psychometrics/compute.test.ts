import { describe, expect, it } from 'vitest'
import { analyseItems, reliabilityReport } from '../../../common/psychometrics/index.js'
import { computeModule, type GatheredAttempt } from './compute.js'

const attempt = (id: string, candidate: string, items: [string, 0 | 1][], chosen: [string, string | null][] = []): GatheredAttempt => ({
  attemptId: id, candidateId: candidate, passed: items.filter(([, c]) => c).length / items.length >= 0.75,
  items: items.map(([itemId, correct]) => ({ itemId, version: 1, correct })), chosen: new Map(chosen),
})

describe('computeModule', () => {
  it('gives one examinee figures without NaN: undefined correlations are null', () => {
    const { module, items } = computeModule({ attempts: [attempt('a1', 'c1', [['X', 1], ['Y', 0], ['Z', 1]])], cutPercent: 75, choiceKeys: new Map(), demographics: new Map(), minGroupSize: 1 })
    expect(module).toMatchObject({ n: 1, k: 3, rawCut: 3, sd: null, kr20: null, passRate: 0 })
    expect(items.map((i) => [i.itemId, i.p, i.correctedItemTotal])).toEqual([['X', 1, null], ['Y', 0, null], ['Z', 1, null]])
    expect(JSON.stringify({ module: { ...module, passProbabilities: [] }, items })).not.toContain('NaN')
  })

  it('puts the studied item first and the rest of each form after it, whatever its position', () => {
    const forms: [string, 0 | 1][][] = [
      [['A', 1], ['B', 1], ['C', 0]],
      [['B', 0], ['A', 1], ['D', 1]],
      [['C', 1], ['D', 0], ['A', 0]],
      [['A', 1], ['C', 1], ['D', 1]],
    ]
    const { module, items } = computeModule({ attempts: forms.map((f, i) => attempt(`a${i}`, `c${i}`, f)), cutPercent: 75, choiceKeys: new Map(), demographics: new Map(), minGroupSize: 1 })
    const rows = forms.map((f) => Uint8Array.from(f.map(([, c]) => c)))
    expect(module.kr20).toEqual(reliabilityReport(rows, 3).kr20)
    const a = analyseItems(forms.map((f) => {
      const at = f.findIndex(([id]) => id === 'A')
      return Uint8Array.from([f[at]![1], ...f.filter((_, j) => j !== at).map(([, c]) => c)])
    }), ['A', 'r1', 'r2']).items[0]!
    const stored = items.find((i) => i.itemId === 'A')!
    expect([stored.exposure, stored.p, stored.pointBiserial, stored.correctedItemTotal]).toEqual([a.exposure, a.p, a.pointBiserial, a.correctedItemTotal])
    expect(items.find((i) => i.itemId === 'B')!.exposure).toBe(2)
  })

  it('leaves attempts on a form of another length out, and counts them', () => {
    const { module } = computeModule({
      attempts: [attempt('a1', 'c1', [['X', 1], ['Y', 0]]), attempt('a2', 'c2', [['X', 0], ['Y', 1]]), attempt('a3', 'c3', [['X', 1]])],
      cutPercent: 75, choiceKeys: new Map(), demographics: new Map(), minGroupSize: 1,
    })
    expect(module).toMatchObject({ n: 2, k: 2, excluded: 1 })
  })

  it('reads the options chosen for the distractor analysis and flags a miskey', () => {
    // The strongest candidates choose B, keyed as A: B's point-biserial is positive.
    const choices: [string, 0 | 1, string][] = [['c1', 0, 'B'], ['c2', 0, 'B'], ['c3', 1, 'A'], ['c4', 0, 'C']]
    const strength = [1, 1, 0, 0]
    const attempts = choices.map(([c, correct, chosen], i) => attempt(`a${i}`, c, [['Q', correct], ['R', strength[i] as 0 | 1], ['S', strength[i] as 0 | 1]], [['Q', chosen]]))
    const { items } = computeModule({ attempts, cutPercent: 75, choiceKeys: new Map([['Q@1', { options: ['A', 'B', 'C'], key: 0 }]]), demographics: new Map(), minGroupSize: 1 })
    const q = items.find((i) => i.itemId === 'Q')!
    expect(q.distractors!.options.map((o) => o.proportion)).toEqual([0.25, 0.5, 0.25])
    expect(q.flags).toContain('possible-miskey')
  })

  it('computes DIF only on groups of the minimum size, never on "prefer not to say"', () => {
    const attempts = Array.from({ length: 6 }, (_, i) => attempt(`a${i}`, `c${i}`, [['X', (i % 2) as 0 | 1], ['Y', 1], ['Z', (i > 2 ? 1 : 0) as 0 | 1]]))
    const gender = ['woman', 'man', 'woman', 'man', 'woman', 'prefer_not']
    const demographics = new Map(gender.map((g, i) => [`c${i}`, { gender: g }]))
    const small = computeModule({ attempts, cutPercent: 75, choiceKeys: new Map(), demographics, minGroupSize: 3 }).items[0]!.dif
    expect(small).toEqual([expect.objectContaining({ question: 'gender', reference: 'woman', focal: 'man', referenceCount: 3, focalCount: 2, status: 'not_enough', deltaMH: null })])
    const enough = computeModule({ attempts, cutPercent: 75, choiceKeys: new Map(), demographics, minGroupSize: 2 }).items[0]!.dif
    expect(enough[0]!.status).toBe('computed')
  })
})
