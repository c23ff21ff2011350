import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { DataTable, type Column } from "../../components/data-table";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { DecisionForm } from "../../features/accommodations/decision-form";
import { AdjustmentTags } from "../../features/accommodations/adjustment-tags";
import { categoryLabel, formatBytes } from "../../features/accommodations/labels";
import type { AccommodationQueue, QueuedAccommodationRequestView } from "../../../common/schemas/accommodations";
import { schedulingKeys } from "../../features/registration/scheduling-api";
import { formatDateTime } from "../../lib/format";
import "../../styles/scheduling.css";

/** The statement and the decision form, in a row of their own under the request. */
function DecisionRow({ request, columns, onDecided }: { request: QueuedAccommodationRequestView; columns: number; onDecided: (message: string) => void }) {
  return (
    <tr className="edit-row">
      <td colSpan={columns}>
        <dl className="details-list">
          <dt>Statement</dt>
          <dd className="pre-line">{request.statement}</dd>
        </dl>
        <DecisionForm request={request} onDecided={onDecided} />
      </td>
    </tr>
  );
}

export function AccommodationQueuePage() {
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const query = useQuery({
    queryKey: [...schedulingKeys.accommodationQueue, "pending"],
    queryFn: ({ signal }) =>
      api.get<AccommodationQueue>("/api/v1/admin/accommodation-requests", { status: "pending" }, signal),
  });

  const columns: Column<QueuedAccommodationRequestView>[] = [
    {
      id: "candidate",
      header: "Candidate",
      rowHeader: true,
      sortValue: (r) => r.candidate.name.toLowerCase(),
      cell: (r) => (
        <>
          {r.candidate.name}
          <br />
          <span className="card__meta">{r.candidate.email}</span>
        </>
      ),
    },
    { id: "asked", header: "Asked", className: "nowrap", cell: (r) => formatDateTime(r.createdAt), sortValue: (r) => r.createdAt },
    { id: "areas", header: "Areas", cell: (r) => r.categories.map(categoryLabel).join(", ") },
    {
      id: "adjustments",
      header: "Asked for",
      cell: (r) => <AdjustmentTags adjustments={r.adjustments} tone="muted" />,
    },
    {
      id: "documents",
      header: "Documents",
      sortValue: (r) => r.documents.length,
      cell: (r) =>
        r.documents.length === 0 ? (
          "None attached"
        ) : (
          <ul className="plain-list">
            {r.documents.map((doc) => (
              <li key={doc.id}>
                <a href={`/api/v1/accommodation-documents/${encodeURIComponent(doc.id)}`}>Download {doc.fileName}</a> ({formatBytes(doc.size)})
              </li>
            ))}
          </ul>
        ),
    },
    {
      id: "actions",
      header: "Actions",
      className: "actions",
      cell: (r) => (
        <button type="button" className="button button--small" aria-expanded={open === r.id} onClick={() => setOpen(open === r.id ? null : r.id)}>
          {open === r.id ? "Close" : "Read and decide"}
          <span className="visually-hidden"> (request from {r.candidate.name})</span>
        </button>
      ),
    },
  ];

  return (
    <Page
      title="Accommodation requests"
      wide
      lead="Pending requests for special accommodations, oldest first. Documentation is sensitive: every download is recorded in the audit log."
    >
      <StatusMessage>{message}</StatusMessage>
      <DataTable
        caption="Pending accommodation requests"
        columns={columns}
        rows={query.data?.items ?? []}
        rowKey={(r) => r.id}
        empty="No requests are waiting for a decision."
        status={query}
        initialSort={{ id: "asked" }}
        pageSize={25}
        after={(r) =>
          open === r.id ? (
            <DecisionRow
              request={r}
              columns={columns.length}
              onDecided={(text) => {
                setOpen(null);
                setMessage(text);
              }}
            />
          ) : null
        }
      />
    </Page>
  );
}
