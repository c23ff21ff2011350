// A person's registrations with the staff actions each allows now: waive the fee (held for
// payment), reschedule (live), mark a no-show (confirmed, session over, never checked in).
import { useState } from "react";
import { formatMoney } from "../../../common/rules/fees";
import type { PersonRecordView, PersonRegistrationView } from "../../../common/schemas/people";
import { formatZonedRange, formatZonedShort } from "../../../common/time-zones";
import { DataTable } from "../../components/data-table";
import { formatDateTime } from "../../lib/format";
import { useProgram } from "../program/program-queries";
import { StatusBadge } from "../registration/status-badge";
import { NoShowDialog, RescheduleDialog, WaiveDialog, type RegistrationAction } from "./registration-dialogs";

const PAYMENT: Record<string, string> = { voucher: "Voucher", invoice: "Invoice", waived: "Waived", none: "No fee" };

export function RegistrationsTable({ record, onDone }: { record: PersonRecordView; onDone: (message: string) => void }) {
  const [open, setOpen] = useState<{ action: RegistrationAction; registration: PersonRegistrationView } | null>(null);
  const currency = useProgram().data?.fees.currency ?? "USD";
  const close = () => setOpen(null);
  const done = (message: string) => {
    setOpen(null);
    onDone(message);
  };
  const where = (r: PersonRegistrationView) => `${r.session.centerName}, ${formatZonedRange(r.session.startsAt, r.session.endsAt, r.session.timeZone)}`;

  return (
    <>
      <DataTable caption="Registrations" rows={record.registrations} rowKey={(r) => r.id} empty="No registrations." initialSort={{ id: "session", desc: true }}
        columns={[
          {
            id: "session", header: "Session", rowHeader: true, sortValue: (r) => r.session.startsAt,
            cell: (r) => (
              <>
                <span className="nowrap">{formatZonedShort(r.session.startsAt, r.session.timeZone)}</span>
                <span className="audit-record">{r.session.centerName}, {r.session.city}, {r.session.state}</span>
                <span className="audit-record">Session {r.session.status.replace(/_/g, " ")}</span>
              </>
            ),
          },
          { id: "modules", header: "Modules", cell: (r) => r.modules.join(", ") },
          {
            id: "status", header: "Status", sortValue: (r) => r.status,
            cell: (r) => (
              <>
                <StatusBadge status={r.status} />
                <span className="audit-record">{r.checkedInAt ? `Checked in ${formatDateTime(r.checkedInAt)}` : "Not checked in"}</span>
                {r.overrideReason ? <span className="audit-record">Override: {r.overrideReason}</span> : null}
              </>
            ),
          },
          {
            id: "payment", header: "Payment",
            cell: (r) => (r.amountDueCents > 0 ? `${formatMoney(r.amountDueCents, currency)} due${r.paymentMethod === "invoice" ? " (invoice)" : ""}` : r.paymentMethod ? PAYMENT[r.paymentMethod] ?? r.paymentMethod : "—"),
          },
          {
            id: "reference", header: "Confirmation", className: "nowrap",
            cell: (r) => <code>{r.confirmationNumber}</code>,
          },
          {
            id: "actions", header: "Actions", className: "actions",
            cell: (r) => (
              <div className="actions">
                {r.canWaive ? (
                  <button type="button" className="button button--secondary button--small" onClick={() => setOpen({ action: "waive", registration: r })}>
                    Waive fee<span className="visually-hidden"> for {where(r)}</span>
                  </button>
                ) : null}
                {r.canReschedule ? (
                  <button type="button" className="button button--secondary button--small" onClick={() => setOpen({ action: "reschedule", registration: r })}>
                    Reschedule<span className="visually-hidden"> {where(r)}</span>
                  </button>
                ) : null}
                {r.canMarkNoShow ? (
                  <button type="button" className="button button--danger button--small" onClick={() => setOpen({ action: "no-show", registration: r })}>
                    Mark no-show<span className="visually-hidden"> at {where(r)}</span>
                  </button>
                ) : null}
                {!r.canWaive && !r.canReschedule && !r.canMarkNoShow ? "—" : null}
              </div>
            ),
          },
        ]} />
      {open?.action === "waive" ? <WaiveDialog record={record} registration={open.registration} onClose={close} onDone={done} /> : null}
      {open?.action === "reschedule" ? <RescheduleDialog record={record} registration={open.registration} onClose={close} onDone={done} /> : null}
      {open?.action === "no-show" ? <NoShowDialog record={record} registration={open.registration} onClose={close} onDone={done} /> : null}
    </>
  );
}
