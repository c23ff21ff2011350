import { describe, expect, it } from 'vitest'
import { attendanceOpen, completionOpen, courseMeetingsProblem, enrolmentOpen, learningLabFeeCents, parseSubjectKey, subjectKey } from './training.js'

const now = new Date('2027-05-01T12:00:00.000Z')
const at = (hoursFromNow: number) => new Date(now.getTime() + hoursFromNow * 3_600_000).toISOString()
const meeting = (startH: number, hours = 3) => ({ startsAt: at(startH), endsAt: at(startH + hours) })

describe('training rules', () => {
  it('keys subjects one way and reads them back', () => {
    expect(subjectKey({ kind: 'course', offeringId: 'abc' })).toBe('course:abc')
    expect(subjectKey({ kind: 'learning_lab', module: 'MM' })).toBe('lab:MM')
    expect(parseSubjectKey('lab:MM')).toEqual({ kind: 'learning_lab', module: 'MM' })
    expect(parseSubjectKey('course:abc')).toEqual({ kind: 'course', offeringId: 'abc' })
    expect(parseSubjectKey('other:x')).toBeNull()
    expect(parseSubjectKey('lab:')).toBeNull()
  })

  it('prices a Learning Lab seat from the program, free when none is set', () => {
    expect(learningLabFeeCents(undefined, 'MM')).toBe(0)
    expect(learningLabFeeCents({ learningLabPerModuleCents: { MM: null } }, 'MM')).toBe(0)
    expect(learningLabFeeCents({ learningLabPerModuleCents: { MM: 4900 } }, 'MM')).toBe(4900)
    expect(learningLabFeeCents({ learningLabPerModuleCents: { MM: 4900 } }, 'QBA')).toBe(0)
  })

  it('schedules meetings that end after they start, fit a day, do not overlap and are still to come', () => {
    expect(courseMeetingsProblem([meeting(24), meeting(48)], now)).toBeNull()
    // The first morning may be running already when the course is entered.
    expect(courseMeetingsProblem([meeting(-1)], now)).toBeNull()
    expect(courseMeetingsProblem([], now)).toMatch(/at least one/)
    expect(courseMeetingsProblem([meeting(24, 0)], now)).toMatch(/end after it starts/)
    expect(courseMeetingsProblem([meeting(24, 13)], now)).toMatch(/more than 12 hours/)
    expect(courseMeetingsProblem([meeting(-5)], now)).toMatch(/already ended/)
    expect(courseMeetingsProblem([meeting(24), meeting(26)], now)).toMatch(/overlap/)
    // Back to back is not an overlap.
    expect(courseMeetingsProblem([meeting(24), meeting(27)], now)).toBeNull()
    expect(courseMeetingsProblem([meeting(24 * 800)], now)).toMatch(/days ahead/)
  })

  it('opens enrolment until the first meeting ends, attendance and completion once they start', () => {
    const meetings = [meeting(48), meeting(-1)]
    expect(enrolmentOpen(meetings, now)).toBe(true)
    expect(enrolmentOpen([meeting(-5), meeting(48)], now)).toBe(false)
    expect(attendanceOpen(meeting(1), now)).toBe(false)
    expect(attendanceOpen(meeting(-1), now)).toBe(true)
    expect(completionOpen([meeting(48)], now)).toBe(false)
    expect(completionOpen(meetings, now)).toBe(true)
  })
})
