import { useId } from "react";
import "../../styles/self-service.css";
import type { Center } from "../../api/types";
import { SelectField } from "../../components/field";

export interface FinderFilter {
  state: string;
  city: string;
}

/** The states and, for the chosen state, the cities that have a public assessment center, sorted. */
export function placesOf(centers: readonly Center[], state: string) {
  const states = [...new Set(centers.map((c) => c.state))].sort();
  const cities = [...new Set(centers.filter((c) => !state || c.state === state).map((c) => c.city))].sort((a, b) => a.localeCompare(b));
  return { states, cities };
}

// The session finder's filters: a state, then a city among that state's centers. Choices are built
// from the public centers, so every option can find something; the list below follows them at once.
export function SessionFinder({ centers, value, onChange }: { centers: readonly Center[]; value: FinderFilter; onChange: (next: FinderFilter) => void }) {
  const headingId = useId();
  const { states, cities } = placesOf(centers, value.state);
  return (
    <section className="session-finder card" aria-labelledby={headingId}>
      <h2 id={headingId}>Find a session near you</h2>
      <div className="session-finder__fields">
        <SelectField
          label="State"
          optional
          value={value.state}
          onChange={(e) => onChange({ state: e.target.value, city: "" })}
        >
          <option value="">All states</option>
          {states.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <SelectField label="City" optional value={value.city} onChange={(e) => onChange({ ...value, city: e.target.value })}>
          <option value="">{value.state ? `All cities in ${value.state}` : "All cities"}</option>
          {cities.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
      </div>
    </section>
  );
}
