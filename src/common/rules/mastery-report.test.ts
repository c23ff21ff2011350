import { describe, expect, it } from 'vitest'
import { skillMastery } from './mastery.js'
import { correctNeeded, FEW_LEARNERS, fewLearners, masteryPolicySentence, truncatedPercent } from './mastery-report.js'

describe('figures of the mastery report', () => {
  it('truncates percents and never rounds one up', () => {
    expect(truncatedPercent(2, 3)).toBe(66)
    expect(truncatedPercent(199, 200)).toBe(99)
    expect(truncatedPercent(5, 5)).toBe(100)
    expect(truncatedPercent(0, 7)).toBe(0)
  })

  it('has no percent of nothing', () => {
    expect(truncatedPercent(0, 0)).toBeNull()
  })

  it('flags groups smaller than the minimum, but not an empty one', () => {
    expect(fewLearners(0)).toBe(false)
    expect(fewLearners(1)).toBe(true)
    expect(fewLearners(FEW_LEARNERS - 1)).toBe(true)
    expect(fewLearners(FEW_LEARNERS)).toBe(false)
  })

  it('says the policy as the rule judges it: the fewest correct answers that master', () => {
    for (const policy of [{ window: 10, percent: 80 }, { window: 7, percent: 80 }, { window: 5, percent: 100 }, { window: 3, percent: 1 }]) {
      const needed = correctNeeded(policy)
      const window = (correct: number) => [...Array<boolean>(correct).fill(true), ...Array<boolean>(policy.window - correct).fill(false)]
      expect(skillMastery(window(needed), policy).mastered).toBe(true)
      expect(skillMastery(window(needed - 1), policy).mastered).toBe(false)
    }
    expect(masteryPolicySentence({ window: 10, percent: 80 })).toBe('at least 8 of the last 10 practice answers of the skill correct')
    expect(masteryPolicySentence({ window: 7, percent: 80 })).toBe('at least 6 of the last 7 practice answers of the skill correct')
  })
})
