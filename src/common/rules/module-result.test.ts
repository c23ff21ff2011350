import { describe, expect, it } from 'vitest'
import { itemMicroPoints, moduleResult, type ScoredItem } from './module-result.js'

const items = (skills: string[], correct: number): ScoredItem[] =>
  skills.map((skill, i) => ({ skill, score: i < correct ? 1 : 0, maxScore: 1 }))

describe('moduleResult', () => {
  // Module sizes of MT1 (24 and 36 items) and sizes where 75% is not a whole number of items.
  for (const size of [4, 24, 36, 30, 37]) {
    it(`passes at exactly 75% or the least above it, and fails one item fewer (${size} items)`, () => {
      const needed = Math.ceil((size * 75) / 100)
      const skills = Array.from({ length: size }, (_, i) => `S${i % 3}`)
      expect(moduleResult(items(skills, needed), 75, ['S0', 'S1', 'S2']).passed).toBe(true)
      expect(moduleResult(items(skills, needed - 1), 75, ['S0', 'S1', 'S2']).passed).toBe(false)
    })
  }

  it('never rounds 74.99% up', () => {
    // 2999 of 4000 micro-points worth of partial credit on four items: 74.975%.
    const r = moduleResult([
      { skill: 'A', score: 1, maxScore: 1 }, { skill: 'A', score: 1, maxScore: 1 },
      { skill: 'A', score: 0.999, maxScore: 1 }, { skill: 'A', score: 0, maxScore: 1 },
    ], 75, ['A'])
    expect(r.passed).toBe(false)
    expect(r.percent).toBe(74.97)
  })

  it('reports each skill and names those below standard, in program order', () => {
    const r = moduleResult([
      { skill: 'B', score: 1, maxScore: 1 }, { skill: 'B', score: 1, maxScore: 1 },
      { skill: 'A', score: 1, maxScore: 1 }, { skill: 'A', score: 0, maxScore: 1 },
    ], 75, ['A', 'B', 'C'])
    expect(r.skills.map((s) => [s.code, s.percent, s.belowStandard])).toEqual([['A', 50, true], ['B', 100, false]])
  })

  it('counts partial credit exactly and gives nothing for malformed scores', () => {
    expect(itemMicroPoints(1, 3) * 3).toBe(999_999)
    expect(itemMicroPoints(2, 0)).toBe(0)
    expect(itemMicroPoints(Number.NaN, 1)).toBe(0)
    expect(itemMicroPoints(5, 1)).toBe(1_000_000)
  })
})
