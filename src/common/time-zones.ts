// Every time shown to a person is in the time zone of the place it happens (the center's IANA zone),
// with the zone's abbreviation and the date, so a candidate in Denver booking a session in Ohio sees
// "9:00 AM EST", not their own computer's 7:00 AM. One set of formatters serves the pages, the emails,
// the calendar invitations and the PDFs. Luxon does the zone arithmetic (daylight-saving changes
// included); Intl supplies the zone database.
import { DateTime, IANAZone } from 'luxon'

/** The zone a center gets when none is given: the program's own office (Pittsburgh is Eastern). */
export const DEFAULT_TIME_ZONE = 'America/New_York'

/** Whether a name is an IANA time zone this runtime knows ("America/Chicago"; not "EST" or "+05:00"). */
export function isTimeZone(name: unknown): name is string {
  return typeof name === 'string' && name.length <= 64 && /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(name) && IANAZone.isValidZone(name)
}

function at(iso: string, zone: string): DateTime | null {
  const time = DateTime.fromISO(iso, { zone: 'utc' })
  if (!time.isValid) return null
  const zoned = time.setZone(isTimeZone(zone) ? zone : DEFAULT_TIME_ZONE)
  return zoned.isValid ? zoned : null
}

const LOCALE = 'en-US'

/** "Tuesday, March 10, 2026, 9:00 AM EDT". */
export function formatZonedDateTime(iso: string | null | undefined, zone: string): string {
  const time = iso ? at(iso, zone) : null
  return time ? time.setLocale(LOCALE).toFormat("cccc, LLLL d, yyyy, h:mm a ZZZZ") : '—'
}

/** "Mar 10, 2026, 9:00 AM EDT": for tables and cards. */
export function formatZonedShort(iso: string | null | undefined, zone: string): string {
  const time = iso ? at(iso, zone) : null
  return time ? time.setLocale(LOCALE).toFormat('LLL d, yyyy, h:mm a ZZZZ') : '—'
}

/** "Tuesday, March 10, 2026": the day at the center. */
export function formatZonedDate(iso: string | null | undefined, zone: string): string {
  const time = iso ? at(iso, zone) : null
  return time ? time.setLocale(LOCALE).toFormat('cccc, LLLL d, yyyy') : '—'
}

/**
 * A session's span at its center: "Tuesday, March 10, 2026, 9:00 AM – 1:00 PM EDT" on one day, both
 * dates in full when it crosses midnight, and each end with its own abbreviation when a
 * daylight-saving change falls inside it.
 */
export function formatZonedRange(startIso: string | null | undefined, endIso: string | null | undefined, zone: string): string {
  const start = startIso ? at(startIso, zone) : null
  const end = endIso ? at(endIso, zone) : null
  if (!start || !end) return '—'
  const s = start.setLocale(LOCALE)
  const e = end.setLocale(LOCALE)
  if (!s.hasSame(e, 'day')) return `${s.toFormat("cccc, LLLL d, yyyy, h:mm a ZZZZ")} – ${e.toFormat("cccc, LLLL d, yyyy, h:mm a ZZZZ")}`
  const sameZoneName = s.offsetNameShort === e.offsetNameShort
  return `${s.toFormat('cccc, LLLL d, yyyy')}, ${s.toFormat(sameZoneName ? 'h:mm a' : 'h:mm a ZZZZ')} – ${e.toFormat('h:mm a ZZZZ')}`
}

/**
 * A session's hours at its center, for a line under its date: "9:00 AM – 1:00 PM CDT" on one day
 * (each end with its abbreviation when a daylight-saving change falls inside it); both ends in full
 * ("Mar 10, 2026, 11:00 PM EDT – Mar 11, 2026, 3:00 AM EDT") when it crosses midnight.
 */
export function formatZonedHours(startIso: string | null | undefined, endIso: string | null | undefined, zone: string): string {
  const start = startIso ? at(startIso, zone) : null
  const end = endIso ? at(endIso, zone) : null
  if (!start || !end) return '—'
  const s = start.setLocale(LOCALE)
  const e = end.setLocale(LOCALE)
  if (!s.hasSame(e, 'day')) return `${s.toFormat('LLL d, yyyy, h:mm a ZZZZ')} – ${e.toFormat('LLL d, yyyy, h:mm a ZZZZ')}`
  return `${s.toFormat(s.offsetNameShort === e.offsetNameShort ? 'h:mm a' : 'h:mm a ZZZZ')} – ${e.toFormat('h:mm a ZZZZ')}`
}

/** The zone's abbreviation at an instant ("EST" in January, "EDT" in July). */
export function zoneAbbreviation(iso: string, zone: string): string {
  return at(iso, zone)?.setLocale(LOCALE).offsetNameShort ?? ''
}

/**
 * The instant a wall-clock time at the center names ("2027-03-14T09:00" in America/New_York), as the
 * server stores it, or null when the text is not a date and time or the time does not exist there
 * (the hour skipped when clocks go forward). An hour that happens twice (clocks go back) is the
 * first of the two, as most calendars read it.
 */
export function zonedWallTimeToUtc(local: string, zone: string): string | null {
  if (!isTimeZone(zone) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null
  const time = DateTime.fromISO(local, { zone })
  if (!time.isValid) return null
  // Luxon moves a skipped wall time forward; such a time does not exist at the center.
  const wall = (t: DateTime) => t.toFormat(local.length > 16 ? "yyyy-LL-dd'T'HH:mm:ss" : "yyyy-LL-dd'T'HH:mm")
  if (wall(time) !== local) return null
  // Luxon takes the later of a repeated hour; an hour earlier shows the same wall time in that case.
  const earlier = time.minus({ hours: 1 })
  return (wall(earlier) === local ? earlier : time).toUTC().toISO()
}

/** The wall-clock time at the center for an instant ("2027-03-14T09:00"): what a datetime-local input shows. */
export function utcToZonedWallTime(iso: string, zone: string): string {
  return at(iso, zone)?.toFormat("yyyy-LL-dd'T'HH:mm") ?? ''
}
