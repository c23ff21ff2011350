import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { api } from "../api/client";
import { ErrorSummary } from "../components/error-summary";
import { TextAreaField } from "../components/field";
import { useFormErrors, type FormProblem } from "../lib/form-errors";
import { StatusMessage } from "../components/form-alert";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { CheckboxGroup } from "../features/accommodations/checkbox-group";
import { DocumentUpload } from "../features/accommodations/document-upload";
import {
  ADJUSTMENTS,
  DISABILITY_CATEGORIES,
  adjustmentLabel,
  categoryLabel,
  formatBytes,
  type Adjustment,
  type DisabilityCategory,
} from "../features/accommodations/labels";
import type { AccommodationRequestBody, AccommodationRequestView, MyAccommodationRequests } from "../../common/schemas/accommodations";
import { schedulingKeys } from "../features/registration/scheduling-api";
import { StatusBadge } from "../features/registration/status-badge";
import { formatDateTime } from "../lib/format";
import "../styles/scheduling.css";

function RequestForm() {
  const [categories, setCategories] = useState<DisabilityCategory[]>([]);
  const [adjustments, setAdjustments] = useState<Adjustment[]>([]);
  const [statement, setStatement] = useState("");
  const errors = useFormErrors("accommodation-request", { categories: "Areas of documented disability", adjustments: "Adjustments you ask for", statement: "Your statement" });
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: AccommodationRequestBody) => api.post<AccommodationRequestView>("/api/v1/me/accommodation-requests", body),
    onError: errors.showError,
    onSuccess: () => {
      errors.clear();
      setCategories([]);
      setAdjustments([]);
      setStatement("");
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.myAccommodations });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: FormProblem[] = [];
    if (categories.length === 0) problems.push({ field: "categories", message: "Choose at least one area." });
    if (adjustments.length === 0) problems.push({ field: "adjustments", message: "Choose at least one adjustment." });
    if (statement.trim().length < 10) problems.push({ field: "statement", message: "Describe your needs in at least 10 characters." });
    errors.setProblems(problems);
    if (problems.length === 0) create.mutate({ categories, adjustments, statement: statement.trim() });
  }

  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="request-heading" noValidate>
      <h2 id="request-heading">Ask for accommodations</h2>
      <ErrorSummary errors={errors} title="Your request was not sent" />
      <StatusMessage>
        {create.isSuccess ? "Your request has been sent. Add your documentation to it under “Your requests” below." : null}
      </StatusMessage>
      <CheckboxGroup
        legend="Areas of documented disability"
        options={DISABILITY_CATEGORIES}
        labelOf={categoryLabel}
        value={categories}
        onChange={setCategories}
        name="categories"
        id={errors.fieldId("categories")}
        error={errors.errorFor("categories")}
      />
      <CheckboxGroup
        legend="Adjustments you ask for"
        options={ADJUSTMENTS}
        labelOf={adjustmentLabel}
        value={adjustments}
        onChange={setAdjustments}
        name="adjustments"
        id={errors.fieldId("adjustments")}
        error={errors.errorFor("adjustments")}
      />
      <TextAreaField
        label="Your statement"
        name="statement"
        hint="What is the disability, and how do these adjustments help you take the assessment? 10 to 4,000 characters."
        minLength={10}
        maxLength={4000}
        value={statement}
        id={errors.fieldId("statement")}
        error={errors.errorFor("statement")}
        onChange={(e) => setStatement(e.target.value)}
      />
      <button type="submit" className="button" disabled={create.isPending}>
        {create.isPending ? "Sending…" : "Send request"}
      </button>
    </form>
  );
}

function RequestItem({ request }: { request: AccommodationRequestView }) {
  const headingId = `request-${request.id}`;
  return (
    <li className="card">
      <div className="record__head">
        <h3 id={headingId}>Request of {formatDateTime(request.createdAt)}</h3>
        <StatusBadge status={request.status} />
      </div>
      <dl className="details-list">
        <dt>Areas</dt>
        <dd>{request.categories.map(categoryLabel).join(", ")}</dd>
        <dt>Asked for</dt>
        <dd>{request.adjustments.map(adjustmentLabel).join(", ")}</dd>
        <dt>Documents</dt>
        <dd>
          {request.documents.length === 0 ? (
            "None yet"
          ) : (
            <ul className="plain-list">
              {request.documents.map((doc) => (
                <li key={doc.id}>
                  <a href={`/api/v1/accommodation-documents/${encodeURIComponent(doc.id)}`}>{doc.fileName}</a> ({formatBytes(doc.size)})
                </li>
              ))}
            </ul>
          )}
        </dd>
        {request.status !== "pending" ? (
          <>
            <dt>Approved</dt>
            <dd>{request.approvedAdjustments?.length ? request.approvedAdjustments.map(adjustmentLabel).join(", ") : "None"}</dd>
            <dt>Reason</dt>
            <dd className="pre-line">{request.decisionReason}</dd>
            <dt>Decided</dt>
            <dd>{formatDateTime(request.decidedAt)}</dd>
          </>
        ) : null}
      </dl>
      {request.status === "pending" ? <DocumentUpload requestId={request.id} /> : null}
    </li>
  );
}

function MyRequests() {
  const query = useQuery({
    queryKey: schedulingKeys.myAccommodations,
    queryFn: ({ signal }) => api.get<MyAccommodationRequests>("/api/v1/me/accommodation-requests", undefined, signal),
  });
  return (
    <section aria-labelledby="mine-heading" className="section">
      <h2 id="mine-heading">Your requests</h2>
      <QueryStatus query={query} loadingLabel="Loading your requests…">
        {(data) =>
          data.items.length === 0 ? (
            <p>You have not asked for accommodations yet.</p>
          ) : (
            <ul className="records">
              {data.items.map((request) => (
                <RequestItem key={request.id} request={request} />
              ))}
            </ul>
          )
        }
      </QueryStatus>
    </section>
  );
}

export function AccommodationRequestPage() {
  const me = useMe();
  return (
    <Page
      title="Request accommodations"
      lead="Special accommodations are available for documented disabilities in reading, eyesight and/or computer operation. Program staff review each request with its documentation."
    >
      <p>
        Please ask well before your session: registration closes 48 hours before it starts. <Link to="/accommodations">About accommodations</Link>.
      </p>
      {hasRole(me.data, "candidate") ? (
        <>
          <RequestForm />
          <MyRequests />
        </>
      ) : (
        <p>Only candidate accounts can ask for accommodations.</p>
      )}
    </Page>
  );
}
