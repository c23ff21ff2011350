import { describe, expect, it } from 'vitest'
import {
  closedRounds, missingRatings, openRound, panelistCut, passRateAt, ratingKey, recommendedCut, statusAfterClosing, statusAfterOpening,
} from './angoff.js'

describe('modified Angoff', () => {
  it("takes a panelist's cut as the mean of their item ratings", () => {
    expect(panelistCut([70, 80, 90])).toBe(80)
    expect(() => panelistCut([])).toThrow()
  })

  it('recommends the mean of the panelists’ cuts with SE = SD / √n', () => {
    // Cuts 70, 80, 90: mean 80, sample SD 10, SE 10/√3.
    const r = recommendedCut([[60, 80], [80, 80], [90, 90]])
    expect(r.cut).toBe(80)
    expect(r.sd).toBeCloseTo(10, 10)
    expect(r.se).toBeCloseTo(10 / Math.sqrt(3), 10)
    expect(r.panelists).toBe(3)
  })

  it('gives no SE for one panelist', () => {
    expect(recommendedCut([[75, 85]])).toEqual({ cut: 80, sd: null, se: null, panelists: 1 })
  })

  it('gives SE 0 when the panelists agree', () => {
    expect(recommendedCut([[70], [70]]).se).toBe(0)
  })

  it('lists the ratings still missing (a round cannot close with any)', () => {
    const rated = new Set([ratingKey('a', 'i1'), ratingKey('a', 'i2'), ratingKey('b', 'i1')])
    expect(missingRatings(['a', 'b'], ['i1', 'i2'], rated)).toEqual([{ panelistId: 'b', itemId: 'i2' }])
    rated.add(ratingKey('b', 'i2'))
    expect(missingRatings(['a', 'b'], ['i1', 'i2'], rated)).toEqual([])
  })

  it('computes the pass rate at a cut, at or above counting', () => {
    expect(passRateAt([60, 75, 80, 90], 75)).toBe(75)
    expect(passRateAt([60, 74.9], 75)).toBe(0)
    expect(passRateAt([], 75)).toBeNull()
  })

  it('moves through two rounds', () => {
    expect(statusAfterOpening('draft')).toBe('round1_open')
    expect(statusAfterClosing('round1_open')).toBe('round1_closed')
    expect(statusAfterOpening('round1_closed')).toBe('round2_open')
    expect(statusAfterClosing('round2_open')).toBe('round2_closed')
    expect(statusAfterOpening('round2_closed')).toBeNull()
    expect(statusAfterClosing('draft')).toBeNull()
    expect(openRound('round2_open')).toBe(2)
    expect(openRound('round1_closed')).toBeNull()
    expect(closedRounds('round2_open')).toBe(1)
    expect(closedRounds('completed')).toBe(2)
  })
})
