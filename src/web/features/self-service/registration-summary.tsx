import type { MyRegistrationView } from "../../../common/schemas/scheduling";
import { formatZonedRange } from "../../../common/time-zones";

// The registration a candidate is about to move or cancel, as both screens show it first.
export function RegistrationSummary({ registration }: { registration: MyRegistrationView }) {
  return (
    <section className="card" aria-labelledby="current-heading">
      <h2 id="current-heading">Your registration</h2>
      <p>
        {registration.centerName}, {registration.city} {registration.state} · {formatZonedRange(registration.startsAt, registration.endsAt, registration.timeZone)} · {registration.modules.join(", ")}
        {" · "}Confirmation number <strong>{registration.confirmationNumber}</strong>
      </p>
    </section>
  );
}
