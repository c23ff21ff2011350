import type { FeesView } from "../../../common/schemas/scheduling";
import "../../styles/self-service.css";
import { formatMoney } from "../registration/scheduling-api";

// The price before booking: each chosen module's fee and the total, from the program's published fee
// schedule. A module with no published fee is not free: the program arranges it by voucher or
// invoice, and the invoice states the amount, so the candidate is told that instead of "$0.00".
export function FeeSummary({ fees, modules, nameOf, captionId }: { fees: FeesView; modules: string[]; nameOf: (code: string) => string; captionId: string }) {
  if (modules.length === 0) return null;
  const lines = modules.map((code) => ({ code, cents: fees.items.find((f) => f.module === code)?.amountCents ?? null }));
  const unpriced = lines.filter((l) => l.cents === null);
  const total = lines.reduce((sum, l) => sum + (l.cents ?? 0), 0);
  return (
    <div className="fee-summary">
      <table className="fee-summary__table" aria-labelledby={captionId}>
        <caption id={captionId}>What you will pay</caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col" className="numeric">
              Fee
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.code}>
              <th scope="row">
                {nameOf(l.code)} ({l.code})
              </th>
              <td className="numeric">{l.cents === null ? "Set by voucher or invoice" : formatMoney(l.cents, fees.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total{unpriced.length > 0 ? " of published fees" : ""}</th>
            <td className="numeric">
              <strong>{formatMoney(total, fees.currency)}</strong>
            </td>
          </tr>
        </tfoot>
      </table>
      {total > 0 ? (
        <p className="field__hint">
          After you register, your seat is held while you pay {formatMoney(total, fees.currency)} with a voucher or ask for an invoice. Cards are not taken.
        </p>
      ) : null}
      {unpriced.length > 0 ? (
        <p className="field__hint">
          The program publishes no online fee for {unpriced.map((l) => l.code).join(", ")}. {unpriced.length === 1 ? "It is" : "They are"} paid with a voucher
          (often bought by your employer) or by an invoice from the program, and the invoice states the amount.
          {total === 0 ? " Registering does not charge you anything." : ""}
        </p>
      ) : null}
    </div>
  );
}
