// What needs staff's attention now, each count linking to where it is dealt with. A count above
// zero is marked by a border and said in words ("needs attention"), not by colour alone.
import { Link } from "react-router";
import type { AttentionView } from "../../../common/schemas/people";
import { useAttention } from "../people/person-api";
import "../../styles/people.css";

interface Item {
  key: keyof Omit<AttentionView, "asOf" | "expiringWithinDays">;
  title: string;
  to: string | null;
  /** What the count covers; certifications say the window the program's reminder policy sets. */
  meta: string | ((view: AttentionView) => string);
}

const ending = (view: AttentionView) => `ending within ${view.expiringWithinDays} days`;

const ITEMS: Item[] = [
  { key: "accommodationRequestsPending", title: "Accommodation requests", to: "/staff/accommodations", meta: "waiting for a decision" },
  { key: "handbookRequestsOpen", title: "Handbook requests", to: "/staff/handbook-requests", meta: "to fulfil" },
  { key: "incidentsRecent", title: "Incidents", to: "/staff/irregularities", meta: "logged in the last 30 days" },
  { key: "resultsHeld", title: "Held results", to: "/staff/irregularities/cases?status=held", meta: "withheld pending review" },
  { key: "appealsOpen", title: "Appeals", to: "/staff/irregularities/cases?appeal=pending", meta: "waiting for a decision" },
  { key: "centersExpiring", title: "Center certifications", to: "/staff/certifications", meta: ending },
  { key: "proctorsExpiring", title: "Proctor certifications", to: "/staff/certifications", meta: ending },
  { key: "trainersExpiring", title: "Trainer certifications", to: "/staff/certifications", meta: ending },
  { key: "jobsFailed", title: "Failed jobs", to: null, meta: "in the last 7 days" },
];

export function AttentionPanel() {
  const attention = useAttention();
  if (attention.isPending) return <p className="card__meta">Counting what needs attention…</p>;
  if (attention.isError) return <p className="card__meta">Could not count what needs attention: {attention.error.message}</p>;
  const counts = attention.data;
  return (
    <ul className="attention-grid" aria-label="Needs attention">
      {ITEMS.filter((item) => counts[item.key] !== null).map((item) => {
        const count = counts[item.key] ?? 0;
        return (
          <li key={item.key} className={count > 0 ? "attention-card attention-card--due" : "attention-card"}>
            <span className="attention-card__count">{count}</span>
            {item.to ? <Link to={item.to}>{item.title}</Link> : item.title}
            <p className="attention-card__meta">
              {typeof item.meta === "string" ? item.meta : item.meta(counts)}
              {count > 0 ? <span className="visually-hidden">: needs attention</span> : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
