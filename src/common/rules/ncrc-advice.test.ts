import { describe, expect, it } from 'vitest'
import { ncrcAdvice } from './ncrc-advice.js'

const levels = ['Bronze', 'Silver', 'Gold', 'Platinum']

describe('NCRC advice', () => {
  it('is silent at Silver and above', () => {
    for (const level of ['Silver', 'Gold', 'Platinum']) {
      expect(ncrcAdvice(level, levels, 'Silver')).toEqual({ meetsRecommendation: true, message: null })
    }
  })
  it('advises (without blocking) below Silver or with no NCRC', () => {
    expect(ncrcAdvice('Bronze', levels, 'Silver').message).toMatch(/Silver NCRC or higher is strongly encouraged/)
    expect(ncrcAdvice(null, levels, 'Silver').message).toMatch(/not recorded/)
    expect(ncrcAdvice('Tin', levels, 'Silver').meetsRecommendation).toBe(false)
  })
})
