import { useState } from "react";
import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import type { HandbookRequest, Page as ApiPage } from "../../api/types";
import { StatusMessage } from "../../components/form-alert";
import { LoadMore } from "../../components/load-more";
import { Page } from "../../components/page";
import { Loading, QueryError } from "../../components/query-status";
import { HandbookRequestItem } from "../../features/staff/handbook-request-item";
import { staffKeys } from "../../features/staff/staff-keys";
import { useCursorList } from "../../lib/use-cursor-list";

type Status = "open" | "fulfilled";

export function HandbookRequestsPage() {
  const [status, setStatus] = useState<Status>("open");
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const params = { status };
  const { query, items } = useCursorList<HandbookRequest>(staffKeys.handbookRequests, "/api/v1/admin/handbook-requests", params);

  // Keep the fulfilled request in place (shown as fulfilled) rather than making it vanish from the open list.
  function onFulfilled(updated: HandbookRequest) {
    queryClient.setQueryData<InfiniteData<ApiPage<HandbookRequest>>>([...staffKeys.handbookRequests, params], (data) =>
      data
        ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) })) }
        : data,
    );
    void queryClient.invalidateQueries({
      queryKey: staffKeys.handbookRequests,
      predicate: (q) => JSON.stringify(q.queryKey) !== JSON.stringify([...staffKeys.handbookRequests, params]),
    });
    setAnnouncement(`The request from ${updated.name} is marked fulfilled.`);
  }

  return (
    <Page title="Handbook requests" lead="Requests for the MT1 Handbook. Send the handbook, then mark the request fulfilled with a note.">
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
                  setStatus(value);
                }}
              />
              {value === "open" ? "Open requests" : "Fulfilled requests"}
            </label>
          ))}
        </div>
      </fieldset>
      <StatusMessage>{announcement}</StatusMessage>
      {query.isPending ? (
        <Loading label="Loading requests…" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <p>{status === "open" ? "No open requests. Everything has been sent." : "No fulfilled requests yet."}</p>
      ) : (
        <>
          <ul className="records">
            {items.map((request) => (
              <HandbookRequestItem key={request.id} request={request} onFulfilled={onFulfilled} />
            ))}
          </ul>
          <LoadMore
            hasNextPage={query.hasNextPage}
            isFetchingNextPage={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </Page>
  );
}
