import { useState, type FormEvent } from "react";
import type { AuditEntry } from "../../api/types";
import { TextField } from "../../components/field";
import { LoadMore } from "../../components/load-more";
import { Page } from "../../components/page";
import { Loading, QueryError } from "../../components/query-status";
import { TableRegion } from "../../components/table-region";
import { staffKeys } from "../../features/staff/staff-keys";
import { formatDateTime } from "../../lib/format";
import { useCursorList } from "../../lib/use-cursor-list";

function hasDetails(details: unknown): boolean {
  if (details === null || details === undefined) return false;
  if (typeof details === "object") return Object.keys(details).length > 0;
  return true;
}

export function AuditPage() {
  const [draft, setDraft] = useState("");
  const [action, setAction] = useState("");
  const { query, items } = useCursorList<AuditEntry>(staffKeys.audit, "/api/v1/admin/audit", { action: action || undefined });

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAction(draft.trim());
  }

  return (
    <Page title="Audit log" wide lead="Every change made through the system, who made it and why, newest first.">
      <form className="filters" role="search" aria-label="Audit log" onSubmit={onFilter}>
        <TextField
          label="Action"
          name="action"
          required={false}
          hint="The exact action name, for example user.update."
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button">
          Filter
        </button>
        {action ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setDraft("");
              setAction("");
            }}
          >
            Clear filter
          </button>
        ) : null}
      </form>
      {query.isPending ? (
        <Loading label="Loading the audit log…" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <p>No audit entries{action ? ` for “${action}”` : ""}.</p>
      ) : (
        <>
          <TableRegion label="Audit entries">
            <table className="table">
              <caption className="visually-hidden">Audit entries{action ? ` for ${action}` : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Record</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {items.map((entry) => (
                  <tr key={entry.id}>
                    <th scope="row" className="nowrap">
                      {formatDateTime(entry.createdAt)}
                    </th>
                    <td>{entry.actorEmail ?? entry.actorId ?? "system"}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>{entry.entityType ? `${entry.entityType} ${entry.entityId ?? ""}` : "—"}</td>
                    <td>{entry.reason || "—"}</td>
                    <td>
                      {hasDetails(entry.details) ? (
                        <details>
                          <summary>Show<span className="visually-hidden"> details of {entry.action}</span></summary>
                          <pre className="message-body">{JSON.stringify(entry.details, null, 2)}</pre>
                        </details>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <LoadMore hasNextPage={query.hasNextPage} isFetchingNextPage={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
        </>
      )}
    </Page>
  );
}
