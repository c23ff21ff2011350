import { useState, type FormEvent } from "react";
import { ALL_ROLES, type User } from "../../api/types";
import { SelectField, TextField } from "../../components/field";
import { LoadMore } from "../../components/load-more";
import { Page } from "../../components/page";
import { Loading, QueryError } from "../../components/query-status";
import { TableRegion } from "../../components/table-region";
import { useMe } from "../../features/auth/auth-queries";
import { ROLE_LABELS } from "../../features/auth/roles";
import { CreateUserForm } from "../../features/staff/create-user-form";
import { staffKeys } from "../../features/staff/staff-keys";
import { UserRow } from "../../features/staff/user-row";
import { useCursorList } from "../../lib/use-cursor-list";

export function UsersPage() {
  const me = useMe();
  const [draft, setDraft] = useState({ q: "", role: "" });
  const [filters, setFilters] = useState({ q: "", role: "" });
  const { query, items } = useCursorList<User>(staffKeys.users, "/api/v1/admin/users", filters);

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({ q: draft.q.trim(), role: draft.role });
  }

  return (
    <Page title="Users" wide lead="Find people by name or email, change their roles, and disable or enable accounts.">
      <form className="filters" role="search" aria-label="Users" onSubmit={onSearch}>
        <TextField label="Name or email" name="q" type="search" required={false} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        <SelectField label="Role" name="role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
          <option value="">Any role</option>
          {ALL_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          Search
        </button>
      </form>

      <h2>Results</h2>
      {query.isPending ? (
        <Loading label="Loading users…" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <p>No users match.</p>
      ) : (
        <>
          <TableRegion label="Users">
            <table className="table">
              <caption className="visually-hidden">Users{filters.q ? ` matching “${filters.q}”` : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {items.map((user) => (
                  <UserRow key={user.id} user={user} isSelf={user.id === me.data?.id} />
                ))}
              </tbody>
            </table>
          </TableRegion>
          <LoadMore hasNextPage={query.hasNextPage} isFetchingNextPage={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
        </>
      )}

      <div className="section">
        <CreateUserForm />
      </div>
    </Page>
  );
}
