import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, errorMessage } from "../../api/client";
import { TextField } from "../../components/field";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { QueryStatus } from "../../components/query-status";
import { formatZonedRange, formatZonedShort } from "../../../common/time-zones";
import type { MyRegistrationView, PaymentBody, PaymentView, RegistrationView } from "../../../common/schemas/scheduling";
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

function CancelButton({ registration }: { registration: MyRegistrationView }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api.post<RegistrationView>(`/api/v1/registrations/${encodeURIComponent(registration.id)}/cancel`, {}),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: schedulingKeys.myRegistrations });
      void queryClient.invalidateQueries({ queryKey: ["sessions"] });
    },
  });
  return (
    <>
      <FormAlert>{cancel.isError ? errorMessage(cancel.error) : null}</FormAlert>
      <button
        type="button"
        className="button button--danger button--small"
        disabled={cancel.isPending}
        onClick={() => {
          if (window.confirm(`Cancel your registration at ${registration.centerName} on ${formatZonedShort(registration.startsAt, registration.timeZone)}?`)) cancel.mutate();
        }}
      >
        Cancel registration<span className="visually-hidden"> at {registration.centerName} on {formatZonedShort(registration.startsAt, registration.timeZone)}</span>
      </button>
    </>
  );
}

function RegistrationItem({ registration }: { registration: MyRegistrationView }) {
  return (
    <li className="card registration">
      <div className="record__head">
        <h4>
          {registration.centerName}, {registration.city} {registration.state}
        </h4>
        <StatusBadge status={registration.status} />
      </div>
      <dl className="details-list">
        <dt>When</dt>
        <dd>{formatZonedRange(registration.startsAt, registration.endsAt, registration.timeZone)}</dd>
        <dt>Modules</dt>
        <dd>{registration.modules.join(", ")}</dd>
        {registration.status === "pending_payment" ? (
          <>
            <dt>Amount due</dt>
            <dd>{formatMoney(registration.amountDueCents)}</dd>
            <dt>Seat held until</dt>
            <dd>{formatZonedShort(registration.holdExpiresAt, registration.timeZone)}</dd>
          </>
        ) : null}
        {registration.status === "waitlisted" && registration.waitlistPosition ? (
          <>
            <dt>Waitlist position</dt>
            <dd>{registration.waitlistPosition}</dd>
          </>
        ) : null}
        {registration.paymentMethod && registration.status === "confirmed" ? (
          <>
            <dt>Paid by</dt>
            <dd>{registration.paymentMethod === "none" ? "No fee due" : registration.paymentMethod}</dd>
          </>
        ) : null}
      </dl>
      {registration.status === "pending_payment" ? <PaymentForms registration={registration} /> : null}
      {registration.canCancel ? <CancelButton registration={registration} /> : null}
    </li>
  );
}

export function MyRegistrations() {
  const query = useMyRegistrations();
  return (
    <section aria-labelledby="registrations-heading" className="my-registrations">
      <h3 id="registrations-heading">Your registrations</h3>
      <QueryStatus query={query} loadingLabel="Loading your registrations…">
        {(data) =>
          data.items.length === 0 ? (
            <p>You have not registered for a session yet.</p>
          ) : (
            <ul className="records">
              {data.items.map((registration) => (
                <RegistrationItem key={registration.id} registration={registration} />
              ))}
            </ul>
          )
        }
      </QueryStatus>
    </section>
  );
}
