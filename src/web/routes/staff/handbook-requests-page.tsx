import { useState } from "react";
import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import type { HandbookRequestView, HandbookRequestsPage as RequestsPage } from "../../../common/schemas/handbook";
import { DataTable, type Column } from "../../components/data-table";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { HandbookRequestDetails } from "../../features/staff/handbook-request-item";
import { staffKeys } from "../../features/staff/staff-keys";
import { formatDateTime } from "../../lib/format";
import { useCursorList } from "../../lib/use-cursor-list";

type Status = "open" | "fulfilled";
/** The request whose details row is open, and whether its fulfil form is. */
type Opened = { id: string; fulfilling: boolean } | null;

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

export function HandbookRequestsPage() {
  const [status, setStatus] = useState<Status>("open");
  const [opened, setOpened] = useState<Opened>(null);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const params = { status };
  const { query, items } = useCursorList<HandbookRequestView>(staffKeys.handbookRequests, "/api/v1/admin/handbook-requests", params);

  // Keep the fulfilled request in place (shown as fulfilled) rather than making it vanish from the open list.
  function onFulfilled(updated: HandbookRequestView) {
    queryClient.setQueryData<InfiniteData<RequestsPage>>([...staffKeys.handbookRequests, params], (data) =>
      data
        ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) })) }
        : data,
    );
    void queryClient.invalidateQueries({
      queryKey: staffKeys.handbookRequests,
      predicate: (q) => JSON.stringify(q.queryKey) !== JSON.stringify([...staffKeys.handbookRequests, params]),
    });
    setOpened({ id: updated.id, fulfilling: false });
    setAnnouncement(`The request from ${updated.name} is marked fulfilled.`);
    focusLater(`request-${updated.id}`);
  }

  const columns: Column<HandbookRequestView>[] = [
    {
      id: "name",
      header: "Name",
      rowHeader: true,
      sortValue: (r) => r.name.toLowerCase(),
      // Focus returns here when the fulfil form closes, so the row is where the person left it.
      cell: (r) => (
        <span id={`request-${r.id}`} tabIndex={-1}>
          {r.name}
        </span>
      ),
    },
    { id: "email", header: "Email", cell: (r) => <a href={`mailto:${r.email}`}>{r.email}</a>, sortValue: (r) => r.email },
    { id: "format", header: "Format", cell: (r) => (r.format === "pdf" ? "PDF by email" : "Printed copy by mail"), sortValue: (r) => r.format },
    { id: "organization", header: "Organization", cell: (r) => r.organization || "—", sortValue: (r) => r.organization?.toLowerCase() },
    { id: "received", header: "Received", className: "nowrap", cell: (r) => formatDateTime(r.createdAt), sortValue: (r) => r.createdAt },
    {
      id: "status",
      header: "Status",
      sortValue: (r) => r.status,
      cell: (r) => (r.status === "fulfilled" ? <span className="badge badge--success">Fulfilled</span> : <span className="badge badge--warning">Open</span>),
    },
    {
      id: "actions",
      header: "Actions",
      className: "actions",
      cell: (r) => (
        <>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={opened?.id === r.id}
            onClick={() => setOpened(opened?.id === r.id ? null : { id: r.id, fulfilling: false })}
          >
            Details<span className="visually-hidden"> of the request from {r.name}</span>
          </button>
          {r.status === "open" ? (
            <button type="button" id={`fulfil-${r.id}`} className="button button--small" onClick={() => setOpened({ id: r.id, fulfilling: true })}>
              Mark fulfilled<span className="visually-hidden"> (request from {r.name})</span>
            </button>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <Page title="Handbook requests" wide lead="Requests for the MT1 Handbook. Send the handbook, then mark the request fulfilled with a note.">
      <fieldset className="fieldset filters">
        <legend>Show</legend>
        <div className="choices-inline">
          {(["open", "fulfilled"] as const).map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="status"
                value={value}
                checked={status === value}
                onChange={() => {
                  setAnnouncement(null);
                  setOpened(null);
                  setStatus(value);
                }}
              />
              {value === "open" ? "Open requests" : "Fulfilled requests"}
            </label>
          ))}
        </div>
      </fieldset>
      <StatusMessage>{announcement}</StatusMessage>
      <DataTable
        caption={status === "open" ? "Open handbook requests" : "Fulfilled handbook requests"}
        columns={columns}
        rows={items}
        rowKey={(r) => r.id}
        empty={status === "open" ? "No open requests. Everything has been sent." : "No fulfilled requests yet."}
        status={query}
        more={query}
        pageSize={25}
        initialSort={{ id: "received" }}
        after={(r) =>
          opened?.id === r.id ? (
            <HandbookRequestDetails
              request={r}
              columns={columns.length}
              fulfilling={opened.fulfilling}
              onFulfilled={onFulfilled}
              onCancel={() => {
                setOpened({ id: r.id, fulfilling: false });
                focusLater(`fulfil-${r.id}`);
              }}
            />
          ) : null
        }
      />
    </Page>
  );
}
