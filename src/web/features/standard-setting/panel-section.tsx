// The dashboard's panels section: the standard-setting studies one sits on (a membership, not a role),
// shown only to panelists.
import { Link } from "react-router";
import { formatCalendarDate } from "../../lib/format";
import { useMyStudies } from "./standard-setting-api";
import { STATUS_LABELS } from "./study-text";

export function PanelSection() {
  const studies = useMyStudies();
  const items = studies.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="panels-heading">
      <h2 id="panels-heading">Standard-setting panels</h2>
      <ul>
        {items.map((s) => (
          <li key={s.id}>
            <Link to={`/standard-setting/${encodeURIComponent(s.id)}/rate`}>{s.title}</Link>{" "}
            <span className="card__meta">{s.moduleName}, meeting {formatCalendarDate(s.meetingDate)} · {STATUS_LABELS[s.status]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
