import { describe, expect, it } from 'vitest'
import { accommodatedMinutes, timeFactor } from './accommodations.js'

describe('extended time', () => {
  it('applies the largest approved factor', () => {
    expect(timeFactor([])).toBe(1)
    expect(timeFactor(['read_aloud'])).toBe(1)
    expect(timeFactor(['extended_time_1_5x'])).toBe(1.5)
    expect(timeFactor(['extended_time_1_5x', 'extended_time_2x'])).toBe(2)
  })
  it('scales each module time limit', () => {
    expect(accommodatedMinutes(45, ['extended_time_1_5x'])).toBe(67.5)
    expect(accommodatedMinutes(60, ['extended_time_2x'])).toBe(120)
    expect(accommodatedMinutes(45, ['large_print'])).toBe(45)
  })
})
