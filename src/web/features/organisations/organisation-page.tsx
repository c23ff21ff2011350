// One organisation (/organisations/:id), to its members and staff: who belongs to it; owners invite
// colleagues by email, withdraw invitations and remove members (never the last owner); a member may
// leave. An employer's members go on to its sponsored candidates.
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorSummary } from "../../components/error-summary";
import { SelectField, TextField } from "../../components/field";
import { StatusMessage } from "../../components/form-alert";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { errorMessage } from "../../api/client";
import { useFormErrors } from "../../lib/form-errors";
import { mayRemoveMember } from "../../../common/rules/organisations";
import { hasRole, useMe } from "../auth/auth-queries";
import type { OrganisationInvitationView, OrganisationMemberView } from "../../../common/schemas/organisations";
import { KIND_LABELS, ROLE_LABELS } from "./my-organisations-page";
import { useInvitations, useInvite, useMembers, useOrganisation, useRemoveMember, useWithdrawInvitation } from "./organisations-api";

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const STATUS = { open: "Waiting", expired: "Expired", accepted: "Accepted", withdrawn: "Withdrawn" } as const;

function InviteForm({ id, onDone }: { id: string; onDone: (m: string) => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"member" | "owner">("member");
  const errors = useFormErrors("invite", { email: "Email address", role: "Role" }, { CONFLICT: "email" });
  const invite = useInvite(id);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!EMAIL.test(email.trim())) return errors.setProblems([{ field: "email", message: "Enter your colleague's email address, like name@example.com." }]);
    errors.clear();
    invite.mutate({ email: email.trim(), role }, {
      onSuccess: (inv) => { setEmail(""); onDone(`${inv.email} has been emailed an invitation. The link works until ${inv.expiresAt.slice(0, 10)}.`); },
      onError: errors.showError,
    });
  }
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="invite-heading" noValidate>
      <h2 id="invite-heading">Invite a colleague</h2>
      <ErrorSummary errors={errors} />
      <TextField id={errors.fieldId("email")} error={errors.errorFor("email")} label="Email address" hint="They join by the link we email them, logged in with this address (or after creating an account with it)." type="email" name="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      <SelectField id={errors.fieldId("role")} label="Role" hint="Members sponsor candidates and see the organisation's records; owners also invite and remove colleagues." name="role" value={role} onChange={(e) => setRole(e.target.value as "member" | "owner")}>
        <option value="member">Member</option>
        <option value="owner">Owner</option>
      </SelectField>
      <button type="submit" className="button" disabled={invite.isPending}>{invite.isPending ? "Sending…" : "Send the invitation"}</button>
    </form>
  );
}

export function OrganisationPage() {
  const { id = "" } = useParams();
  const me = useMe();
  const org = useOrganisation(id);
  const members = useMembers(id);
  const myId = me.data?.id ?? "";
  const myRole = members.data?.items.find((m) => m.userId === myId)?.role;
  const manages = myRole === "owner" || hasRole(me.data ?? null, "program_staff");
  const invitations = useInvitations(id, manages);
  const remove = useRemoveMember(id);
  const rules = (members.data?.items ?? []).map((m) => ({ userId: m.userId, role: m.role }));
  const withdraw = useWithdrawInvitation(id);
  const [message, setMessage] = useState<string | null>(null);
  const fail = (e: unknown) => setMessage(errorMessage(e));

  const memberColumns: Column<OrganisationMemberView>[] = [
    { id: "name", header: "Name", rowHeader: true, sortValue: (m) => m.name, cell: (m) => m.name },
    { id: "email", header: "Email", sortValue: (m) => m.email, cell: (m) => m.email },
    { id: "role", header: "Role", sortValue: (m) => m.role, cell: (m) => ROLE_LABELS[m.role] },
    { id: "joined", header: "Joined", className: "nowrap", sortValue: (m) => m.joinedAt, cell: (m) => m.joinedAt.slice(0, 10) },
    {
      id: "actions", header: "Actions", className: "actions",
      // Never offered where it would be refused: the last owner stays.
      cell: (m) => ((manages || m.userId === myId) && mayRemoveMember(rules, m.userId) ? (
        <button type="button" className="button button--secondary button--small" disabled={remove.isPending}
          onClick={() => remove.mutate(m.userId, { onSuccess: () => setMessage(m.userId === myId ? "You have left the organisation." : `${m.name} is no longer a member.`), onError: fail })}>
          {m.userId === myId ? "Leave" : <>Remove<span className="visually-hidden"> {m.name}</span></>}
        </button>
      ) : null),
    },
  ];
  const invitationColumns: Column<OrganisationInvitationView>[] = [
    { id: "email", header: "Email", rowHeader: true, sortValue: (i) => i.email, cell: (i) => i.email },
    { id: "role", header: "Role", cell: (i) => ROLE_LABELS[i.role] },
    { id: "status", header: "Status", cell: (i) => STATUS[i.status] },
    { id: "by", header: "Invited by", cell: (i) => i.invitedBy ?? "—" },
    { id: "expires", header: "Link works until", className: "nowrap", sortValue: (i) => i.expiresAt, cell: (i) => i.expiresAt.slice(0, 10) },
    {
      id: "actions", header: "Actions", className: "actions",
      cell: (i) => (
        <button type="button" className="button button--secondary button--small" disabled={withdraw.isPending}
          onClick={() => withdraw.mutate(i.id, { onSuccess: () => setMessage(`The invitation to ${i.email} is withdrawn: its link no longer works.`), onError: fail })}>
          Withdraw<span className="visually-hidden"> the invitation to {i.email}</span>
        </button>
      ),
    },
  ];

  const o0 = org.data;
  const lead = o0 ? `${KIND_LABELS[o0.kind]}${o0.city ? `, ${o0.city}${o0.state ? `, ${o0.state}` : ""}` : ""}.${myRole ? ` You are ${myRole === "owner" ? "an owner" : "a member"}.` : ""}` : undefined;
  return (
    <Page title={o0?.name ?? "Organisation"} wide lead={lead}>
      <QueryStatus query={org}>
        {(o) => (
        <>
          <StatusMessage>{message}</StatusMessage>
          {o.kind === "employer" ? (
            <p><Link to={`/organisations/${o.id}/sponsored`}>Sponsored candidates</Link>: sponsor exams and training by email, and see the results your candidates share with you.</p>
          ) : null}
          <section className="section" aria-labelledby="members-heading">
            <h2 id="members-heading">Members</h2>
            <DataTable caption={`Members of ${o.name}`} columns={memberColumns} rows={members.data?.items ?? []} rowKey={(m) => m.userId} status={members} empty="No members yet." />
          </section>
          {manages ? (
            <>
              <InviteForm id={o.id} onDone={setMessage} />
              <section className="section" aria-labelledby="invitations-heading">
                <h2 id="invitations-heading">Invitations</h2>
                <DataTable caption="Invitations not yet accepted" columns={invitationColumns} rows={invitations.data?.items ?? []} rowKey={(i) => i.id} status={invitations} empty="No invitation is waiting." />
              </section>
            </>
          ) : null}
        </>
        )}
      </QueryStatus>
    </Page>
  );
}
