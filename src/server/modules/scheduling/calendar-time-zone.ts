// An iCalendar event in the center's time zone: DTSTART/DTEND as wall-clock times with TZID, and the
// VTIMEZONE that defines the zone (RFC 5545 §3.6.5), so a calendar shows "9:00 AM CDT" at the center
// and converts it correctly for a reader elsewhere. The `ics` package writes UTC times only; its output
// is rewritten here. The VTIMEZONE lists the zone's actual transitions from the year before the event
// to its end (from the runtime's zone database through Luxon) rather than rules, so it is exact for
// the dates it covers whatever the zone's history.
import { DateTime } from 'luxon'

const DAY = 86_400_000

const offsetText = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`
}

const wall = (t: DateTime) => t.toFormat("yyyyLLdd'T'HHmmss")

/** The wall-clock time at the center in iCalendar form: 20270314T090000. */
export function icsWallTime(iso: string, zone: string): string {
  return wall(DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone))
}

/** The instants in [from, to) where the zone's offset changes, to the minute. */
function transitions(zone: string, from: number, to: number): number[] {
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset
  const found: number[] = []
  for (let day = from; day < to; day += DAY) {
    let lo = day
    let hi = Math.min(day + DAY, to)
    if (offsetAt(lo) === offsetAt(hi)) continue
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000
      if (offsetAt(mid) === offsetAt(lo)) lo = mid
      else hi = mid
    }
    found.push(hi)
  }
  return found
}

/** A VTIMEZONE for the zone covering the year before `startIso` through `endIso`. */
export function vtimezone(zone: string, startIso: string, endIso: string): string[] {
  const start = DateTime.fromISO(startIso, { zone: 'utc' }).setZone(zone)
  const from = start.minus({ years: 1 }).startOf('year')
  const to = DateTime.fromISO(endIso, { zone: 'utc' }).plus({ days: 1 }).toMillis()
  const observance = (at: DateTime, offsetFrom: number) => {
    const kind = at.isInDST ? 'DAYLIGHT' : 'STANDARD'
    // DTSTART is the local time the change happens, read on the clock before it.
    const before = at.setZone(`UTC${offsetFrom === 0 ? '' : offsetText(offsetFrom).replace(/(\d\d)(\d\d)$/, '$1:$2')}`)
    return [
      `BEGIN:${kind}`, `DTSTART:${wall(before)}`, `TZOFFSETFROM:${offsetText(offsetFrom)}`, `TZOFFSETTO:${offsetText(at.offset)}`,
      `TZNAME:${at.setLocale('en-US').offsetNameShort ?? zone}`, `END:${kind}`,
    ]
  }
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observance(from, from.offset)]
  for (const ms of transitions(zone, from.toMillis(), to)) {
    const at = DateTime.fromMillis(ms, { zone })
    lines.push(...observance(at, DateTime.fromMillis(ms - 60_000, { zone }).offset))
  }
  lines.push('END:VTIMEZONE')
  return lines
}

/**
 * Rewrites an `ics` calendar whose event times are UTC ("DTSTART:20270314T140000Z") to the center's
 * wall-clock times with TZID, adding the zone's VTIMEZONE before the event.
 */
export function inTimeZone(calendar: string, zone: string, startIso: string, endIso: string): string {
  const lines = calendar.split('\r\n')
  const out: string[] = []
  for (const line of lines) {
    const m = /^(DTSTART|DTEND):(\d{8}T\d{6}Z)$/.exec(line)
    if (m) {
      const iso = DateTime.fromFormat(m[2]!, "yyyyLLdd'T'HHmmss'Z'", { zone: 'utc' }).toISO()!
      out.push(`${m[1]};TZID=${zone}:${icsWallTime(iso, zone)}`)
      continue
    }
    if (line === 'BEGIN:VEVENT') out.push(...vtimezone(zone, startIso, endIso))
    out.push(line)
  }
  return out.join('\r\n')
}
