// Choosing a center's time zone: the US zones by the names people use, or any other IANA zone typed
// by name (a center abroad, or a US zone with its own rules such as America/Indiana/Knox). The value
// is always an IANA name; the server checks it again.
import { useState } from "react";
import { SelectField, TextField } from "../../components/field";
import { US_TIME_ZONES, zoneAbbreviations } from "../../../common/us-time-zones";

const OTHER = "other";

export function TimeZoneField({ value, onChange, id, error, label = "Time zone" }: { value: string; onChange: (zone: string) => void; id: string; error?: string | undefined; label?: string }) {
  const listed = US_TIME_ZONES.some((z) => z.zone === value);
  const [other, setOther] = useState(!listed && value !== "");
  const choice = other || (!listed && value !== "") ? OTHER : value;
  return (
    <>
      <SelectField
        label={label}
        name="timeZone"
        id={other ? `${id}-choice` : id}
        error={other ? undefined : error}
        value={choice}
        onChange={(e) => {
          const next = e.target.value;
          setOther(next === OTHER);
          onChange(next === OTHER ? "" : next);
        }}
      >
        {value === "" && !other ? <option value="">Choose the center's time zone</option> : null}
        {US_TIME_ZONES.map((z) => (
          <option key={z.zone} value={z.zone}>
            {z.name} ({zoneAbbreviations(z.zone)}, {z.zone})
          </option>
        ))}
        <option value={OTHER}>Another IANA time zone…</option>
      </SelectField>
      {other ? (
        <TextField
          label="IANA time zone name"
          hint="For example Europe/Berlin or America/Indiana/Knox."
          name="timeZoneName"
          id={id}
          error={error}
          value={value}
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value.trim())}
        />
      ) : null}
    </>
  );
}
