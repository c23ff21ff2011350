import { useState } from "react";
import type { OutboxMessageView } from "../../../common/schemas/notifications";
import { DataTable, type Column } from "../../components/data-table";
import { LinkifiedText } from "../../components/linkified-text";
import { Page } from "../../components/page";
import { staffKeys } from "../../features/staff/staff-keys";
import { formatDateTime } from "../../lib/format";
import { useCursorList } from "../../lib/use-cursor-list";

export function OutboxPage() {
  const { query, items } = useCursorList<OutboxMessageView>(staffKeys.outbox, "/api/v1/admin/outbox");
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const columns: Column<OutboxMessageView>[] = [
    { id: "subject", header: "Subject", rowHeader: true, cell: (m) => m.subject || "(no subject)", sortValue: (m) => m.subject.toLowerCase() },
    { id: "to", header: "To", cell: (m) => m.to, sortValue: (m) => m.to },
    { id: "sent", header: "Sent", className: "nowrap", cell: (m) => formatDateTime(m.createdAt), sortValue: (m) => m.createdAt },
    {
      id: "delivery",
      header: "Delivery",
      cell: (m) => (
        <span className="badge badge--muted">
          {m.transport === "smtp" ? "SMTP" : "Outbox"} · {m.status}
        </span>
      ),
      sortValue: (m) => `${m.transport} ${m.status}`,
    },
    {
      id: "message",
      header: "Message",
      className: "actions",
      cell: (m) => (
        <button
          type="button"
          className="button button--secondary button--small"
          aria-expanded={open.has(m.id)}
          onClick={() => toggle(m.id)}
        >
          {open.has(m.id) ? "Hide message" : "Show message"}
          <span className="visually-hidden">: {m.subject}</span>
        </button>
      ),
    },
  ];

  return (
    <Page
      title="Outbox"
      wide
      lead="Emails the system has sent, newest first. Links and tokens that would let their reader act as the recipient (password resets, set-password and invitation links) are shown as [redacted]: only the recipient gets them. Without an SMTP server they are delivered as files in the data directory's outbox folder."
    >
      <p className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching && !query.isPending ? "Refreshing…" : "Refresh"}
        </button>
      </p>
      <DataTable
        caption="Emails sent"
        columns={columns}
        rows={items}
        rowKey={(m) => m.id}
        empty="No emails have been sent yet."
        status={query}
        more={query}
        pageSize={25}
        after={(m) =>
          open.has(m.id) ? (
            <tr className="edit-row">
              <td colSpan={columns.length}>
                <pre className="message-body">
                  <LinkifiedText text={m.text} />
                </pre>
              </td>
            </tr>
          ) : null
        }
      />
    </Page>
  );
}
