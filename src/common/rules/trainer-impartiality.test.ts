import { describe, expect, it } from 'vitest'
import { impartialityConflicts, impartialityPeriodStart, trainedWithin, type TrainingRecord } from './trainer-impartiality.js'

const session = '2027-06-15T13:00:00.000Z'
const meeting = (startsAt: string, present: boolean) => ({ startsAt, endsAt: new Date(Date.parse(startsAt) + 3 * 3_600_000).toISOString(), present })
const record = (meetings: TrainingRecord['meetings'], completed = false, trainerId = 't1', learnerId = 'l1'): TrainingRecord => ({ trainerId, learnerId, meetings, completed })

describe('trainer impartiality', () => {
  it('counts calendar months back from the session start', () => {
    expect(impartialityPeriodStart(session, 12).toISOString()).toBe('2026-06-15T13:00:00.000Z')
    expect(impartialityPeriodStart('2027-03-31T09:00:00.000Z', 1).toISOString()).toBe('2027-02-28T09:00:00.000Z')
  })

  it('is training when the learner attended a meeting within the period', () => {
    expect(trainedWithin(record([meeting('2027-01-10T14:00:00.000Z', true)]), session, 12)).toBe(true)
  })

  it('is not training when the learner never attended and did not complete', () => {
    expect(trainedWithin(record([meeting('2027-01-10T14:00:00.000Z', false)]), session, 12)).toBe(false)
  })

  it('is training when the learner completed an offering that met in the period, attendance unrecorded', () => {
    expect(trainedWithin(record([meeting('2027-01-10T14:00:00.000Z', false)], true), session, 12)).toBe(true)
  })

  it('ends with the period: a course that met only before it is history', () => {
    expect(trainedWithin(record([meeting('2026-06-01T14:00:00.000Z', true)], true), session, 12)).toBe(false)
    // A meeting running across the period's start still falls in it.
    expect(trainedWithin(record([{ startsAt: '2026-06-15T11:00:00.000Z', endsAt: '2026-06-15T14:00:00.000Z', present: true }]), session, 12)).toBe(true)
  })

  it('ignores meetings after the session starts (training not yet given)', () => {
    expect(trainedWithin(record([meeting('2027-06-20T14:00:00.000Z', true)]), session, 12)).toBe(false)
  })

  it('names each conflicting pair once', () => {
    const within = [meeting('2027-02-01T14:00:00.000Z', true)]
    const conflicts = impartialityConflicts([record(within), record(within), record(within, false, 't2', 'l2'), record([meeting('2025-01-01T14:00:00.000Z', true)], true, 't3', 'l3')], session, 12)
    expect(conflicts).toEqual([{ trainerId: 't1', learnerId: 'l1' }, { trainerId: 't2', learnerId: 'l2' }])
  })
})
