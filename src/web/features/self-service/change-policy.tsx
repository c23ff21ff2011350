import type { MyRegistrationView } from "../../../common/schemas/scheduling";
import { formatZonedDateTime } from "../../../common/time-zones";
import { changeDeadline } from "./registration-queries";

// The rules a candidate reads before moving or cancelling a registration: the 48-hour limit (the
// program's registrationLeadHours) with this registration's own deadline, and what happens to what
// was paid. The server applies the same rules; this is so nobody acts without knowing them.
export function ChangePolicy({ registration, leadHours, action }: { registration: MyRegistrationView; leadHours: number; action: "move" | "cancel" }) {
  // The deadline at the center's clock, like every time of the session.
  const zone = registration.timeZone;
  const deadline = changeDeadline(registration.startsAt, leadHours);
  return (
    <section className="policy card" aria-labelledby="policy-heading">
      <h2 id="policy-heading">{action === "move" ? "Before you move your registration" : "Before you cancel"}</h2>
      <ul>
        <li>
          You can move or cancel a registration online until {leadHours} hours before its session starts. For this registration that is until{" "}
          <strong>{formatZonedDateTime(deadline.toISOString(), zone)}</strong>. After that, call the program.
        </li>
        {action === "move" ? (
          <>
            <li>You keep your modules ({registration.modules.join(", ")}); the new session must offer all of them and start at least {leadHours} hours from now.</li>
            <li>A voucher or a paid invoice moves with you. An open invoice moves too when you get a seat; on a waitlist it is voided and you pay when a seat comes.</li>
            <li>Your seat here is released when the move is made, and your new booking gets a new confirmation number.</li>
          </>
        ) : (
          <>
            <li>Your seat is released at once and offered to the next person on the waitlist. This cannot be undone; you can register again while seats remain.</li>
            <li>A voucher you paid with is given back and can be used again for another session. An open invoice is cancelled.</li>
            <li>If you already paid an invoice, the program refunds it under its refund policy: contact the program with your confirmation number.</li>
          </>
        )}
      </ul>
    </section>
  );
}
