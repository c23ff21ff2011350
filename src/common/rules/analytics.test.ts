import { describe, expect, it } from 'vitest'
import { analyticsPeriodProblem, daysBetween, MINIMUM_GROUP, periodOf, periodsBetween, quartiles, shownRate } from './analytics.js'

describe('analytics period', () => {
  it('accepts up to three years of days and refuses more, reversed or unreal dates', () => {
    expect(analyticsPeriodProblem('2024-01-01', '2026-12-31')).toBeNull()
    expect(analyticsPeriodProblem('2026-03-05', '2026-03-05')).toBeNull()
    expect(analyticsPeriodProblem('2023-01-01', '2026-01-01')).toMatch(/three years/)
    expect(analyticsPeriodProblem('2026-03-05', '2026-03-04')).toMatch(/before the first/)
    expect(analyticsPeriodProblem('2026-02-30', '2026-03-04')).toMatch(/real dates/)
    expect(analyticsPeriodProblem('yesterday', '2026-03-04')).toMatch(/real dates/)
  })

  it('puts a moment in its month or quarter and lists every one a period touches', () => {
    expect(periodOf('2026-03-31T23:59:59.000Z', 'month')).toBe('2026-03')
    expect(periodOf('2026-03-31', 'quarter')).toBe('2026-Q1')
    expect(periodOf('2026-10-01', 'quarter')).toBe('2026-Q4')
    expect(periodsBetween('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(periodsBetween('2025-11-15', '2026-04-01', 'quarter')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2'])
    expect(periodsBetween('2026-05-02', '2026-05-20', 'month')).toEqual(['2026-05'])
  })
})

describe('rates and quartiles', () => {
  it('shows a rate only over the minimum group, rounded down', () => {
    expect(MINIMUM_GROUP).toBe(10)
    expect(shownRate(9, 9)).toBeNull()
    expect(shownRate(0, 0)).toBeNull()
    expect(shownRate(2, 3 * 10)).toBe(6)
    expect(shownRate(7, 11)).toBe(63)
  })

  it('counts whole calendar days from the first attempt to the award', () => {
    expect(daysBetween('2026-01-01T23:30:00.000Z', '2026-01-02')).toBe(1)
    expect(daysBetween('2026-01-01T00:00:00.000Z', '2026-03-01')).toBe(59)
  })

  it('interpolates quartiles like QUARTILE.INC', () => {
    expect(quartiles([])).toBeNull()
    expect(quartiles([5])).toEqual({ q1: 5, median: 5, q3: 5 })
    expect(quartiles([10, 20, 30, 40])).toEqual({ q1: 17.5, median: 25, q3: 32.5 })
    expect(quartiles([7, 1, 3, 5, 9])).toEqual({ q1: 3, median: 5, q3: 7 })
  })
})
