import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../api/client";
import { TextAreaField, TextField } from "../components/field";
import { FormAlert, StatusMessage } from "../components/form-alert";
import { NotAllowed } from "../components/not-allowed";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { ModuleCheckboxes } from "../features/registration/module-checkboxes";
import type { OnsiteRequestBody, OnsiteRequestList, OnsiteRequestReceipt } from "../../common/schemas/centers";
import type { CreateInvitationBody, InvitationView } from "../../common/schemas/scheduling";
import { schedulingKeys } from "../features/registration/scheduling-api";
import { StatusBadge } from "../features/registration/status-badge";
import { ScheduledEventSummary } from "../features/session-operations/scheduled-event-summary";
import { formatDate, formatDateTime } from "../lib/format";
import { BuyVouchersForm } from "../features/vouchers/buy-vouchers-form";
import { VoucherLedger } from "../features/vouchers/voucher-ledger";
import "../styles/scheduling.css";

const ALL_MODULES = ["MM", "SRMT", "QBA"];

function OnsiteForm() {
  const empty = { companyName: "", addressLine1: "", city: "", state: "", postalCode: "", preferredDate: "", candidates: "10", notes: "" };
  const [form, setForm] = useState(empty);
  const [modules, setModules] = useState<string[]>(ALL_MODULES);
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: () => {
      const body: OnsiteRequestBody = {
        companyName: form.companyName.trim(),
        addressLine1: form.addressLine1.trim(),
        city: form.city.trim(),
        state: form.state.trim().toUpperCase(),
        postalCode: form.postalCode.trim(),
        preferredDate: new Date(`${form.preferredDate}T12:00:00`).toISOString(),
        candidates: Number(form.candidates),
        modules,
        ...(form.notes.trim() ? { notes: form.notes.trim() } : {}),
      };
      return api.post<OnsiteRequestReceipt>("/api/v1/onsite-requests", body);
    },
    onSuccess: () => {
      setForm(empty);
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.onsite });
    },
  });
  const set = (key: keyof typeof empty) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = (["companyName", "addressLine1", "city", "state", "postalCode", "preferredDate"] as const).filter((k) => !form[k].trim());
    if (missing.length) return setProblem("Fill in every field except the notes.");
    if (!/^[A-Za-z]{2}$/.test(form.state.trim())) return setProblem("The state is two letters, like VA.");
    if (!/^\d{5}(-\d{4})?$/.test(form.postalCode.trim())) return setProblem("The ZIP code is 5 digits (or ZIP+4).");
    if (modules.length === 0) return setProblem("Choose at least one module.");
    setProblem(null);
    send.mutate();
  }
  return (
    <form className="form form--card section" onSubmit={onSubmit} aria-labelledby="onsite-heading" noValidate>
      <h2 id="onsite-heading">Ask for onsite testing</h2>
      <p>Test your people at your own site, with a certified proctor present for the entire testing period.</p>
      <FormAlert>{problem ?? (send.isError ? errorMessage(send.error) : null)}</FormAlert>
      <StatusMessage>{send.isSuccess ? "Your onsite request has been sent. Program staff will be in touch." : null}</StatusMessage>
      <TextField label="Company name" name="companyName" autoComplete="organization" value={form.companyName} onChange={set("companyName")} />
      <TextField label="Street address" name="addressLine1" autoComplete="address-line1" value={form.addressLine1} onChange={set("addressLine1")} />
      <TextField label="City" name="city" autoComplete="address-level2" value={form.city} onChange={set("city")} />
      <TextField label="State" hint="Two letters, for example VA." name="state" autoComplete="address-level1" maxLength={2} value={form.state} onChange={set("state")} />
      <TextField label="ZIP code" name="postalCode" autoComplete="postal-code" inputMode="numeric" value={form.postalCode} onChange={set("postalCode")} />
      <TextField label="Preferred date" type="date" name="preferredDate" value={form.preferredDate} onChange={set("preferredDate")} />
      <TextField label="Number of candidates" type="number" min={1} max={500} name="candidates" value={form.candidates} onChange={set("candidates")} />
      <ModuleCheckboxes legend="Modules" options={ALL_MODULES} value={modules} onChange={setModules} name="onsite-modules" />
      <TextAreaField label="Notes" name="notes" optional maxLength={2000} value={form.notes} onChange={set("notes")} />
      <button type="submit" className="button" disabled={send.isPending}>
        {send.isPending ? "Sending…" : "Send the request"}
      </button>
    </form>
  );
}

/** An approved event is private: the employer hands its employees an invitation link (or uploads their roster). */
function InvitationLink({ sessionId, companyName }: { sessionId: string; companyName: string }) {
  const make = useMutation({
    mutationFn: () => api.post<InvitationView>(`/api/v1/sessions/${encodeURIComponent(sessionId)}/invitations`, {} satisfies CreateInvitationBody),
  });
  return (
    <div className="stack">
      <p>
        <button type="button" className="button button--secondary button--small" disabled={make.isPending} onClick={() => make.mutate()}>
          Get an invitation link<span className="visually-hidden"> for {companyName}</span>
        </button>
      </p>
      <FormAlert>{make.isError ? errorMessage(make.error) : null}</FormAlert>
      <StatusMessage>
        {make.isSuccess ? (
          <>
            Send this link to the employees you invite; it works until {formatDateTime(make.data.expiresAt)}: <code>{make.data.url}</code>
          </>
        ) : null}
      </StatusMessage>
    </div>
  );
}

function MyOnsiteRequests() {
  const query = useQuery({
    queryKey: schedulingKeys.onsite,
    queryFn: ({ signal }) => api.get<OnsiteRequestList>("/api/v1/onsite-requests", undefined, signal),
  });
  return (
    <section aria-labelledby="my-onsite-heading" className="section">
      <h2 id="my-onsite-heading">Your onsite requests</h2>
      <QueryStatus query={query} loadingLabel="Loading your requests…">
        {(data) =>
          data.items.length === 0 ? (
            <p>No onsite requests yet.</p>
          ) : (
            <ul className="records">
              {data.items.map((r) => (
                <li key={r.id} className="card">
                  <div className="record__head">
                    <h3>{r.companyName}</h3>
                    <StatusBadge status={r.status} />
                  </div>
                  <p className="card__meta">
                    {r.address} · preferred {formatDate(r.preferredDate)} · {r.candidates} candidates · {r.modules.join(", ")}
                  </p>
                  {r.sessionId ? (
                    <>
                      <ScheduledEventSummary sessionId={r.sessionId} companyName={r.companyName} />
                      <InvitationLink sessionId={r.sessionId} companyName={r.companyName} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryStatus>
    </section>
  );
}

export function EmployerPage() {
  const me = useMe();
  if (!hasRole(me.data, "employer")) return <NotAllowed />;
  return (
    <Page title="Sponsor candidates" wide lead="Buy vouchers that pay your candidates' fees, and ask for onsite testing at your company.">
      <BuyVouchersForm />
      <section aria-labelledby="vouchers-heading" className="section">
        <h2 id="vouchers-heading">Your vouchers</h2>
        <p>
          You paid for these codes, so you see who used each one: the employee&rsquo;s name, when they used it and for which session. Candidates are told
          that the sponsor of their voucher sees this.
        </p>
        <VoucherLedger selectNewest />
      </section>
      <OnsiteForm />
      <MyOnsiteRequests />
    </Page>
  );
}
