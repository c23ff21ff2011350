import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import { TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { Link } from "react-router";
import { DataTable, type Column } from "../../components/data-table";
import { calendarUrl } from "../self-service/registration-queries";
import { formatZonedRange, formatZonedShort } from "../../../common/time-zones";
import type { MyRegistrationView, PaymentBody, PaymentView } from "../../../common/schemas/scheduling";
import { formatMoney, schedulingKeys, useMyRegistrations } from "./scheduling-api";
import { StatusBadge } from "./status-badge";
import "../../styles/scheduling.css";

function PaymentForms({ registration }: { registration: MyRegistrationView }) {
  const [code, setCode] = useState("");
  const queryClient = useQueryClient();
  const pay = useMutation({
    mutationFn: (body: PaymentBody) =>
      api.post<PaymentView>(`/api/v1/registrations/${encodeURIComponent(registration.id)}/payment`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: schedulingKeys.myRegistrations }),
  });
  const invoiced = pay.isSuccess && pay.variables?.method === "invoice";

  function onVoucher(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    pay.mutate({ method: "voucher", code: code.trim() });
  }

  return (
    <div className="payment">
      <FormAlert>{pay.isError ? errorMessage(pay.error) : null}</FormAlert>
      <StatusMessage>{invoiced ? "An invoice has been requested. Your seat stays held while it is open." : null}</StatusMessage>
      <form className="inline-form payment__voucher" onSubmit={onVoucher} aria-label={`Pay with a voucher for ${registration.centerName}`}>
        <TextField
          label="Voucher code"
          hint="Whoever gave you the voucher (your employer or center) will see that you used it and for which session."
          name="voucher"
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          minLength={4}
          maxLength={40}
        />
        <button type="submit" className="button" disabled={pay.isPending}>
          Pay with a voucher
        </button>
      </form>
      <p>
        <button
          type="button"
          className="button button--secondary"
          disabled={pay.isPending || invoiced}
          onClick={() => pay.mutate({ method: "invoice" })}
        >
          Ask for an invoice
        </button>
      </p>
    </div>
  );
}

/** Where a candidate goes next with a registration: its receipt, its calendar invitation, and the move and cancel screens (each shows the policy first). */
function RegistrationActions({ registration }: { registration: MyRegistrationView }) {
  const where = <span className="visually-hidden"> {registration.confirmationNumber}</span>;
  return (
    <>
      <Link className="button button--secondary button--small" to={`/registrations/${encodeURIComponent(registration.id)}/receipt`}>
        Receipt{where}
      </Link>
      {registration.status === "confirmed" ? (
        <a className="button button--secondary button--small" href={calendarUrl(registration.id)} download>
          Calendar (.ics){where}
        </a>
      ) : null}
      {registration.canCancel ? (
        <>
          <Link className="button button--secondary button--small" to={`/registrations/${encodeURIComponent(registration.id)}/reschedule`}>
            Reschedule{where}
          </Link>
          <Link className="button button--danger button--small" to={`/registrations/${encodeURIComponent(registration.id)}/cancel`}>
            Cancel{where}
          </Link>
        </>
      ) : null}
    </>
  );
}

function paymentText(registration: MyRegistrationView): string {
  if (registration.status === "pending_payment") {
    // An invoice asked for lifts the hold's end: the seat waits for the invoice, not a date.
    if (registration.paymentMethod === "invoice") return `${formatMoney(registration.amountDueCents)} due: invoice requested`;
    if (!registration.holdExpiresAt) return `${formatMoney(registration.amountDueCents)} due`;
    return `${formatMoney(registration.amountDueCents)} due by ${formatZonedShort(registration.holdExpiresAt, registration.timeZone)}`;
  }
  if (registration.status === "waitlisted" && registration.waitlistPosition) return `Waitlist position ${registration.waitlistPosition}`;
  if (registration.paymentMethod && registration.status === "confirmed") {
    if (registration.paymentMethod === "none") return "No fee due";
    // The code that paid: whoever gave the voucher (an employer) sees its use in their ledger.
    if (registration.paymentMethod === "voucher" && registration.voucherCode) return `Paid by voucher ${registration.voucherCode}`;
    return `Paid by ${registration.paymentMethod}`;
  }
  return "";
}

const columns: Column<MyRegistrationView>[] = [
  { id: "number", header: "Confirmation number", rowHeader: true, className: "nowrap", cell: (r) => r.confirmationNumber, sortValue: (r) => r.confirmationNumber },
  // With its date, at the center's clock and zone.
  { id: "when", header: "When", cell: (registration) => formatZonedRange(registration.startsAt, registration.endsAt, registration.timeZone), sortValue: (r) => r.startsAt },
  { id: "where", header: "Where", cell: (r) => `${r.centerName}, ${r.city} ${r.state}`, sortValue: (r) => r.centerName },
  { id: "modules", header: "Modules", cell: (r) => r.modules.join(", ") },
  {
    id: "status",
    header: "Status",
    cell: (r) => (
      <>
        <StatusBadge status={r.status} />
        {paymentText(r) ? <span className="registration-row__payment">{paymentText(r)}</span> : null}
      </>
    ),
    sortValue: (r) => r.status,
  },
  { id: "actions", header: "Actions", className: "actions", cell: (r) => <RegistrationActions registration={r} /> },
];

export function MyRegistrations() {
  const query = useMyRegistrations();
  return (
    <section aria-labelledby="registrations-heading" className="my-registrations">
      <h3 id="registrations-heading">Your registrations</h3>
      <DataTable
        caption="Registrations with their confirmation numbers"
        columns={columns}
        rows={query.data?.items ?? []}
        rowKey={(r) => r.id}
        status={query}
        initialSort={{ id: "when", desc: true }}
        pageSize={10}
        loadingLabel="Loading your registrations…"
        empty={
          <>
            You have not registered for a session yet. Choose one on the <Link to="/sessions">sessions page</Link>.
          </>
        }
        after={(r) =>
          r.status === "pending_payment" ? (
            <tr className="registration-row__after">
              <td colSpan={columns.length}>
                <PaymentForms registration={r} />
              </td>
            </tr>
          ) : null
        }
      />
    </section>
  );
}
