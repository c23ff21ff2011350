import { Link, useParams } from "react-router";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import type { ReceiptView } from "../../../common/schemas/scheduling";
import { formatZonedDate, formatZonedDateTime, formatZonedRange } from "../../../common/time-zones";
import { formatMoney, statusLabel } from "../../features/registration/scheduling-api";
import { calendarUrl, useReceipt } from "../../features/self-service/registration-queries";
import "../../styles/self-service.css";

const PAID_BY: Record<string, string> = {
  voucher: "Voucher",
  invoice: "Invoice from the program",
  waived: "Fee waived by the program",
  none: "No online fee (voucher or invoice arranged with the program)",
};

function howPaid(r: ReceiptView): string {
  if (!r.paymentMethod) return r.status === "pending_payment" ? "Not paid yet: pay with a voucher or ask for an invoice from your dashboard" : "Nothing to pay";
  const base = PAID_BY[r.paymentMethod] ?? r.paymentMethod;
  if (r.paymentMethod === "invoice" && r.invoice) return `${base} (${r.invoice.status === "paid" ? "paid" : "open: waiting for payment"})`;
  return base;
}

function Receipt({ r }: { r: ReceiptView }) {
  // Every time on the receipt is at the center's clock.
  const zone = r.timeZone;
  const unpriced = r.modules.some((m) => m.amountCents === null);
  return (
    <article className="receipt" aria-labelledby="receipt-number">
      <header className="receipt__head">
        <p className="receipt__issuer">Manufacturing Skills Institute · MT1 Certification</p>
        <h2 id="receipt-number">
          Confirmation number <span className="receipt__number">{r.confirmationNumber}</span>
        </h2>
        <p>
          Booked {formatZonedDate(r.bookedAt, zone)} for {r.candidateName} ({r.candidateEmail}). Status: <strong>{statusLabel(r.status)}</strong>.
        </p>
      </header>
      <dl className="details-list receipt__details">
        <dt>When</dt>
        <dd>{formatZonedRange(r.startsAt, r.endsAt, zone)}</dd>
        <dt>Where</dt>
        <dd>
          {r.centerName}
          <br />
          {r.address}
        </dd>
        <dt>How it is paid</dt>
        <dd>{howPaid(r)}</dd>
        {r.paidAt ? (
          <>
            <dt>Paid on</dt>
            <dd>{formatZonedDateTime(r.paidAt, zone)}</dd>
          </>
        ) : null}
      </dl>
      <table className="receipt__lines">
        <caption>What was booked</caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col" className="numeric">
              Fee
            </th>
          </tr>
        </thead>
        <tbody>
          {r.modules.map((m) => (
            <tr key={m.code}>
              <th scope="row">
                {m.name} ({m.code})
              </th>
              <td className="numeric">{m.amountCents === null ? "By voucher or invoice" : formatMoney(m.amountCents, r.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{r.invoice ? "Invoiced amount" : unpriced ? "Total of published fees" : "Total"}</th>
            <td className="numeric">
              <strong>{!r.invoice && unpriced && r.amountCents === 0 ? "By voucher or invoice" : formatMoney(r.amountCents, r.currency)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="receipt__note">Bring a government-issued photo ID. A certified proctor checks you in before the assessment starts.</p>
    </article>
  );
}

export function ReceiptPage() {
  const { id = "" } = useParams();
  const query = useReceipt(id);
  return (
    <Page title="Registration receipt" lead="Keep this receipt: it shows what you booked, where and when, and how it is paid.">
      <QueryStatus query={query} loadingLabel="Loading your receipt…">
        {(r) => (
          <>
            <Receipt r={r} />
            <p className="button-row no-print">
              <button type="button" className="button" onClick={() => window.print()}>
                Print this receipt
              </button>
              {r.status === "confirmed" ? (
                <a className="button button--secondary" href={calendarUrl(r.registrationId)} download>
                  Add to your calendar (.ics)
                </a>
              ) : null}
              <Link to="/dashboard">Back to your registrations</Link>
            </p>
          </>
        )}
      </QueryStatus>
    </Page>
  );
}
