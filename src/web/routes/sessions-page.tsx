import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { TestSession } from "../api/types";
import { Page } from "../components/page";
import { Loading, QueryError } from "../components/query-status";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { useCenters, useUpcomingSessions } from "../features/centers/center-queries";
import { SessionFinder, type FinderFilter } from "../features/self-service/session-finder";
import { ModuleStanding } from "../features/registration/module-standing";
import { useProgram } from "../features/program/program-queries";
import { RegisterForm } from "../features/registration/register-form";
import { formatMoney, useFees, useRegistrationLeadHours } from "../features/registration/scheduling-api";
import { formatZonedDate, formatZonedHours, formatZonedShort } from "../../common/time-zones";
import { timeZoneLabel } from "../../common/us-time-zones";
import { registrationDeadline } from "../../common/rules/registration-window";
import "../styles/scheduling.css";

function groupByCenter(sessions: TestSession[]) {
  const groups = new Map<string, { name: string; place: string; timeZone: string; sessions: TestSession[] }>();
  for (const session of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const group = groups.get(session.centerId) ?? { name: session.centerName, place: `${session.city}, ${session.state}`, timeZone: session.timeZone, sessions: [] };
    group.sessions.push(session);
    groups.set(session.centerId, group);
  }
  return [...groups.entries()];
}

function SessionRow({ session, canRegister, loggedIn, leadHours }: { session: TestSession; canRegister: boolean; loggedIn: boolean; leadHours: number }) {
  const [open, setOpen] = useState(false);
  const deadline = registrationDeadline(new Date(session.startsAt), leadHours);
  const closed = deadline.getTime() <= Date.now() || session.status !== "scheduled";
  const full = session.seatsAvailable <= 0;
  const headingId = `session-${session.id}`;
  const panelId = `register-${session.id}`;
  return (
    <li className="session-option">
      <h3 id={headingId} className="session-option__title">
        {formatZonedDate(session.startsAt, session.timeZone)}
        <span className="session-option__time">{formatZonedHours(session.startsAt, session.endsAt, session.timeZone)}</span>
      </h3>
      <p className="session-option__meta">
        Modules: {session.modules.join(", ")}
        {" · "}
        {full ? (
          <span className="badge badge--warning">Full (waitlist open)</span>
        ) : (
          <span className="badge badge--success">
            {session.seatsAvailable} {session.seatsAvailable === 1 ? "seat" : "seats"} available
          </span>
        )}
      </p>
      {closed ? (
        <p className="session-option__closed">
          <span className="badge badge--muted">Registration closed</span> Registration closed {formatZonedShort(deadline.toISOString(), session.timeZone)},{" "}
          {leadHours} hours before the session starts.
        </p>
      ) : (
        <>
          <p className="session-option__deadline">Register by {formatZonedShort(deadline.toISOString(), session.timeZone)}.</p>
          {!loggedIn ? (
            <p>
              <Link to={`/login?next=${encodeURIComponent("/sessions")}`}>Log in to register</Link> or{" "}
              <Link to="/register">create an account</Link>.
            </p>
          ) : !canRegister ? (
            <p className="card__meta">Only candidate accounts register for sessions.</p>
          ) : (
            <>
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={open}
                aria-controls={panelId}
                onClick={() => setOpen(!open)}
              >
                {open ? "Close" : "Choose this session"}
                <span className="visually-hidden">: {formatZonedShort(session.startsAt, session.timeZone)}</span>
              </button>
              <div id={panelId} hidden={!open}>
                {open ? <RegisterForm session={session} headingId={headingId} /> : null}
              </div>
            </>
          )}
        </>
      )}
    </li>
  );
}

function FeeNote() {
  const fees = useFees();
  if (!fees.data) return null;
  return (
    <p>
      Fees per module:{" "}
      {fees.data.items
        .map((f) => `${f.module} ${f.amountCents === null ? "contact the program" : formatMoney(f.amountCents, fees.data.currency)}`)
        .join(" · ")}
      . Pay by voucher or invoice; cards are not taken.
    </p>
  );
}

/** What an empty finder says: where nothing was found, and what to try next. */
function NoSessions({ filter, moduleName, onClear }: { filter: FinderFilter; moduleName: string | null; onClear: () => void }) {
  if (!filter.state && !filter.city) {
    return <p>{moduleName ? `No upcoming session offers ${moduleName} at the moment.` : "No sessions are scheduled at the moment."} Centers add sessions every month: check back soon.</p>;
  }
  const place = [filter.city, filter.state].filter(Boolean).join(", ");
  return (
    <div className="notice notice--info" role="status">
      <p>
        <strong>No upcoming sessions in {place}.</strong>
      </p>
      <ul>
        {filter.city && filter.state ? <li>Choose “All cities in {filter.state}” to see nearby centers.</li> : null}
        <li>Try another state or city, or show sessions everywhere.</li>
        <li>
          Ask a <Link to="/centers">nearby assessment center</Link> when it plans its next session; employers can also ask for an onsite session.
        </li>
      </ul>
      <p>
        <button type="button" className="button button--secondary" onClick={onClear}>
          Show sessions everywhere
        </button>
      </p>
    </div>
  );
}

export function SessionsPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filter: FinderFilter = { state: params.get("state") ?? "", city: params.get("city") ?? "" };
  // "Book your retake" (a study plan, its email) asks for the sessions that offer one module.
  const program = useProgram();
  const module = program.data?.modules.find((m) => m.code === params.get("module")) ?? null;
  const setFilter = (next: FinderFilter, o: { module?: string | null } = {}) => {
    const query = new URLSearchParams();
    if (next.state) query.set("state", next.state);
    if (next.city) query.set("city", next.city);
    const keep = o.module === undefined ? params.get("module") : o.module;
    if (keep) query.set("module", keep);
    setParams(query, { replace: true });
  };
  const centers = useCenters();
  const sessions = useUpcomingSessions({ ...filter, ...(module ? { module: module.code } : {}) });
  const leadHours = useRegistrationLeadHours();
  const loggedIn = !!me.data;
  const canRegister = hasRole(me.data, "candidate");

  let body;
  if (sessions.isPending || leadHours === undefined) body = <Loading label="Loading sessions…" />;
  else if (sessions.isError) body = <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  else if (sessions.data.items.length === 0) body = <NoSessions filter={filter} moduleName={module?.name ?? null} onClear={() => setFilter({ state: "", city: "" }, { module: null })} />;
  else
    body = (
      <div className="stack">
        {groupByCenter(sessions.data.items).map(([centerId, group]) => (
          <section key={centerId} className="card" aria-labelledby={`center-${centerId}`}>
            <h2 id={`center-${centerId}`}>{group.name}</h2>
            <p className="card__meta">
              {group.place} · times in {timeZoneLabel(group.timeZone)}
            </p>
            <ul className="session-options">
              {group.sessions.map((session) => (
                <SessionRow key={session.id} session={session} canRegister={canRegister} loggedIn={loggedIn} leadHours={leadHours} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    );

  return (
    <Page
      title="Find a session"
      lead="Choose a testing session and the modules you want to take. Times are shown in each center's own time zone."
    >
      <p>
        {leadHours !== undefined ? `Registration closes ${leadHours} hours before a session starts. ` : null}A Silver National Career Readiness
        Certificate is strongly encouraged before testing. Need special accommodations?{" "}
        <Link to="/accommodations/request">Ask for them</Link> well ahead.
      </p>
      <FeeNote />
      {canRegister ? <ModuleStanding /> : null}
      {centers.data ? <SessionFinder centers={centers.data.items} value={filter} onChange={(next) => setFilter(next)} /> : null}
      {module ? (
        <p className="notice notice--info">
          Showing sessions that offer {module.name} ({module.code}).{" "}
          <button type="button" className="link-button" onClick={() => setFilter(filter, { module: null })}>
            Show sessions for every module
          </button>
        </p>
      ) : null}
      <div aria-live="polite" aria-busy={sessions.isFetching}>
        {sessions.data && !sessions.isPending ? (
          <p className="visually-hidden">
            {sessions.data.items.length} {sessions.data.items.length === 1 ? "session" : "sessions"} found.
          </p>
        ) : null}
      </div>
      {body}
    </Page>
  );
}
