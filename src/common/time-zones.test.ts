import { describe, expect, it } from 'vitest'
import { formatZonedDateTime, formatZonedHours, formatZonedRange, isTimeZone, utcToZonedWallTime, zoneAbbreviation, zonedWallTimeToUtc } from './time-zones.js'

describe('time zones', () => {
  it('knows IANA names and refuses abbreviations and offsets', () => {
    expect(isTimeZone('America/Chicago')).toBe(true)
    expect(isTimeZone('America/Indiana/Indianapolis')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    for (const bad of ['EST', '+05:00', 'America/Nowhere', '', 'x'.repeat(100), 42, null, '../etc/passwd']) expect(isTimeZone(bad)).toBe(false)
  })

  it('shows a time at the center with the abbreviation in force that day', () => {
    expect(formatZonedDateTime('2027-01-12T14:00:00.000Z', 'America/New_York')).toBe('Tuesday, January 12, 2027, 9:00 AM EST')
    expect(formatZonedDateTime('2027-07-13T13:00:00.000Z', 'America/New_York')).toBe('Tuesday, July 13, 2027, 9:00 AM EDT')
    expect(formatZonedDateTime('2027-07-13T13:00:00.000Z', 'America/Phoenix')).toBe('Tuesday, July 13, 2027, 6:00 AM MST')
    expect(zoneAbbreviation('2027-07-13T13:00:00.000Z', 'America/Chicago')).toBe('CDT')
  })

  it('marks both ends of a range when a daylight-saving change falls inside it', () => {
    // 2027-03-14 is the second Sunday of March: clocks go forward at 2:00 AM in New York.
    expect(formatZonedRange('2027-03-14T06:00:00.000Z', '2027-03-14T08:00:00.000Z', 'America/New_York')).toBe(
      'Sunday, March 14, 2027, 1:00 AM EST – 4:00 AM EDT',
    )
    expect(formatZonedRange('2027-03-16T13:00:00.000Z', '2027-03-16T17:00:00.000Z', 'America/New_York')).toBe('Tuesday, March 16, 2027, 9:00 AM – 1:00 PM EDT')
  })

  it("gives a session's hours at the center for the line under its date", () => {
    expect(formatZonedHours('2027-03-16T14:00:00.000Z', '2027-03-16T18:00:00.000Z', 'America/Chicago')).toBe('9:00 AM – 1:00 PM CDT')
    expect(formatZonedHours('2027-03-14T06:00:00.000Z', '2027-03-14T08:00:00.000Z', 'America/New_York')).toBe('1:00 AM EST – 4:00 AM EDT')
    expect(formatZonedHours('2027-03-17T03:00:00.000Z', '2027-03-17T06:00:00.000Z', 'America/New_York')).toBe('Mar 16, 2027, 11:00 PM EDT – Mar 17, 2027, 2:00 AM EDT')
    expect(formatZonedHours(null, '2027-03-17T06:00:00.000Z', 'America/New_York')).toBe('—')
  })

  it('reads a wall-clock time at the center across a daylight-saving change', () => {
    expect(zonedWallTimeToUtc('2027-03-13T09:00', 'America/New_York')).toBe('2027-03-13T14:00:00.000Z')
    expect(zonedWallTimeToUtc('2027-03-15T09:00', 'America/New_York')).toBe('2027-03-15T13:00:00.000Z')
    // The skipped hour does not exist; the repeated hour is the first one.
    expect(zonedWallTimeToUtc('2027-03-14T02:30', 'America/New_York')).toBeNull()
    expect(zonedWallTimeToUtc('2027-11-07T01:30', 'America/New_York')).toBe('2027-11-07T05:30:00.000Z')
    expect(zonedWallTimeToUtc('2027-02-30T09:00', 'America/New_York')).toBeNull()
    expect(zonedWallTimeToUtc('2027-03-15T09:00', 'Mars/Olympus')).toBeNull()
    expect(utcToZonedWallTime('2027-03-15T13:00:00.000Z', 'America/New_York')).toBe('2027-03-15T09:00')
  })
})
