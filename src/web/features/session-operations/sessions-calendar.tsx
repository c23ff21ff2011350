// Staff's month calendar of sessions: an accessible grid (a table of weeks whose day cells list that
// day's sessions as links), previous and next month as buttons (and Page Up / Page Down inside the
// grid), each session on the day it starts at its center.
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { DateTime } from "luxon";
import { Loading, QueryError } from "../../components/query-status";
import { TableRegion } from "../../components/table-region";
import type { StaffSessionView } from "../../../common/schemas/session-operations";
import { statusLabel } from "../registration/scheduling-api";
import { useMonthSessions, type SessionFilters } from "./session-queries";
import { startDay, startTime } from "./session-time";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** The weeks (Sunday first) that cover a month, each a list of seven days. */
function weeksOf(month: DateTime): DateTime[][] {
  const first = month.startOf("month");
  let day = first.minus({ days: first.weekday % 7 });
  const weeks: DateTime[][] = [];
  while (day <= month.endOf("month")) {
    weeks.push(Array.from({ length: 7 }, (_, i) => day.plus({ days: i })));
    day = day.plus({ days: 7 });
  }
  return weeks;
}

export function SessionsCalendar({ filters, month, onMonth }: { filters: SessionFilters; month: DateTime; onMonth: (next: DateTime) => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A day's margin either side: a session belongs to the day it starts on at its own center.
  const range = { from: month.startOf("month").minus({ days: 1 }).toUTC().toISO()!, to: month.endOf("month").plus({ days: 1 }).toUTC().toISO()! };
  const sessions = useMonthSessions(filters, range);
  const byDay = new Map<string, StaffSessionView[]>();
  for (const s of sessions.data?.items ?? []) byDay.set(startDay(s), [...(byDay.get(startDay(s)) ?? []), s]);
  const title = month.setLocale("en-US").toFormat("LLLL yyyy");
  const today = DateTime.now().toISODate();

  /** The buttons move focus to the new month's name (read out); the keys leave it in the grid. */
  function go(delta: number, focusHeading = true) {
    onMonth(month.plus({ months: delta }));
    if (focusHeading) headingRef.current?.focus();
  }
  // Page Up / Page Down inside the grid change the month, as in a date picker's grid.
  const gridRef = useRef<HTMLDivElement>(null);
  const goRef = useRef(go);
  goRef.current = go;
  useEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "PageUp" && event.key !== "PageDown") return;
      event.preventDefault();
      goRef.current(event.key === "PageUp" ? -1 : 1, false);
    };
    grid.addEventListener("keydown", onKeyDown);
    return () => grid.removeEventListener("keydown", onKeyDown);
  }, [sessions.isPending, sessions.isError]);

  return (
    <section aria-labelledby="calendar-heading" className="session-calendar">
      <div className="session-calendar__bar">
        <button type="button" className="button button--secondary button--small" onClick={() => go(-1)}>
          <span aria-hidden="true">← </span>Previous month
        </button>
        <h2 id="calendar-heading" tabIndex={-1} ref={headingRef} aria-live="polite">
          {title}
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={() => go(1)}>
          Next month<span aria-hidden="true"> →</span>
        </button>
      </div>
      <p className="field__hint">Each session is on the day it starts, at its center's time. In the calendar, Page Up and Page Down change the month.</p>
      {sessions.isPending ? (
        <Loading label="Loading the month…" />
      ) : sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        // The region is focusable (TableRegion) so the month keys work once a keyboard user is in it.
        <div ref={gridRef}>
          {!sessions.data.complete ? <p className="notice">This month has more sessions than the calendar shows: narrow the filters or use the list.</p> : null}
          <TableRegion label={`Sessions in ${title}`}>
            <table className="table session-calendar__grid">
              <caption className="visually-hidden">Sessions in {title}, one cell per day</caption>
              <thead>
                <tr>
                  {WEEKDAYS.map((d) => (
                    <th key={d} scope="col" abbr={d}>
                      <span aria-hidden="true">{d.slice(0, 3)}</span>
                      <span className="visually-hidden">{d}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeksOf(month).map((week) => (
                  <tr key={week[0]!.toISODate()}>
                    {week.map((day) => {
                      const key = day.toISODate()!;
                      const inMonth = day.month === month.month;
                      const list = inMonth ? (byDay.get(key) ?? []) : [];
                      return (
                        <td key={key} className={inMonth ? (key === today ? "session-calendar__day session-calendar__day--today" : "session-calendar__day") : "session-calendar__day session-calendar__day--outside"}>
                          {inMonth ? (
                            <>
                              <span className="session-calendar__date">
                                {day.day}
                                <span className="visually-hidden">
                                  {" "}
                                  {day.setLocale("en-US").toFormat("LLLL")}
                                  {key === today ? ", today" : ""}
                                  {list.length ? `, ${list.length} ${list.length === 1 ? "session" : "sessions"}` : ""}
                                </span>
                              </span>
                              {list.length ? (
                                <ul className="session-calendar__list">
                                  {list.map((s) => (
                                    <li key={s.id} className={s.status === "cancelled" ? "session-calendar__item session-calendar__item--cancelled" : "session-calendar__item"}>
                                      <Link to={`/staff/sessions/${encodeURIComponent(s.id)}`}>
                                        {startTime(s)} {s.centerName}
                                        {s.status !== "scheduled" ? ` (${statusLabel(s.status)})` : ""}
                                      </Link>
                                    </li>
                                  ))}
                                </ul>
                              ) : null}
                            </>
                          ) : (
                            <span className="visually-hidden">Not in {title}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </div>
      )}
    </section>
  );
}
