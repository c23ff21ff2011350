import { useState, type FormEvent } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../api/client";
import { TextAreaField, TextField } from "../components/field";
import { FormAlert, StatusMessage } from "../components/form-alert";
import { NotAllowed } from "../components/not-allowed";
import { Page } from "../components/page";
import { QueryStatus } from "../components/query-status";
import { TableRegion } from "../components/table-region";
import { hasRole, useMe } from "../features/auth/auth-queries";
import { ModuleCheckboxes } from "../features/registration/module-checkboxes";
import type { OnsiteRequestBody, OnsiteRequestList, OnsiteRequestReceipt } from "../../common/schemas/centers";
import type { BoughtVouchersView, BuyVouchersBody, CreateInvitationBody, InvitationView, MyVouchersPage } from "../../common/schemas/scheduling";
import { schedulingKeys } from "../features/registration/scheduling-api";
import { StatusBadge } from "../features/registration/status-badge";
import { ScheduledEventSummary } from "../features/session-operations/scheduled-event-summary";
import { formatDate, formatDateTime } from "../lib/format";
import "../styles/scheduling.css";

const ALL_MODULES = ["MM", "SRMT", "QBA"];

function BuyVouchers() {
  const [modules, setModules] = useState<string[]>([]);
  const [quantity, setQuantity] = useState("1");
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const buy = useMutation({
    mutationFn: () => api.post<BoughtVouchersView>("/api/v1/vouchers", { modules, quantity: Number(quantity) } satisfies BuyVouchersBody),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: schedulingKeys.vouchers }),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (modules.length === 0) return setProblem("Choose at least one module.");
    const n = Number(quantity);
    if (!Number.isInteger(n) || n < 1 || n > 500) return setProblem("Buy between 1 and 500 vouchers.");
    setProblem(null);
    buy.mutate();
  }
  return (
    <form className="form form--card" onSubmit={onSubmit} aria-labelledby="buy-heading" noValidate>
      <h2 id="buy-heading">Buy vouchers</h2>
      <p>Each voucher pays for the chosen modules of one registration and can be used once. You are invoiced for them.</p>
      <FormAlert>{problem ?? (buy.isError ? errorMessage(buy.error) : null)}</FormAlert>
      <ModuleCheckboxes legend="Modules each voucher covers" options={ALL_MODULES} value={modules} onChange={setModules} name="voucher-modules" />
      <TextField label="How many vouchers" type="number" min={1} max={500} inputMode="numeric" name="quantity" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
      <button type="submit" className="button" disabled={buy.isPending}>
        {buy.isPending ? "Buying…" : "Buy vouchers"}
      </button>
      <div role="status" className={buy.isSuccess ? "notice notice--success" : "visually-hidden"}>
        {buy.isSuccess ? (
          <>
            <p>
              <strong>
                {buy.data.items.length} {buy.data.items.length === 1 ? "voucher" : "vouchers"} bought.
              </strong>{" "}
              Give each candidate one code:
            </p>
            <ul className="voucher-codes">
              {buy.data.items.map((v) => (
                <li key={v.id}>
                  <code className="voucher-code">{v.code}</code>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </form>
  );
}

function MyVouchers() {
  const query = useQuery({
    queryKey: schedulingKeys.vouchers,
    queryFn: ({ signal }) => api.get<MyVouchersPage>("/api/v1/vouchers", undefined, signal),
  });
  return (
    <section aria-labelledby="vouchers-heading" className="section">
      <h2 id="vouchers-heading">Your vouchers</h2>
      <QueryStatus query={query} loadingLabel="Loading your vouchers…">
        {(data) =>
          data.items.length === 0 ? (
            <p>You have not bought vouchers yet.</p>
          ) : (
            <TableRegion label="Voucher codes and their status">
              <table className="table">
                <caption className="visually-hidden">Your vouchers</caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Modules</th>
                    <th scope="col">Status</th>
                    <th scope="col">Used</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((v) => (
                    <tr key={v.id}>
                      <th scope="row">
                        <code>{v.code}</code>
                      </th>
                      <td>{v.modules.join(", ")}</td>
                      <td>
                        <StatusBadge status={v.status} />
                      </td>
                      <td>{v.redeemedAt ? formatDateTime(v.redeemedAt) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )
        }
      </QueryStatus>
    </section>
  );
}

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
    <Page title="Sponsor candidates" lead="Buy vouchers that pay your candidates' fees, and ask for onsite testing at your company.">
      <BuyVouchers />
      <MyVouchers />
      <OnsiteForm />
      <MyOnsiteRequests />
    </Page>
  );
}
