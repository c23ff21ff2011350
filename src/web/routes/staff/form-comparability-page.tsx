// Form comparability for staff: per module and year, the Rasch calibration the statistics job stored
// (every item version of every delivered form on one scale), where the borderline candidate stands
// (θ at the cut), and each delivered form's expected score for that candidate, flagged when it lies
// beyond the tolerance from the cut. Nothing is computed here: the page reads what the job stored.
import { useState } from "react";
import { Link } from "react-router";
import type { CalibrationView, FormAtCutView, FormComparabilityView } from "../../../common/schemas/psychometrics";
import { DataTable, type Column } from "../../components/data-table";
import { SelectField } from "../../components/field";
import { Page } from "../../components/page";
import { QueryStatus } from "../../components/query-status";
import { useProgram } from "../../features/program/program-queries";
import { useFormComparability } from "../../features/psychometrics/psychometrics-api";
import { stat } from "../../features/psychometrics/labels";
import { formatDateTime } from "../../lib/format";
import "../../styles/item-bank.css";
import "../../styles/psychometrics.css";
import { StatisticsYearField, THIS_YEAR } from "../../features/psychometrics/statistics-year-field";


const CAVEATS: Record<CalibrationView["caveats"][number], string> = {
  "few-examinees": "Few candidates: the difficulties, and so the expected scores, are imprecise. Read the figures as a first look only.",
  "not-converged": "The calibration stopped before it converged: treat the figures with caution.",
  "bounded-items": "Some items were answered alike by everyone who saw them; they count at their bound (always or never correct).",
};

const percent = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${v.toFixed(1)}%`);
const signed = (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(1)}`;

function formColumns(view: FormComparabilityView): Column<FormAtCutView>[] {
  return [
    { id: "form", header: "Form", rowHeader: true, className: "nowrap", cell: (f) => <code>{f.formKey.slice(0, 8)}</code>, sortValue: (f) => f.formKey },
    { id: "candidates", header: "Candidates", className: "numeric", cell: (f) => (f.fewCandidates ? `${f.candidates} (few)` : f.candidates), sortValue: (f) => f.candidates },
    { id: "items", header: "Items", className: "numeric", cell: (f) => f.items, sortValue: (f) => f.items },
    { id: "points", header: "Expected points at the cut", className: "numeric", cell: (f) => `${f.expectedPoints.toFixed(2)} of ${f.items}`, sortValue: (f) => f.expectedPoints },
    { id: "percent", header: "Expected percent", className: "numeric", cell: (f) => percent(f.expectedPercent), sortValue: (f) => f.expectedPercent },
    { id: "difference", header: `Difference from ${view.cutPercent}% (points)`, className: "numeric", cell: (f) => signed(f.differencePercent), sortValue: (f) => Math.abs(f.differencePercent) },
    {
      id: "flag",
      header: "Comparable",
      cell: (f) => (f.beyondTolerance ? <strong className="review-queue__flag">{f.differencePercent > 0 ? "Easier" : "Harder"} beyond ±{view.tolerance}</strong> : `Within ±${view.tolerance}`),
      sortValue: (f) => (f.beyondTolerance ? 1 : 0),
    },
  ];
}

export function FormComparabilityPage() {
  const program = useProgram();
  const modules = program.data?.modules ?? [];
  const [chosen, setChosen] = useState("");
  const [year, setYear] = useState(THIS_YEAR);
  const module = chosen || modules[0]?.code || "";
  const view = useFormComparability(module, year);

  return (
    <Page
      title="Form comparability around the cut"
      wide
      lead="Each candidate sits a form drawn from the module's pool. The statistics job puts every item on one scale (a Rasch calibration) and asks, for a candidate exactly at the cut, what they would be expected to score on each form actually delivered."
    >
      <p>
        <Link to="/staff/items/review-queue">Item statistics and review queue</Link> (run the statistics there)
      </p>
      <div className="filters">
        <SelectField label="Module" name="module" value={module} onChange={(e) => setChosen(e.target.value)}>
          {modules.map((m) => (
            <option key={m.code} value={m.code}>
              {m.code} · {m.name}
            </option>
          ))}
        </SelectField>
        <StatisticsYearField year={year} onChange={setYear} />
      </div>
      {module ? (
        <QueryStatus query={view} loadingLabel="Loading the calibration…">
          {(data) => <Comparability view={data} />}
        </QueryStatus>
      ) : null}
    </Page>
  );
}

function Comparability({ view }: { view: FormComparabilityView }) {
  const cal = view.calibration;
  if (!cal) return <p>No calibration for {view.module} in {view.year} yet. Run the statistics for {view.year} first.</p>;
  if (cal.status === "not_calibrated") {
    return (
      <p>
        {view.module} could not be calibrated for {view.year}: {cal.reason}
      </p>
    );
  }
  const s = view.summary;
  return (
    <>
      <h2>Calibration of {view.module} in {view.year}</h2>
      <dl className="form-comparability__figures">
        <dt>Model</dt>
        <dd>Rasch (one common slope {stat(cal.discrimination, 3)}), marginal maximum likelihood; items not on a candidate&apos;s form count as missing, not wrong</dd>
        <dt>Computed</dt>
        <dd>{formatDateTime(cal.computedAt)}</dd>
        <dt>Attempts</dt>
        <dd>{cal.examinees}</dd>
        <dt>Items calibrated</dt>
        <dd>
          {cal.itemsCalibrated}
          {cal.itemsExcluded > 0 ? ` (${cal.itemsExcluded} left out: answered alike by everyone who saw them)` : ""}
        </dd>
        <dt>Borderline candidate</dt>
        <dd>
          θ = {stat(cal.thetaCut)}, where the expected score over the whole pool is the {view.cutPercent}% cut
        </dd>
      </dl>
      {cal.caveats.length > 0 ? (
        <ul className="form-comparability__caveats">
          {cal.caveats.map((c) => (
            <li key={c}>{CAVEATS[c]}</li>
          ))}
        </ul>
      ) : null}

      <h2>Forms delivered</h2>
      {s && s.forms > 0 ? (
        <p>
          {s.forms} {s.forms === 1 ? "form" : "distinct forms"}. A borderline candidate&apos;s expected percent ranges from {percent(s.min)} to {percent(s.max)} (median {percent(s.median)}, spread {stat(s.spread, 1)}{" "}
          points). {s.beyondTolerance === 0 ? `Every form is within ±${view.tolerance} points of the cut.` : `${s.beyondTolerance} ${s.beyondTolerance === 1 ? "form lies" : "forms lie"} more than ${view.tolerance} points from the cut.`}
        </p>
      ) : null}
      <DataTable
        caption={`Expected score at the cut on each ${view.module} form delivered in ${view.year}`}
        columns={formColumns(view)}
        rows={view.forms}
        rowKey={(f) => f.formKey}
        empty="No form was delivered."
        initialSort={{ id: "difference", desc: true }}
        pageSize={25}
      />
    </>
  );
}
