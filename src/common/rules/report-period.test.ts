import { describe, expect, it } from 'vitest'
import { REPORT_PERIOD_MAX_DAYS, reportPeriodProblem } from './report-period.js'

const DAY = 86_400_000
const start = Date.parse('2026-01-01T00:00:00Z')

describe('the period of a Learning Lab report', () => {
  it('must end after it starts', () => {
    expect(reportPeriodProblem(start, start)).toBe('The end of the period must be after its start.')
    expect(reportPeriodProblem(start, start - 1)).toBe('The end of the period must be after its start.')
    expect(reportPeriodProblem(start, start + 1)).toBeNull()
  })

  it('spans at most the maximum days, to the millisecond', () => {
    expect(reportPeriodProblem(start, start + REPORT_PERIOD_MAX_DAYS * DAY)).toBeNull()
    expect(reportPeriodProblem(start, start + REPORT_PERIOD_MAX_DAYS * DAY + 1)).toBe(`Choose a period of ${REPORT_PERIOD_MAX_DAYS} days or less.`)
  })

  it('refuses a timestamp that is not a number', () => {
    expect(reportPeriodProblem(Number.NaN, start)).toBe('Enter the period as two dates.')
    expect(reportPeriodProblem(start, Number.POSITIVE_INFINITY)).toBe('Enter the period as two dates.')
  })
})
