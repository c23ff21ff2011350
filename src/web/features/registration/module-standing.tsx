import { reasonText, useEligibility } from "./eligibility";
import { useModuleNames } from "./module-checkboxes";

// For a candidate on the sessions page: the modules they cannot book now (passed, booked, or a retake
// whose waiting period runs), with why and until when, before they pick a session.
export function ModuleStanding() {
  const eligibility = useEligibility(null);
  const nameOf = useModuleNames();
  const blocked = eligibility.data?.items.filter((i) => !i.eligible) ?? [];
  if (blocked.length === 0) return null;
  return (
    <section className="notice notice--info module-standing" aria-labelledby="module-standing-title">
      <h2 id="module-standing-title">Modules you cannot book now</h2>
      <ul>
        {blocked.map((item) => (
          <li key={item.module}>
            <strong>
              {nameOf(item.module)} ({item.module})
            </strong>
            : {reasonText(item)}
          </li>
        ))}
      </ul>
    </section>
  );
}
