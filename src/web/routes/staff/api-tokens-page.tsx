import { useState } from "react";
import type { ApiTokenView } from "../../../common/schemas/accounts";
import { DataTable, type Column } from "../../components/data-table";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { CreateTokenForm, SCOPE_LABELS } from "../../features/staff/create-token-form";
import { RevokeTokenDialog } from "../../features/staff/revoke-token-dialog";
import { staffKeys } from "../../features/staff/staff-keys";
import { formatDateTime } from "../../lib/format";
import { useCursorList } from "../../lib/use-cursor-list";

type TokenState = "revoked" | "expired" | "active";
const stateOf = (token: ApiTokenView): TokenState =>
  token.revokedAt ? "revoked" : !token.expiresAt || Date.parse(token.expiresAt) <= Date.now() ? "expired" : "active";

function TokenStatus({ token }: { token: ApiTokenView }) {
  const state = stateOf(token);
  if (state === "revoked") return <span className="badge badge--muted">Revoked {formatDateTime(token.revokedAt)}</span>;
  if (state === "expired") return <span className="badge badge--muted">Expired</span>;
  return <span className="badge badge--success">Active</span>;
}

export function ApiTokensPage() {
  const { query, items } = useCursorList<ApiTokenView>(staffKeys.apiTokens, "/api/v1/admin/api-tokens");
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const columns: Column<ApiTokenView>[] = [
    { id: "name", header: "Name", rowHeader: true, cell: (t) => t.name, sortValue: (t) => t.name.toLowerCase() },
    { id: "user", header: "User", cell: (t) => t.userEmail, sortValue: (t) => t.userEmail },
    {
      id: "scopes",
      header: "Scopes",
      cell: (t) =>
        t.scopes.length === 0
          ? "None"
          : t.scopes.map((scope, i) => (
              <span key={scope}>
                {i > 0 ? ", " : null}
                <code title={SCOPE_LABELS[scope]}>{scope}</code>
              </span>
            )),
    },
    { id: "created", header: "Created", className: "nowrap", cell: (t) => formatDateTime(t.createdAt), sortValue: (t) => t.createdAt },
    { id: "expires", header: "Expires", className: "nowrap", cell: (t) => (t.expiresAt ? formatDateTime(t.expiresAt) : "—"), sortValue: (t) => t.expiresAt },
    { id: "lastUsed", header: "Last used", className: "nowrap", cell: (t) => (t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"), sortValue: (t) => t.lastUsedAt },
    { id: "status", header: "Status", cell: (t) => <TokenStatus token={t} />, sortValue: stateOf },
    {
      id: "actions",
      header: "Actions",
      className: "actions",
      cell: (t) =>
        t.revokedAt ? (
          "—"
        ) : (
          <button type="button" className="button button--danger button--small" onClick={() => setRevoking(t)}>
            Revoke<span className="visually-hidden"> {t.name}</span>
          </button>
        ),
    },
  ];

  return (
    <Page
      title="API tokens"
      wide
      lead="Tokens let centers, employers and colleges call the API as one user, with no CSRF token, for what their scopes allow and until they expire (a year at most). A token is shown once, when it is created."
    >
      <CreateTokenForm />
      <h2 className="section" id="tokens-heading" tabIndex={-1}>
        Tokens
      </h2>
      <StatusMessage>{message}</StatusMessage>
      <DataTable caption="API tokens" columns={columns} rows={items} rowKey={(t) => t.id} empty="No tokens yet." status={query} more={query} pageSize={25} />
      {revoking ? <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} onRevoked={setMessage} fallbackFocus={() => document.getElementById("tokens-heading")} /> : null}
    </Page>
  );
}
