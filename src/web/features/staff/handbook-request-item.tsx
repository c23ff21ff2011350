import { useRef, useState } from "react";
import type { HandbookRequest } from "../../api/types";
import { formatDateTime } from "../../lib/format";
import { FulfilForm } from "./fulfil-form";

interface Props {
  request: HandbookRequest;
  onFulfilled: (updated: HandbookRequest) => void;
}

export function HandbookRequestItem({ request, onFulfilled }: Props) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = `request-${request.id}`;
  const fulfilled = request.status === "fulfilled";

  return (
    <li className="card">
      <div className="record__head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {request.name}
        </h2>
        {fulfilled ? (
          <span className="badge badge--success">Fulfilled</span>
        ) : (
          <span className="badge badge--warning">Open</span>
        )}
      </div>
      <dl className="details-list">
        <dt>Email</dt>
        <dd>
          <a href={`mailto:${request.email}`}>{request.email}</a>
        </dd>
        <dt>Format</dt>
        <dd>{request.format === "pdf" ? "PDF by email" : "Printed copy by mail"}</dd>
        {request.organization ? (
          <>
            <dt>Organization</dt>
            <dd>{request.organization}</dd>
          </>
        ) : null}
        {request.mailingAddress ? (
          <>
            <dt>Mailing address</dt>
            <dd className="pre-line">{request.mailingAddress}</dd>
          </>
        ) : null}
        <dt>Received</dt>
        <dd>{formatDateTime(request.createdAt)}</dd>
        <dt>Message</dt>
        <dd className="pre-line">{request.message || "—"}</dd>
        {fulfilled ? (
          <>
            <dt>Fulfilled</dt>
            <dd>
              {formatDateTime(request.fulfilledAt)}
              {request.fulfilledByName ? ` by ${request.fulfilledByName}` : ""}
            </dd>
            <dt>Note</dt>
            <dd className="pre-line">{request.fulfilmentNote || "—"}</dd>
          </>
        ) : null}
      </dl>
      {fulfilled ? null : open ? (
        <FulfilForm
          request={request}
          onDone={(updated) => {
            setOpen(false);
            onFulfilled(updated);
            requestAnimationFrame(() => headingRef.current?.focus());
          }}
          onCancel={() => {
            setOpen(false);
            requestAnimationFrame(() => buttonRef.current?.focus());
          }}
        />
      ) : (
        <p className="button-row">
          <button ref={buttonRef} type="button" className="button" onClick={() => setOpen(true)}>
            Mark fulfilled<span className="visually-hidden"> (request from {request.name})</span>
          </button>
        </p>
      )}
    </li>
  );
}
