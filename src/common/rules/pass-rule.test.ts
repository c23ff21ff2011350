import { describe, expect, it } from 'vitest'
import { displayPercent, formatPercent, isPassingScore } from './pass-rule.js'

describe('the 75% pass rule', () => {
  it('passes exactly 75%', () => {
    expect(isPassingScore(18, 24, 75)).toBe(true)
    expect(isPassingScore(27, 36, 75)).toBe(true)
    expect(isPassingScore(3, 4, 75)).toBe(true)
  })
  it('fails one item below 75% for each module size', () => {
    expect(isPassingScore(17, 24, 75)).toBe(false)
    expect(isPassingScore(26, 36, 75)).toBe(false)
  })
  it('fails 74.99% without rounding up', () => {
    expect(isPassingScore(7499, 10000, 75)).toBe(false)
    expect(isPassingScore(7500, 10000, 75)).toBe(true)
    expect(displayPercent(7499, 10000)).toBe(74.99)
  })
  it('counts partial credit exactly', () => {
    expect(isPassingScore(17.5, 24, 75)).toBe(false)
    expect(isPassingScore(26.75, 36, 75)).toBe(false)
    expect(isPassingScore(27, 36, 75)).toBe(true)
  })
  it('never passes nonsense scores', () => {
    expect(isPassingScore(0, 0, 75)).toBe(false)
    expect(isPassingScore(25, 24, 75)).toBe(false)
    expect(isPassingScore(-1, 24, 75)).toBe(false)
    expect(isPassingScore(Number.NaN, 24, 75)).toBe(false)
  })
  it('truncates the displayed percent instead of rounding it up', () => {
    expect(displayPercent(2, 3)).toBe(66.66)
    expect(displayPercent(26, 36)).toBe(72.22)
    expect(displayPercent(0, 0)).toBe(0)
  })
})

describe('formatPercent (every percent shown to people)', () => {
  it('truncates to two decimals and never rounds up into a pass', () => {
    expect(formatPercent(74.99)).toBe('74.99%')
    expect(formatPercent(74.999)).toBe('74.99%')
    expect(formatPercent(74.9999999)).toBe('74.99%')
    expect(formatPercent(75)).toBe('75%')
    expect(formatPercent(70.83)).toBe('70.83%')
    expect(formatPercent(displayPercent(17, 24))).toBe('70.83%')
    expect(formatPercent(displayPercent(2, 3))).toBe('66.66%')
    expect(formatPercent(0)).toBe('0%')
    expect(formatPercent(100)).toBe('100%')
    expect(formatPercent(Number.NaN)).toBe('—')
  })
})
