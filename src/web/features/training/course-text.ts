// How a course reads in tables and on its page: its meetings on the place's clock, its place, its fee.
import { formatMoney } from "../../../common/rules/fees";
import { formatZonedRange, formatZonedShort } from "../../../common/time-zones";
import type { CourseView } from "../../../common/schemas/training";

/** "Mar 10, 2027, 6:00 PM EDT" and "(2 meetings)": the first meeting and how many there are. */
export function courseStart(course: Pick<CourseView, "meetings" | "timeZone">): string {
  const first = course.meetings[0];
  if (!first) return "—";
  const more = course.meetings.length - 1;
  return `${formatZonedShort(first.startsAt, course.timeZone)}${more > 0 ? ` (+${more} more meeting${more === 1 ? "" : "s"})` : ""}`;
}

/** One meeting's span at the place ("Tuesday, March 10, 2027, 6:00 – 9:00 PM EDT"). */
export const meetingSpan = (course: Pick<CourseView, "timeZone">, m: { startsAt: string; endsAt: string }) => formatZonedRange(m.startsAt, m.endsAt, course.timeZone);

export const feeText = (course: Pick<CourseView, "feeCents" | "currency">) => (course.feeCents ? formatMoney(course.feeCents, course.currency) : "Free");

export const placeText = (course: Pick<CourseView, "place">) => `${course.place.name}, ${course.place.city}, ${course.place.state}`;

export const STATUS_LABELS: Record<string, string> = {
  scheduled: "Scheduled",
  cancelled: "Cancelled",
  completed: "Completed",
  invited: "Invited (not accepted yet)",
  pending_payment: "Waiting for payment",
  confirmed: "Confirmed",
};
