// Every figure of the report as a section: its heading, what it counts, the chart (for the eye), the
// table (the truth, with a visible caption) and the CSV download of that table. The sections are not
// named landmarks: each table is already a region named by its caption, and two regions of one name
// fail axe (landmark-unique); the headings give the page its outline.
import type { ReactNode } from "react";
import { DataTable, type Column } from "../../components/data-table";
import type { AnalyticsFigure, AnalyticsQuery, AnalyticsReport } from "../../../common/schemas/analytics";
import { analyticsCsvHref } from "./analytics-api";
import { FigureChart, type ChartSeries } from "./figure-chart";
import {
  accommodationColumns, centerColumns, moduleColumns, periodColumns, retakeColumns, skillColumns, timeToAwardColumns,
} from "./figure-tables";

interface SectionProps<T> {
  id: AnalyticsFigure;
  title: string;
  intro: ReactNode;
  filters: AnalyticsQuery;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  chart?: { category: (row: T) => string; series: (ChartSeries & { value: (row: T) => number | null })[]; percent?: boolean; caption: string; empty?: string };
}

function FigureSection<T>({ id, title, intro, filters, columns, rows, rowKey, chart }: SectionProps<T>) {
  const headingId = `figure-${id}-heading`;
  // A chart whose every bar is a hidden rate (or that has no rows) would be an empty frame: say why instead.
  const drawable = chart !== undefined && rows.some((r) => chart.series.some((s) => s.value(r) !== null));
  return (
    <section className="section analytics-figure">
      <h2 id={headingId}>{title}</h2>
      <p>{intro}</p>
      {chart && !drawable ? <p>{chart.empty}</p> : null}
      {chart && drawable ? (
        <FigureChart
          rows={rows.map((r) => ({ category: chart.category(r), ...Object.fromEntries(chart.series.map((s) => [s.key, s.value(r)])) }))}
          category="category" series={chart.series} percent={chart.percent} caption={chart.caption}
        />
      ) : null}
      <DataTable caption={title} showCaption columns={columns} rows={rows} rowKey={rowKey} empty="Nothing in this period." />
      <p>
        <a className="button button--secondary" href={analyticsCsvHref(filters, id)} download>
          Download “{title}” as CSV
        </a>
      </p>
    </section>
  );
}

export function AnalyticsFigures({ report, filters }: { report: AnalyticsReport; filters: AnalyticsQuery }) {
  const min = report.minimumGroup;
  const tooFew = `Rates are drawn only over ${min} or more attempts; a missing bar is a group too small to show.`;
  const noRate = `No chart: no group here has the ${min} attempts a rate needs. The table gives the counts.`;
  return (
    <>
      <FigureSection id="modules" title="Pass rate by module" filters={filters} columns={moduleColumns} rows={report.modules} rowKey={(r) => r.module}
        intro="Scored attempts in the period and how many passed."
        chart={{ category: (r) => r.module, series: [{ key: "rate", name: "Pass rate", value: (r) => r.passRate }], percent: true, caption: `Pass rate by module, in percent. ${tooFew}`, empty: noRate }} />
      <FigureSection id="skills" title="Skills below standard" filters={filters} columns={skillColumns} rows={report.skills} rowKey={(r) => r.skill}
        intro="For each skill, the results that reported it and the share below the standard."
        chart={{ category: (r) => r.skill, series: [{ key: "below", name: "Share below standard", value: (r) => r.belowRate }], percent: true, caption: `Share of results below standard by skill, in percent. ${tooFew}`, empty: noRate }} />
      <FigureSection id="centers" title="By center" filters={filters} columns={centerColumns} rows={report.centers} rowKey={(r) => r.centerId}
        intro={`Sessions starting in the period (cancelled ones left out) and their standing registrations, whatever the module and accommodation filters; then the attempts sat there. A pass rate needs at least ${min} attempts at the center.`}
        chart={{ category: (r) => r.centerName, series: [{ key: "attempts", name: "Attempts", value: (r) => r.attempts }], caption: "Scored attempts by center." }} />
      <FigureSection id="periods" title={`By ${report.grouping}`} filters={filters} columns={periodColumns} rows={report.periods} rowKey={(r) => r.period}
        intro={`Attempts by the ${report.grouping} they were scored in (UTC).`}
        chart={{ category: (r) => r.period, series: [{ key: "attempts", name: "Attempts", value: (r) => r.attempts }, { key: "passed", name: "Passed", value: (r) => r.passed }], caption: `Attempts (solid) and passes (hatched) by ${report.grouping}.` }} />
      <FigureSection id="accommodations" title="By accommodation status" filters={filters} columns={accommodationColumns} rows={report.accommodations} rowKey={(r) => r.group}
        intro={`Candidates with an accommodation approved (wholly or in part) before the period ended, and the others. A group of fewer than ${min} candidates shows no figures at all, so no one can be recognised in it.`} />
      <FigureSection id="retakes" title="Retakes" filters={filters} columns={retakeColumns} rows={report.retakes} rowKey={(r) => r.module}
        intro="A retake is an attempt by a candidate who already had a result in the module, whenever that was."
        chart={{ category: (r) => r.module, series: [{ key: "first", name: "First attempts", value: (r) => r.firstPassRate }, { key: "retake", name: "Retakes", value: (r) => r.retakePassRate }], percent: true, caption: `Pass rate of first attempts (solid) and retakes (hatched), in percent. ${tooFew}`, empty: noRate }} />
      <FigureSection id="time-to-award" title="Time to MS and MT1" filters={filters} columns={timeToAwardColumns} rows={report.timeToAward} rowKey={(r) => r.credential}
        intro="Days from the candidate's first scored result to the award, for awards dated in the period (withdrawn ones left out). The module and center filters do not apply; quartiles are interpolated like a spreadsheet's QUARTILE.INC." />
    </>
  );
}
