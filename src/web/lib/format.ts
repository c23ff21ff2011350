// Dates and times in the reader's own locale and time zone: only for moments not tied to a place
// ("saved at", "asked on", a token's expiry, an audit entry). A session's times, and anything told
// about a session (its registration deadline, a hold on its seat, its incidents), are shown in its
// center's zone with src/common/time-zones.ts instead.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const longDate = new Intl.DateTimeFormat(undefined, { weekday: "long", year: "numeric", month: "long", day: "numeric" });
const shortDate = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const time = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit", timeZoneName: "short" });

function valid(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(iso: string | null | undefined): string {
  const date = valid(iso);
  return date ? dateTime.format(date) : "—";
}

export function formatDate(iso: string | null | undefined): string {
  const date = valid(iso);
  return date ? shortDate.format(date) : "—";
}

const calendarDay = {
  medium: new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }),
  long: new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeZone: "UTC" }),
};

/**
 * A calendar date without a time ("2026-11-21": a certificate's issue date). Read as a moment it
 * would be UTC midnight and show as the day before west of UTC; it is formatted as that day instead.
 */
export function formatCalendarDate(day: string | null | undefined, style: "medium" | "long" = "medium"): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}/.test(day)) return "—";
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? "—" : calendarDay[style].format(date);
}

export function formatLongDate(iso: string | null | undefined): string {
  const date = valid(iso);
  return date ? longDate.format(date) : "—";
}

/** "9:00 AM – 1:00 PM EDT" for a session that starts and ends on the same day. */
export function formatTimeRange(startIso: string, endIso: string): string {
  const start = valid(startIso);
  const end = valid(endIso);
  if (!start || !end) return "—";
  if (start.toDateString() === end.toDateString()) {
    return time.formatRange ? time.formatRange(start, end) : `${time.format(start)} – ${time.format(end)}`;
  }
  return `${dateTime.format(start)} – ${dateTime.format(end)}`;
}

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}
