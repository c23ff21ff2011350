// The year of the statistics a staff page shows: this year and the four before it (snapshots are kept per year).
import { SelectField } from "../../components/field";

export const THIS_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: 5 }, (_, i) => THIS_YEAR - i);

export function StatisticsYearField({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  return (
    <SelectField label="Year" name="year" value={String(year)} onChange={(e) => onChange(Number(e.target.value))}>
      {YEARS.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </SelectField>
  );
}
