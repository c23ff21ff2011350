import type { OutboxMessage } from "../../api/types";
import { LinkifiedText } from "../../components/linkified-text";
import { LoadMore } from "../../components/load-more";
import { Page } from "../../components/page";
import { Loading, QueryError } from "../../components/query-status";
import { staffKeys } from "../../features/staff/staff-keys";
import { formatDateTime } from "../../lib/format";
import { useCursorList } from "../../lib/use-cursor-list";

function MessageItem({ message }: { message: OutboxMessage }) {
  return (
    <li className="card">
      <div className="record__head">
        <h2>{message.subject || "(no subject)"}</h2>
        <span className="badge badge--muted">
          {message.transport === "smtp" ? "SMTP" : "Outbox"} · {message.status}
        </span>
      </div>
      <dl className="details-list">
        <dt>To</dt>
        <dd>{message.to}</dd>
        <dt>Sent</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
      </dl>
      <details>
        <summary>
          Show message<span className="visually-hidden">: {message.subject}</span>
        </summary>
        <pre className="message-body">
          <LinkifiedText text={message.text} />
        </pre>
      </details>
    </li>
  );
}

export function OutboxPage() {
  const { query, items } = useCursorList<OutboxMessage>(staffKeys.outbox, "/api/v1/admin/outbox");
  return (
    <Page
      title="Outbox"
      lead="Emails the system has sent, newest first. Links and tokens that would let their reader act as the recipient (password resets, set-password and invitation links) are shown as [redacted]: only the recipient gets them. Without an SMTP server they are delivered as files in the data directory's outbox folder."
    >
      <p className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {query.isFetching && !query.isPending ? "Refreshing…" : "Refresh"}
        </button>
      </p>
      {query.isPending ? (
        <Loading label="Loading emails…" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <p>No emails have been sent yet.</p>
      ) : (
        <>
          <ul className="records">
            {items.map((message) => (
              <MessageItem key={message.id} message={message} />
            ))}
          </ul>
          <LoadMore hasNextPage={query.hasNextPage} isFetchingNextPage={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
        </>
      )}
    </Page>
  );
}
