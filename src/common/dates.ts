// The one reader for timestamps that arrive from outside (request bodies, query strings). It accepts
// RFC 3339 / ISO 8601 date-times with a UTC designator or an offset, and only those that name one
// real instant the server can store and read back the same on both databases:
// - no leap second (`23:59:60`: JavaScript dates cannot hold one, `new Date()` gives Invalid Date);
// - no day a month does not have (Feb 30, Feb 29 of a common year), no hour 24, no offset beyond ±23:59;
// - a UTC year from 1000 to 9999: timestamps are stored as ISO strings with four-digit years (SQLite
//   compares them as text), and PostgreSQL prints years below 100 in a form JavaScript reads as 19xx/20xx.
// Fractions of a second are kept to the millisecond (extra digits are dropped, not rounded).

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/

/** The earliest and latest instants accepted: 1000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z. */
export const MIN_TIMESTAMP_MS = -30_610_224_000_000
export const MAX_TIMESTAMP_MS = 253_402_300_799_999

/** Longer than any valid timestamp (nine fraction digits and an offset): refused without a regex. */
const MAX_LENGTH = 35

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const daysInMonth = (year: number, month: number) => (month === 2 && isLeapYear(year) ? 29 : DAYS[month - 1]!)

/** The instant a timestamp names, or null when it is not one the server can represent. */
export function parseTimestamp(text: unknown): Date | null {
  if (typeof text !== 'string' || text.length > MAX_LENGTH) return null
  const m = TIMESTAMP.exec(text)
  if (!m) return null
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || second > 59) return null
  let offsetMinutes = 0
  if (!m[8]) {
    const oh = Number(m[10])
    const om = Number(m[11])
    if (oh > 23 || om > 59) return null
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (oh * 60 + om)
  }
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0)
  date.setUTCFullYear(year, month - 1, day)
  date.setUTCHours(hour, minute, second, millis)
  const time = date.getTime() - offsetMinutes * 60_000
  if (!(time >= MIN_TIMESTAMP_MS && time <= MAX_TIMESTAMP_MS)) return null
  return new Date(time)
}

/** The timestamp as the server stores it (ISO 8601 UTC with milliseconds), or null. */
export function normalizeTimestamp(text: unknown): string | null {
  return parseTimestamp(text)?.toISOString() ?? null
}

/** Whether a text is a timestamp the server accepts (the `date-time` format of every route). */
export const isTimestamp = (text: unknown): boolean => parseTimestamp(text) !== null
