import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { DecisionForm } from "../../features/accommodations/decision-form";
import { adjustmentLabel, categoryLabel, formatBytes } from "../../features/accommodations/labels";
import type { AccommodationQueue, QueuedAccommodationRequestView } from "../../../common/schemas/accommodations";
import { schedulingKeys } from "../../features/registration/scheduling-api";
import { formatDateTime } from "../../lib/format";
import "../../styles/scheduling.css";

function RequestCard({ request, onDecided }: { request: QueuedAccommodationRequestView; onDecided: (message: string) => void }) {
  return (
    <li className="card">
      <div className="record__head">
        <h2>{request.candidate.name}</h2>
        <span className="card__meta">Asked {formatDateTime(request.createdAt)}</span>
      </div>
      <dl className="details-list">
        <dt>Email</dt>
        <dd>{request.candidate.email}</dd>
        <dt>Areas</dt>
        <dd>{request.categories.map(categoryLabel).join(", ")}</dd>
        <dt>Asked for</dt>
        <dd>
          <ul className="tag-list">
            {request.adjustments.map((a) => (
              <li key={a} className="badge badge--muted">
                {adjustmentLabel(a)}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Statement</dt>
        <dd className="pre-line">{request.statement}</dd>
        <dt>Documents</dt>
        <dd>
          {request.documents.length === 0 ? (
            "None attached"
          ) : (
            <ul className="plain-list">
              {request.documents.map((doc) => (
                <li key={doc.id}>
                  <a href={`/api/v1/accommodation-documents/${encodeURIComponent(doc.id)}`}>
                    Download {doc.fileName}
                  </a>{" "}
                  ({formatBytes(doc.size)})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <DecisionForm request={request} onDecided={onDecided} />
    </li>
  );
}

export function AccommodationQueuePage() {
  const [message, setMessage] = useState<string | null>(null);
  const query = useQuery({
    queryKey: [...schedulingKeys.accommodationQueue, "pending"],
    queryFn: ({ signal }) =>
      api.get<AccommodationQueue>("/api/v1/admin/accommodation-requests", { status: "pending" }, signal),
  });
  return (
    <Page
      title="Accommodation requests"
      lead="Pending requests for special accommodations. Documentation is sensitive: every download is recorded in the audit log."
    >
      <StatusMessage>{message}</StatusMessage>
      <QueryStatus query={query} loadingLabel="Loading requests…">
        {(data) =>
          data.items.length === 0 ? (
            <p>No requests are waiting for a decision.</p>
          ) : (
            <ul className="records">
              {data.items.map((request) => (
                <RequestCard key={request.id} request={request} onDecided={setMessage} />
              ))}
            </ul>
          )
        }
      </QueryStatus>
    </Page>
  );
}
