// A person's account at the top of their record: email, status, when it was made and last used,
// and their roles, changed here with the same mutation as the Users page.
import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "../../api/client";
import type { Role } from "../../../common/roles";
import type { PersonRecordView } from "../../../common/schemas/people";
import { FormAlert } from "../../components/form-alert";
import { formatDateTime } from "../../lib/format";
import { ROLE_LABELS } from "../auth/roles";
import { RoleCheckboxes } from "../staff/role-checkboxes";
import { useUpdateUser } from "../staff/user-mutations";
import { peopleKeys } from "./person-api";

export function AccountPanel({ record, onDone }: { record: PersonRecordView; onDone: (message: string) => void }) {
  const { account } = record;
  const [editing, setEditing] = useState(false);
  const [roles, setRoles] = useState<Role[]>(account.roles as Role[]);
  const update = useUpdateUser();
  const queryClient = useQueryClient();

  function save() {
    update.mutate({ id: account.id, roles }, {
      onSuccess: () => {
        setEditing(false);
        void queryClient.invalidateQueries({ queryKey: peopleKeys.record(account.id) });
        onDone("Roles saved.");
      },
    });
  }

  return (
    <section className="person-section">
      <h2 id="account-heading">Account</h2>
      <dl className="person-facts">
        <dt>Email</dt>
        <dd>{account.email}</dd>
        <dt>Status</dt>
        <dd>{account.status === "active" ? "Active" : "Disabled"}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(account.createdAt)}</dd>
        <dt>Last login</dt>
        <dd>{account.lastLoginAt ? formatDateTime(account.lastLoginAt) : "Not known"}</dd>
        <dt>Roles</dt>
        <dd>{account.roles.length ? account.roles.map((r) => ROLE_LABELS[r as Role] ?? r).join(", ") : "None"}</dd>
      </dl>
      {editing ? (
        <div>
          <FormAlert>{update.isError ? errorMessage(update.error) : null}</FormAlert>
          <RoleCheckboxes legend={`Roles for ${account.firstName} ${account.lastName}`} name="person-roles" value={roles} onChange={setRoles} />
          <div className="button-row">
            <button type="button" className="button button--small" disabled={update.isPending} onClick={save}>
              {update.isPending ? "Saving…" : "Save roles"}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => { setRoles(account.roles as Role[]); update.reset(); setEditing(true); }}>
          Change roles
        </button>
      )}
    </section>
  );
}
