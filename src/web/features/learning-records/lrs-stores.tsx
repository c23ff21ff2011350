// Staff's external learning record stores: each with who it is for, its address and key (never its
// secret), whether it is active, its deliveries by status and its last test; actions to send a test
// statement, change, deactivate or activate it, and put its failed deliveries back in the queue. Below,
// every delivery's status totals and the latest errors.
import { useState } from "react";
import { DataTable, type Column } from "../../components/data-table";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { errorMessage } from "../../api/client";
import { formatZonedShort } from "../../../common/time-zones";
import type { LrsDeliveryError, LrsEndpointView } from "../../../common/schemas/learning-records";
import { LrsEndpointForm } from "./lrs-endpoint-form";
import { useDeliveries, useRetryStore, useStores, useTestStore, useUpdateStore } from "./learning-records-api";

const utc = (iso: string | null | undefined) => formatZonedShort(iso, "UTC");

export function LrsStores() {
  const stores = useStores();
  const test = useTestStore();
  const retry = useRetryStore();
  const update = useUpdateStore();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = test.isPending || retry.isPending || update.isPending;

  const say = (text: string) => { setProblem(null); setMessage(text); };
  const fail = (error: unknown) => { setMessage(null); setProblem(errorMessage(error)); };

  const columns: Column<LrsEndpointView>[] = [
    { id: "name", header: "Store", rowHeader: true, cell: (e) => e.name, sortValue: (e) => e.name },
    { id: "owner", header: "Statements of", cell: (e) => e.ownerName, sortValue: (e) => e.ownerName },
    { id: "url", header: "Address and key", cell: (e) => <><code className="break-anywhere">{e.url}</code><br />Key <code>{e.authKey}</code></> },
    { id: "active", header: "Active", cell: (e) => (e.active ? "Active" : "Deactivated"), sortValue: (e) => (e.active ? 0 : 1) },
    {
      id: "deliveries", header: "Deliveries", className: "nowrap",
      cell: (e) => <>{e.deliveries.sent} sent<br />{e.deliveries.pending} waiting<br />{e.deliveries.failed} failed</>,
      sortValue: (e) => e.deliveries.failed,
    },
    { id: "test", header: "Last test (UTC)", cell: (e) => (e.lastTest ? <>{utc(e.lastTest.at)}: {e.lastTest.detail}</> : "Not tested") },
    {
      id: "actions", header: "Actions", className: "actions",
      cell: (e) => (
        <>
          <button type="button" className="button button--secondary" disabled={busy}
            onClick={() => test.mutate(e.id, { onSuccess: (r) => (r.ok ? say(`${e.name}: test statement delivered (the store answered HTTP ${r.status}).`) : fail(`${e.name}: the test statement was not delivered. ${r.detail}`)), onError: fail })}>
            Send a test statement<span className="visually-hidden"> to {e.name}</span>
          </button>
          <button type="button" className="button button--secondary" aria-expanded={editing === e.id} onClick={() => setEditing(editing === e.id ? null : e.id)}>
            Change<span className="visually-hidden"> {e.name}</span>
          </button>
          <button type="button" className="button button--secondary" disabled={busy}
            onClick={() => update.mutate({ id: e.id, body: { active: !e.active } }, { onSuccess: (s) => say(s.active ? `${s.name} is active again: waiting statements go out now.` : `${s.name} is deactivated: nothing more is sent to it.`), onError: fail })}>
            {e.active ? "Deactivate" : "Activate"}<span className="visually-hidden"> {e.name}</span>
          </button>
          {e.deliveries.failed > 0 ? (
            <button type="button" className="button button--secondary" disabled={busy}
              onClick={() => retry.mutate(e.id, { onSuccess: (r) => say(`${e.name}: ${r.requeued} failed ${r.requeued === 1 ? "delivery" : "deliveries"} back in the queue.`), onError: fail })}>
              Retry failed deliveries<span className="visually-hidden"> to {e.name}</span>
            </button>
          ) : null}
        </>
      ),
    },
  ];

  return (
    <>
      <StatusMessage>{message}</StatusMessage>
      <FormAlert>{problem}</FormAlert>
      <DataTable
        caption="Learning record stores"
        columns={columns}
        rows={stores.data?.items ?? []}
        rowKey={(e) => e.id}
        status={stores}
        empty="No learning record store yet: statements stay on this platform only."
        after={(e) => (editing === e.id ? (
          <tr>
            <td colSpan={columns.length}>
              <LrsEndpointForm endpoint={e} onDone={(m) => { setEditing(null); say(m); }} onCancel={() => setEditing(null)} />
            </td>
          </tr>
        ) : null)}
      />
      <LrsEndpointForm onDone={say} />
    </>
  );
}

const errorColumns: Column<LrsDeliveryError>[] = [
  { id: "store", header: "Store", rowHeader: true, cell: (e) => e.endpointName, sortValue: (e) => e.endpointName },
  { id: "status", header: "Status", cell: (e) => (e.status === "failed" ? "Failed" : `Waiting, next try ${utc(e.nextAttemptAt)}`), sortValue: (e) => e.status },
  { id: "attempts", header: "Attempts", className: "numeric", cell: (e) => e.attempts, sortValue: (e) => e.attempts },
  { id: "at", header: "Last attempt (UTC)", className: "nowrap", cell: (e) => utc(e.lastAttemptAt), sortValue: (e) => e.lastAttemptAt },
  { id: "error", header: "Error", cell: (e) => e.error },
  { id: "statement", header: "Statement", cell: (e) => <code className="break-anywhere">{e.statementId}</code> },
];

export function LrsDeliveries() {
  const deliveries = useDeliveries();
  const totals = deliveries.data?.totals;
  return (
    <>
      {totals ? (
        <dl className="details-list">
          <dt>Sent</dt>
          <dd>{totals.sent}</dd>
          <dt>Waiting to be sent</dt>
          <dd>{totals.pending}</dd>
          <dt>Failed</dt>
          <dd>{totals.failed}</dd>
        </dl>
      ) : null}
      <DataTable
        caption="Latest delivery errors"
        showCaption
        columns={errorColumns}
        rows={deliveries.data?.errors ?? []}
        rowKey={(e) => e.id}
        status={deliveries}
        empty="No delivery errors."
      />
    </>
  );
}
