import { describe, expect, it } from 'vitest'
import type { DistractorAnalysis } from '../psychometrics/classical.js'
import { itemReviewFlags } from './item-review.js'

const distractors = (distractorR: number | null): DistractorAnalysis => ({
  id: 'i', exposure: 10, omitted: 0,
  options: [
    { option: 'A', isKey: true, proportion: 0.6, pointBiserial: 0.4 },
    { option: 'B', isKey: false, proportion: 0.4, pointBiserial: distractorR },
  ],
})

describe('itemReviewFlags', () => {
  it('flags nothing on a sound item', () => {
    expect(itemReviewFlags({ p: 0.7, correctedItemTotal: 0.35 }, distractors(-0.3))).toEqual([])
  })
  it('flags very hard below .2 and very easy above .95, not at the thresholds', () => {
    expect(itemReviewFlags({ p: 0.19, correctedItemTotal: 0.3 })).toEqual(['very-hard'])
    expect(itemReviewFlags({ p: 0.2, correctedItemTotal: 0.3 })).toEqual([])
    expect(itemReviewFlags({ p: 0.96, correctedItemTotal: 0.3 })).toEqual(['very-easy'])
    expect(itemReviewFlags({ p: 0.95, correctedItemTotal: 0.3 })).toEqual([])
  })
  it('flags low discrimination below .15 and a negative one only as negative', () => {
    expect(itemReviewFlags({ p: 0.5, correctedItemTotal: 0.149 })).toEqual(['low-discrimination'])
    expect(itemReviewFlags({ p: 0.5, correctedItemTotal: 0.15 })).toEqual([])
    expect(itemReviewFlags({ p: 0.5, correctedItemTotal: -0.01 })).toEqual(['negative-discrimination'])
  })
  it('raises no discrimination flag for a constant item, only its p flag', () => {
    expect(itemReviewFlags({ p: 1, correctedItemTotal: null })).toEqual(['very-easy'])
    expect(itemReviewFlags({ p: 0, correctedItemTotal: null })).toEqual(['very-hard'])
  })
  it('flags a distractor that correlates positively with the total as a possible miskey', () => {
    expect(itemReviewFlags({ p: 0.6, correctedItemTotal: 0.3 }, distractors(0.05))).toEqual(['possible-miskey'])
    expect(itemReviewFlags({ p: 0.6, correctedItemTotal: 0.3 }, distractors(0))).toEqual([])
    expect(itemReviewFlags({ p: 0.6, correctedItemTotal: 0.3 }, distractors(null))).toEqual([])
  })
})
