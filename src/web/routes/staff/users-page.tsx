import { Link } from "react-router";
import { useState, type FormEvent } from "react";
import { ROLES } from "../../../common/roles";
import type { UserView } from "../../../common/schemas/accounts";
import { DataTable, type Column } from "../../components/data-table";
import { SelectField, TextField } from "../../components/field";
import { Page } from "../../components/page";
import { useMe } from "../../features/auth/auth-queries";
import { ROLE_LABELS } from "../../features/auth/roles";
import { CreateUserForm } from "../../features/staff/create-user-form";
import { staffKeys } from "../../features/staff/staff-keys";
import { UserActions, UserRolesRow } from "../../features/staff/user-row";
import { formatDate, fullName } from "../../lib/format";
import { useCursorList } from "../../lib/use-cursor-list";

export function UsersPage() {
  const me = useMe();
  const [draft, setDraft] = useState({ q: "", role: "" });
  const [filters, setFilters] = useState({ q: "", role: "" });
  const [editing, setEditing] = useState<string | null>(null);
  const { query, items } = useCursorList<UserView>(staffKeys.users, "/api/v1/admin/users", filters);

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({ q: draft.q.trim(), role: draft.role });
  }

  const columns: Column<UserView>[] = [
    { id: "name", header: "Name", rowHeader: true, cell: (u) => <Link to={`/staff/people/${u.id}`}>{fullName(u)}</Link>, sortValue: (u) => `${u.lastName} ${u.firstName}`.toLowerCase() },
    { id: "email", header: "Email", cell: (u) => u.email, sortValue: (u) => u.email },
    { id: "roles", header: "Roles", cell: (u) => (u.roles.length ? u.roles.map((role) => ROLE_LABELS[role] ?? role).join(", ") : "—") },
    {
      id: "status",
      header: "Status",
      sortValue: (u) => u.status,
      cell: (u) => (u.status === "disabled" ? <span className="badge badge--muted">Disabled</span> : <span className="badge badge--success">Active</span>),
    },
    { id: "created", header: "Created", className: "nowrap", cell: (u) => formatDate(u.createdAt), sortValue: (u) => u.createdAt },
    {
      id: "actions",
      header: "Actions",
      className: "actions",
      cell: (u) => <UserActions user={u} isSelf={u.id === me.data?.id} editing={editing === u.id} onToggleEdit={() => setEditing((id) => (id === u.id ? null : u.id))} />,
    },
  ];

  return (
    <Page title="Users" wide lead="Find people by name or email, change their roles, and disable or enable accounts.">
      <form className="filters" role="search" aria-label="Users" onSubmit={onSearch}>
        <TextField label="Name or email" name="q" type="search" required={false} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        <SelectField label="Role" name="role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
          <option value="">Any role</option>
          {ROLES.map((role) => (
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
      <DataTable
        caption={filters.q ? `Users matching “${filters.q}”` : "Users"}
        columns={columns}
        rows={items}
        rowKey={(u) => u.id}
        empty="No users match."
        status={query}
        more={query}
        pageSize={25}
        after={(u) => (editing === u.id ? <UserRolesRow user={u} columns={columns.length} onClose={() => setEditing(null)} /> : null)}
      />

      <div className="section">
        <CreateUserForm />
      </div>
    </Page>
  );
}
