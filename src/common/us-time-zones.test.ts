import { describe, expect, it } from 'vitest'
import { isTimeZone } from './time-zones.js'
import { timeZoneLabel, US_TIME_ZONES, zoneAbbreviations } from './us-time-zones.js'

describe('US time zones', () => {
  it('lists only zones the runtime knows', () => {
    for (const z of US_TIME_ZONES) expect(isTimeZone(z.zone)).toBe(true)
  })

  it('names a zone with its winter and summer abbreviations', () => {
    expect(timeZoneLabel('America/Chicago')).toBe('Central Time, CST/CDT')
    expect(timeZoneLabel('America/Phoenix')).toBe('Mountain Time (Arizona, no daylight saving), MST')
    expect(zoneAbbreviations('America/Los_Angeles', 2027)).toBe('PST/PDT')
    expect(zoneAbbreviations('Not/AZone')).toBe('')
  })
})
