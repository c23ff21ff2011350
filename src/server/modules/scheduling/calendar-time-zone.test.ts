import { describe, expect, it } from 'vitest'
import { icsWallTime, inTimeZone, vtimezone } from './calendar-time-zone.js'

describe('calendar invitations in the center time zone', () => {
  it('writes the wall-clock time at the center', () => {
    expect(icsWallTime('2027-03-15T14:00:00.000Z', 'America/Chicago')).toBe('20270315T090000')
    expect(icsWallTime('2027-03-12T15:00:00.000Z', 'America/Chicago')).toBe('20270312T090000')
  })

  it("describes the zone's transitions with their abbreviations", () => {
    const text = vtimezone('America/Chicago', '2027-03-15T14:00:00.000Z', '2027-03-15T18:00:00.000Z').join('\n')
    expect(text).toContain('TZID:America/Chicago')
    // Clocks went forward at 2:00 AM CST on 14 March 2027 and back at 2:00 AM CDT on 7 November 2026.
    expect(text).toContain('BEGIN:DAYLIGHT\nDTSTART:20270314T020000\nTZOFFSETFROM:-0600\nTZOFFSETTO:-0500\nTZNAME:CDT\nEND:DAYLIGHT')
    expect(text).toContain('BEGIN:STANDARD\nDTSTART:20261101T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0600\nTZNAME:CST\nEND:STANDARD')
  })

  it('describes a zone without daylight saving by one observance', () => {
    const text = vtimezone('America/Phoenix', '2027-07-01T16:00:00.000Z', '2027-07-01T20:00:00.000Z')
    expect(text.filter((l) => l.startsWith('TZNAME'))).toEqual(['TZNAME:MST'])
  })

  it('rewrites UTC event times to TZID times and adds the zone', () => {
    const ics = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART:20271108T150000Z', 'DTEND:20271108T190000Z', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n')
    const out = inTimeZone(ics, 'America/Chicago', '2027-11-08T15:00:00.000Z', '2027-11-08T19:00:00.000Z').split('\r\n')
    expect(out).toContain('DTSTART;TZID=America/Chicago:20271108T090000')
    expect(out).toContain('DTEND;TZID=America/Chicago:20271108T130000')
    expect(out.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(out.indexOf('BEGIN:VEVENT'))
  })
})
