import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage, api } from "../../api/client";
import type { ApiToken } from "../../api/types";
import type { RevokedApiTokenView } from "../../../common/schemas/accounts";
import { FormAlert } from "../../components/form-alert";
import { LoadMore } from "../../components/load-more";
import { Page } from "../../components/page";
import { Loading, QueryError } from "../../components/query-status";
import { TableRegion } from "../../components/table-region";
import { CreateTokenForm, SCOPE_LABELS } from "../../features/staff/create-token-form";
import { staffKeys } from "../../features/staff/staff-keys";
import { formatDateTime } from "../../lib/format";
import { useCursorList } from "../../lib/use-cursor-list";

function TokenRow({ token }: { token: ApiToken }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.post<RevokedApiTokenView>(`/api/v1/admin/api-tokens/${encodeURIComponent(token.id)}/revoke`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: staffKeys.apiTokens }),
  });
  const expired = !token.expiresAt || Date.parse(token.expiresAt) <= Date.now();
  return (
    <tr>
      <th scope="row">{token.name}</th>
      <td>{token.userEmail}</td>
      <td>
        {token.scopes.length === 0 ? (
          "None"
        ) : (
          token.scopes.map((scope, i) => (
            <span key={scope}>
              {i > 0 ? ", " : null}
              <code title={SCOPE_LABELS[scope]}>{scope}</code>
            </span>
          ))
        )}
      </td>
      <td className="nowrap">{formatDateTime(token.createdAt)}</td>
      <td className="nowrap">{token.expiresAt ? formatDateTime(token.expiresAt) : "—"}</td>
      <td className="nowrap">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "Never"}</td>
      <td>
        {token.revokedAt ? (
          <span className="badge badge--muted">Revoked {formatDateTime(token.revokedAt)}</span>
        ) : expired ? (
          <span className="badge badge--muted">Expired</span>
        ) : (
          <span className="badge badge--success">Active</span>
        )}
      </td>
      <td>
        {token.revokedAt ? (
          "—"
        ) : (
          <button
            type="button"
            className="button button--danger button--small"
            disabled={revoke.isPending}
            onClick={() => {
              if (window.confirm(`Revoke the token “${token.name}”? Integrations using it will stop working.`)) revoke.mutate();
            }}
          >
            Revoke<span className="visually-hidden"> {token.name}</span>
          </button>
        )}
        {revoke.isError ? <FormAlert>{errorMessage(revoke.error)}</FormAlert> : null}
      </td>
    </tr>
  );
}

export function ApiTokensPage() {
  const { query, items } = useCursorList<ApiToken>(staffKeys.apiTokens, "/api/v1/admin/api-tokens");
  return (
    <Page
      title="API tokens"
      wide
      lead="Tokens let centers, employers and colleges call the API as one user, with no CSRF token, for what their scopes allow and until they expire (a year at most). A token is shown once, when it is created."
    >
      <CreateTokenForm />
      <h2 className="section">Tokens</h2>
      {query.isPending ? (
        <Loading label="Loading tokens…" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <p>No tokens yet.</p>
      ) : (
        <>
          <TableRegion label="API tokens">
            <table className="table">
              <caption className="visually-hidden">API tokens</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">User</th>
                  <th scope="col">Scopes</th>
                  <th scope="col">Created</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {items.map((token) => (
                  <TokenRow key={token.id} token={token} />
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
