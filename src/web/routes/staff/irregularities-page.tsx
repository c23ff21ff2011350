// The irregularity queue: every incident of every session, newest first, with its session (in the
// center's time), center, candidate, what happened and what the proctor did, a link to the session
// report, and its case. Filters by status, center and date; an incident awaiting review opens a case.
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { SelectField, TextField } from "../../components/field";
import { Page } from "../../components/page";
import { useCenters } from "../../features/centers/center-queries";
import { integrityKeys } from "../../features/integrity/integrity-api";
import { CATEGORY_LABELS, QUEUE_STATUS_LABELS, statusTone } from "../../features/integrity/labels";
import { OpenCaseDialog } from "../../features/integrity/open-case-dialog";
import { useCursorList } from "../../lib/use-cursor-list";
import { DEFAULT_TIME_ZONE, formatZonedShort, zonedWallTimeToUtc } from "../../../common/time-zones";
import { QUEUE_STATUSES, type QueueIncident, type QueueStatus } from "../../../common/schemas/integrity";
import "../../styles/integrity.css";

interface Filters {
  status?: QueueStatus;
  centerId?: string;
  from?: string;
  to?: string;
}

/** A date typed in the filter, as the start of that day in the program's time zone. */
const dayStart = (day: string) => (day ? (zonedWallTimeToUtc(`${day}T00:00`, DEFAULT_TIME_ZONE) ?? undefined) : undefined);
const nextDayStart = (day: string) => {
  if (!day) return undefined;
  const next = new Date(`${day}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return dayStart(next.toISOString().slice(0, 10));
};

export function IrregularitiesPage() {
  const centers = useCenters();
  const [draft, setDraft] = useState({ status: "awaiting", centerId: "", from: "", to: "" });
  const [filters, setFilters] = useState<Filters>({ status: "awaiting" });
  const [opening, setOpening] = useState<string | null>(null);
  const { query, items } = useCursorList<QueueIncident>(integrityKeys.queue, "/api/v1/admin/irregularities", { ...filters });

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({
      ...(draft.status ? { status: draft.status as QueueStatus } : {}),
      ...(draft.centerId ? { centerId: draft.centerId } : {}),
      ...(draft.from ? { from: dayStart(draft.from) } : {}),
      ...(draft.to ? { to: nextDayStart(draft.to) } : {}),
    });
  }

  const zone = (i: QueueIncident) => i.session.timeZone ?? DEFAULT_TIME_ZONE;
  const columns: Column<QueueIncident>[] = [
    { id: "occurred", header: "When", rowHeader: true, className: "nowrap", sortValue: (i) => i.occurredAt, cell: (i) => formatZonedShort(i.occurredAt, zone(i)) },
    {
      id: "session",
      header: "Session",
      sortValue: (i) => i.session.startsAt,
      cell: (i) => (
        <>
          {i.center?.name ?? "Unknown center"}
          <br />
          <span className="card__meta">{formatZonedShort(i.session.startsAt, zone(i))}</span>
          <br />
          <a href={`/api/v1/sessions/${encodeURIComponent(i.session.id)}/report.pdf`}>
            Session report<span className="visually-hidden"> of {i.center?.name ?? "the session"} (PDF)</span>
          </a>
        </>
      ),
    },
    { id: "candidate", header: "Candidate", sortValue: (i) => i.candidate?.name ?? "", cell: (i) => i.candidate?.name ?? "Whole session" },
    {
      id: "report",
      header: "What happened",
      sortValue: (i) => CATEGORY_LABELS[i.category],
      cell: (i) => (
        <div className="queue__text">
          <p>
            <strong>{CATEGORY_LABELS[i.category]}</strong>
            {i.automatic ? " (recorded automatically)" : null}
          </p>
          <p>{i.narrative}</p>
          <p>
            <span className="queue__label">Action taken:</span> {i.actionTaken}
          </p>
        </div>
      ),
    },
    { id: "status", header: "Status", sortValue: (i) => i.status, cell: (i) => <span className={statusTone(i.status)}>{QUEUE_STATUS_LABELS[i.status]}</span> },
    {
      id: "case",
      header: "Case",
      className: "actions",
      cell: (i) =>
        i.caseId ? (
          <Link to={`/staff/irregularities/${encodeURIComponent(i.caseId)}`}>
            Open the case<span className="visually-hidden"> of the incident at {formatZonedShort(i.occurredAt, zone(i))}</span>
          </Link>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setOpening(i.id)}>
            Open case<span className="visually-hidden"> on the incident at {formatZonedShort(i.occurredAt, zone(i))}</span>
          </button>
        ),
    },
  ];

  return (
    <Page title="Irregularities" wide lead="Every incident from every session, with its session report. Open a case to hold, release or void a result.">
      <p>
        <Link to="/staff/irregularities/cases">All cases and appeals</Link>
      </p>
      <form className="filters" role="search" aria-label="Irregularities" onSubmit={onFilter}>
        <SelectField label="Status" name="status" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
          <option value="">Any status</option>
          {QUEUE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {QUEUE_STATUS_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Center" name="centerId" value={draft.centerId} onChange={(e) => setDraft({ ...draft, centerId: e.target.value })}>
          <option value="">Every center</option>
          {(centers.data?.items ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <TextField label="From" type="date" name="from" required={false} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <TextField label="To" type="date" name="to" required={false} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <DataTable
        caption="Incidents"
        columns={columns}
        rows={items}
        rowKey={(i) => i.id}
        empty="No incidents match these filters."
        status={query}
        more={query}
        loadingLabel="Loading incidents…"
      />
      {opening ? <OpenCaseDialog incidentId={opening} onClose={() => setOpening(null)} /> : null}
    </Page>
  );
}
