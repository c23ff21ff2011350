// A session's times as the people at its center read them: in the center's zone, with the date and
// the zone's abbreviation (until every center has a zone, the program's default).
import { DateTime } from "luxon";
import { DEFAULT_TIME_ZONE, formatZonedRange } from "../../../common/time-zones";

export const zoneOf = (s: { timeZone?: string | null }) => s.timeZone ?? DEFAULT_TIME_ZONE;

/** "Dec 16, 2026, 9:00 AM – 1:00 PM EST" (both dates when it crosses midnight). */
export function shortSpan(s: { startsAt: string; endsAt: string; timeZone?: string | null }): string {
  const zone = zoneOf(s);
  const start = DateTime.fromISO(s.startsAt, { zone }).setLocale("en-US");
  const end = DateTime.fromISO(s.endsAt, { zone }).setLocale("en-US");
  if (!start.isValid || !end.isValid) return "—";
  return start.hasSame(end, "day")
    ? `${start.toFormat("LLL d, yyyy, h:mm a")} – ${end.toFormat("h:mm a ZZZZ")}`
    : `${start.toFormat("LLL d, yyyy, h:mm a ZZZZ")} – ${end.toFormat("LLL d, yyyy, h:mm a ZZZZ")}`;
}

/** The full span for a session's own page. */
export const longSpan = (s: { startsAt: string; endsAt: string; timeZone?: string | null }) => formatZonedRange(s.startsAt, s.endsAt, zoneOf(s));

/** "9:00 AM EST": a session's start inside a calendar day. */
export const startTime = (s: { startsAt: string; timeZone?: string | null }) =>
  DateTime.fromISO(s.startsAt, { zone: zoneOf(s) }).setLocale("en-US").toFormat("h:mm a ZZZZ");

/** The day (yyyy-MM-dd) a session starts on at its center: where the calendar lists it. */
export const startDay = (s: { startsAt: string; timeZone?: string | null }) => DateTime.fromISO(s.startsAt, { zone: zoneOf(s) }).toISODate() ?? "";
