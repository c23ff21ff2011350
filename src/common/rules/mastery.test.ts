import { describe, expect, it } from 'vitest'
import { DEFAULT_MASTERY_POLICY, masteryPolicyOf, skillMastery } from './mastery.js'

const policy = { window: 10, percent: 80 }
const answers = (pattern: string) => [...pattern].map((c) => c === '1')

describe('mastery of a skill', () => {
  it('needs a full window of answers, however many are correct', () => {
    const m = skillMastery(answers('111111111'), policy)
    expect(m).toMatchObject({ answered: 9, correct: 9, mastered: false, toMaster: 1 })
    expect(skillMastery([], policy)).toMatchObject({ answered: 0, correct: 0, mastered: false, toMaster: 10 })
  })

  it('masters at exactly P% of the window and not one answer below it', () => {
    expect(skillMastery(answers('1111111100'), policy).mastered).toBe(true)
    expect(skillMastery(answers('1111111000'), policy)).toMatchObject({ correct: 7, mastered: false })
  })

  it('judges only the latest N answers (newest first): old mistakes leave the window', () => {
    const newestFirst = answers('11111111110000000000')
    expect(skillMastery(newestFirst, policy)).toMatchObject({ answered: 10, correct: 10, mastered: true, toMaster: 0 })
    // The same answers the other way round: the last ten are all wrong.
    expect(skillMastery([...newestFirst].reverse(), policy)).toMatchObject({ answered: 10, correct: 0, mastered: false, toMaster: 8 })
  })

  it('compares in integers, so a percent that does not divide the window never rounds up', () => {
    const odd = { window: 7, percent: 80 }
    // 6/7 = 85.7% masters; 5/7 = 71.4% does not; 80% of 7 is 5.6 correct answers.
    expect(skillMastery(answers('1111110'), odd).mastered).toBe(true)
    expect(skillMastery(answers('1111100'), odd).mastered).toBe(false)
    expect(skillMastery(answers('1111100'), { window: 3, percent: 67 })).toMatchObject({ answered: 3, correct: 3, mastered: true })
    expect(skillMastery(answers('110'), { window: 3, percent: 67 }).mastered).toBe(false)
  })

  it('counts how many correct answers in a row would master it, the oldest leaving the window', () => {
    // 7 right of the last 10 (wrong ones oldest): one more right pushes a wrong one out.
    expect(skillMastery(answers('1111111000'), policy).toMaster).toBe(1)
    // The wrong answers are the newest: they stay in the window until eight more answers.
    expect(skillMastery(answers('0001111111'), policy).toMaster).toBe(8)
    expect(skillMastery(answers('1111100000'), policy).toMaster).toBe(3)
    expect(skillMastery(answers('0000000000'), policy).toMaster).toBe(8)
  })

  it('takes the policy from the program, with the defaults for what it leaves out', () => {
    expect(masteryPolicyOf({})).toEqual(DEFAULT_MASTERY_POLICY)
    expect(DEFAULT_MASTERY_POLICY).toEqual({ window: 10, percent: 80 })
    expect(masteryPolicyOf({ learning: { masteryWindow: 5 } })).toEqual({ window: 5, percent: 80 })
    expect(masteryPolicyOf({ learning: { masteryWindow: 12, masteryPercent: 75 } })).toEqual({ window: 12, percent: 75 })
  })
})
