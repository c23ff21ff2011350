import { describe, expect, it } from 'vitest'
import { DIF_MIN_GROUP_SIZE, difComparisons, enoughForDif } from './demographics.js'

describe('DIF comparisons', () => {
  it('takes the most common answer as the reference and every other answer as a focal group', () => {
    expect(difComparisons('gender', new Map([['woman', 120], ['man', 300], ['another', 5], ['prefer_not', 900]]))).toEqual([
      { reference: 'man', focal: 'woman' }, { reference: 'man', focal: 'another' },
    ])
  })
  it('never makes "prefer not to say" a group, and needs two groups', () => {
    expect(difComparisons('gender', new Map([['woman', 10], ['prefer_not', 900]]))).toEqual([])
    expect(difComparisons('firstLanguage', new Map())).toEqual([])
  })
  it('breaks a tie by the order the answers are listed', () => {
    expect(difComparisons('firstLanguage', new Map([['spanish', 50], ['english', 50]]))).toEqual([{ reference: 'english', focal: 'spanish' }])
  })
  it('needs the minimum in both groups', () => {
    expect(DIF_MIN_GROUP_SIZE).toBe(100)
    expect(enoughForDif(100, 100)).toBe(true)
    expect(enoughForDif(100, 99)).toBe(false)
    expect(enoughForDif(5, 5, 5)).toBe(true)
  })
})
