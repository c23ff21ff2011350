import { describe, expect, it } from 'vitest'
import { dueSessionReminder, reminderHorizonHours } from './session-reminders.js'

const now = new Date('2027-03-10T12:00:00.000Z')
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000).toISOString()

describe('session reminders', () => {
  it('sends nothing before the first reminder is due or once the session has begun', () => {
    expect(dueSessionReminder([48], [], inHours(49), now)).toBeNull()
    expect(dueSessionReminder([48], [], inHours(0), now)).toBeNull()
    expect(dueSessionReminder([48], [], inHours(-2), now)).toBeNull()
  })

  it('sends each policy entry once, when its time comes', () => {
    expect(dueSessionReminder([48, 24], [], inHours(47), now)).toEqual({ send: 48, record: [48] })
    expect(dueSessionReminder([48, 24], [48], inHours(30), now)).toBeNull()
    expect(dueSessionReminder([48, 24], [48], inHours(23), now)).toEqual({ send: 24, record: [24] })
    expect(dueSessionReminder([48, 24], [48, 24], inHours(2), now)).toBeNull()
  })

  it('sends one reminder, the closest, to a registration made late', () => {
    expect(dueSessionReminder([24, 48], [], inHours(10), now)).toEqual({ send: 24, record: [24, 48] })
    // A closer reminder already sent covers the further ones.
    expect(dueSessionReminder([48, 24], [24], inHours(10), now)).toBeNull()
  })

  it('sends none when the policy asks for none', () => {
    expect(dueSessionReminder([], [], inHours(1), now)).toBeNull()
    expect(reminderHorizonHours([])).toBe(0)
    expect(reminderHorizonHours([24, 72, 48])).toBe(72)
  })
})
