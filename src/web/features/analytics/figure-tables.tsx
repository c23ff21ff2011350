// The columns of each analytics figure: the tables are the truth the charts draw. A rate under the
// minimum group is shown as "—" with the reason in words, never as 0.
import type { Column } from "../../components/data-table";
import type {
  AccommodationFigure, CenterFigure, ModuleFigure, PeriodFigure, RetakeFigure, SkillFigure, TimeToAwardFigure,
} from "../../../common/schemas/analytics";

export function rateText(rate: number | null, count: number | null): string {
  if (rate !== null) return `${rate}%`;
  return count === 0 || count === null ? "—" : "— (too few)";
}

function passColumns<T extends { attempts: number; passed: number; passRate: number | null }>(): Column<T>[] {
  return [
    { id: "attempts", header: "Attempts", className: "numeric", cell: (r) => r.attempts, sortValue: (r) => r.attempts },
    { id: "passed", header: "Passed", className: "numeric", cell: (r) => r.passed, sortValue: (r) => r.passed },
    { id: "passRate", header: "Pass rate", className: "numeric", cell: (r) => rateText(r.passRate, r.attempts), sortValue: (r) => r.passRate },
  ];
}

export const moduleColumns: Column<ModuleFigure>[] = [
  { id: "module", header: "Module", rowHeader: true, cell: (r) => `${r.moduleName} (${r.module})`, sortValue: (r) => r.module },
  ...passColumns<ModuleFigure>(),
];

export const skillColumns: Column<SkillFigure>[] = [
  { id: "skill", header: "Skill", rowHeader: true, cell: (r) => `${r.skillName} (${r.skill})`, sortValue: (r) => r.skillName },
  { id: "module", header: "Module", cell: (r) => r.module, sortValue: (r) => r.module },
  { id: "results", header: "Results", className: "numeric", cell: (r) => r.results, sortValue: (r) => r.results },
  { id: "below", header: "Below standard", className: "numeric", cell: (r) => r.belowStandard, sortValue: (r) => r.belowStandard },
  { id: "belowRate", header: "Share below", className: "numeric", cell: (r) => rateText(r.belowRate, r.results), sortValue: (r) => r.belowRate },
];

export const centerColumns: Column<CenterFigure>[] = [
  { id: "center", header: "Center", rowHeader: true, cell: (r) => r.centerName, sortValue: (r) => r.centerName },
  { id: "sessions", header: "Sessions", className: "numeric", cell: (r) => r.sessions, sortValue: (r) => r.sessions },
  { id: "registrations", header: "Registrations", className: "numeric", cell: (r) => r.registrations, sortValue: (r) => r.registrations },
  ...passColumns<CenterFigure>(),
];

export const periodColumns: Column<PeriodFigure>[] = [
  { id: "period", header: "Period", rowHeader: true, cell: (r) => r.period, sortValue: (r) => r.period },
  ...passColumns<PeriodFigure>(),
];

export const accommodationColumns: Column<AccommodationFigure>[] = [
  { id: "group", header: "Candidates", rowHeader: true, cell: (r) => (r.group === "with" ? "With approved accommodations" : "Without approved accommodations"), sortValue: (r) => r.group },
  { id: "candidates", header: "Candidates with results", className: "numeric", cell: (r) => (r.suppressed ? "Too few to show" : r.candidates), sortValue: (r) => r.candidates },
  { id: "attempts", header: "Attempts", className: "numeric", cell: (r) => r.attempts ?? "—", sortValue: (r) => r.attempts },
  { id: "passed", header: "Passed", className: "numeric", cell: (r) => r.passed ?? "—", sortValue: (r) => r.passed },
  { id: "passRate", header: "Pass rate", className: "numeric", cell: (r) => rateText(r.passRate, r.attempts), sortValue: (r) => r.passRate },
];

export const retakeColumns: Column<RetakeFigure>[] = [
  { id: "module", header: "Module", rowHeader: true, cell: (r) => `${r.moduleName} (${r.module})`, sortValue: (r) => r.module },
  { id: "firstAttempts", header: "First attempts", className: "numeric", cell: (r) => r.firstAttempts, sortValue: (r) => r.firstAttempts },
  { id: "firstPassRate", header: "First-attempt pass rate", className: "numeric", cell: (r) => rateText(r.firstPassRate, r.firstAttempts), sortValue: (r) => r.firstPassRate },
  { id: "retakes", header: "Retakes", className: "numeric", cell: (r) => r.retakes, sortValue: (r) => r.retakes },
  { id: "retakesPassed", header: "Retakes passed", className: "numeric", cell: (r) => r.retakesPassed, sortValue: (r) => r.retakesPassed },
  { id: "retakePassRate", header: "Retake pass rate", className: "numeric", cell: (r) => rateText(r.retakePassRate, r.retakes), sortValue: (r) => r.retakePassRate },
];

const days = (d: number | null) => (d === null ? "—" : `${d}`);

export const timeToAwardColumns: Column<TimeToAwardFigure>[] = [
  { id: "credential", header: "Credential", rowHeader: true, cell: (r) => `${r.credentialName} (${r.credential})`, sortValue: (r) => r.credential },
  { id: "awards", header: "Awards", className: "numeric", cell: (r) => r.awards, sortValue: (r) => r.awards },
  { id: "q1", header: "Lower quartile (days)", className: "numeric", cell: (r) => days(r.q1Days), sortValue: (r) => r.q1Days },
  { id: "median", header: "Median (days)", className: "numeric", cell: (r) => days(r.medianDays), sortValue: (r) => r.medianDays },
  { id: "q3", header: "Upper quartile (days)", className: "numeric", cell: (r) => days(r.q3Days), sortValue: (r) => r.q3Days },
];
