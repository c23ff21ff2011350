// The zones a US center is most likely in, named the way people say them, for the selects where staff
// and applicants choose a center's zone (any other valid IANA name is accepted too), and the label a
// form puts beside a wall-clock time ("Central Time, CST/CDT") so nobody types a time in the wrong zone.
import { DateTime } from 'luxon'
import { isTimeZone } from './time-zones.js'

export interface NamedTimeZone {
  zone: string
  name: string
}

export const US_TIME_ZONES: readonly NamedTimeZone[] = [
  { zone: 'America/New_York', name: 'Eastern Time' },
  { zone: 'America/Chicago', name: 'Central Time' },
  { zone: 'America/Denver', name: 'Mountain Time' },
  { zone: 'America/Phoenix', name: 'Mountain Time (Arizona, no daylight saving)' },
  { zone: 'America/Los_Angeles', name: 'Pacific Time' },
  { zone: 'America/Anchorage', name: 'Alaska Time' },
  { zone: 'Pacific/Honolulu', name: 'Hawaii Time' },
  { zone: 'America/Puerto_Rico', name: 'Atlantic Time (Puerto Rico)' },
]

/** The zone's abbreviations in winter and summer, "CST/CDT", or one when it keeps a single one ("MST"). */
export function zoneAbbreviations(zone: string, year = new Date().getUTCFullYear()): string {
  if (!isTimeZone(zone)) return ''
  const names = [1, 7].map((month) => DateTime.fromObject({ year, month, day: 15, hour: 12 }, { zone }).setLocale('en-US').offsetNameShort ?? '')
  return [...new Set(names)].join('/')
}

/** "Central Time, CST/CDT"; for a zone not in the list, its IANA name: "Europe/Berlin, GMT+1/GMT+2". */
export function timeZoneLabel(zone: string): string {
  const named = US_TIME_ZONES.find((z) => z.zone === zone)
  return `${named?.name ?? zone}, ${zoneAbbreviations(zone)}`
}
