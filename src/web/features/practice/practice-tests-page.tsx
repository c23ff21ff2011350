// Practice tests: start a full-length practice test of a module, timed like the real one or untimed,
// and the list of the ones taken, each with its score and whether it would have passed.
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ErrorSummary } from "../../components/error-summary";
import { DataTable, type Column, type RowsStatus } from "../../components/data-table";
import { Page } from "../../components/page";
import { formatDateTime } from "../../lib/format";
import { useFormErrors } from "../../lib/form-errors";
import { formatPercent } from "../../../common/rules/pass-rule";
import { formLength } from "../../../common/program/program-consistency";
import type { PracticeTestSummary } from "../../../common/schemas/practice";
import { useProgram } from "../program/program-queries";
import { practiceApi, practiceKeys, practiceLinks, usePracticeTests } from "./practice-api";

const LABELS = { module: "Module", timing: "Timing" };

function StartForm() {
  const program = useProgram();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const modules = program.data?.modules ?? [];
  const [module, setModule] = useState(() => params.get("module") ?? "");
  const [timing, setTiming] = useState<"untimed" | "timed">("untimed");
  const errors = useFormErrors("practice-test", LABELS);
  const start = useMutation({
    mutationFn: () => practiceApi.startTest({ module, timed: timing === "timed" }),
    onSuccess: (test) => {
      queryClient.setQueryData(practiceKeys.test(test.id), test);
      void queryClient.invalidateQueries({ queryKey: practiceKeys.tests });
      void navigate(practiceLinks.takeTest(test.id));
    },
    onError: (error) => errors.showError(error),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!modules.some((m) => m.code === module)) {
      errors.setProblems([{ field: "module", message: "Choose the module to practise." }]);
      return;
    }
    errors.clear();
    start.mutate();
  }

  const chosen = modules.find((m) => m.code === module);
  return (
    <form className="form form--card" noValidate onSubmit={onSubmit} aria-labelledby="start-test-heading">
      <h2 id="start-test-heading">Start a practice test</h2>
      <ErrorSummary errors={errors} />
      <fieldset className={errors.errorFor("module") ? "fieldset field--invalid" : "fieldset"} id={errors.fieldId("module")} tabIndex={-1}
        aria-describedby={errors.errorFor("module") ? `${errors.fieldId("module")}-error` : undefined}>
        <legend className="field__label">Module</legend>
        {errors.errorFor("module") ? <p className="field__error" id={`${errors.fieldId("module")}-error`}>{errors.errorFor("module")}</p> : null}
        {modules.map((m) => (
          <label key={m.code} className="choice">
            <input type="radio" name="module" value={m.code} checked={module === m.code} onChange={() => setModule(m.code)} />
            <span>
              {m.name} ({m.code}): {formLength(m)} questions, {m.timeLimitMinutes} minutes in the real test
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="fieldset" id={errors.fieldId("timing")}>
        <legend className="field__label">Timing</legend>
        <label className="choice">
          <input type="radio" name="timing" value="untimed" checked={timing === "untimed"} onChange={() => setTiming("untimed")} />
          <span>Untimed: take as long as you need</span>
        </label>
        <label className="choice">
          <input type="radio" name="timing" value="timed" checked={timing === "timed"} onChange={() => setTiming("timed")} />
          <span>Timed like the real test{chosen ? ` (${chosen.timeLimitMinutes} minutes)` : ""}: answers after the time is up are not counted</span>
        </label>
      </fieldset>
      <p className="field__hint">
        The questions come from the practice pool, never from the real test. When the pool for a skill is smaller than the real test's share of it, the
        practice test has fewer questions of that skill.
      </p>
      <button type="submit" className="button" disabled={start.isPending}>
        {start.isPending ? "Starting…" : "Start the practice test"}
      </button>
    </form>
  );
}

export function PracticeTestsTable({ rows, status }: { rows: PracticeTestSummary[]; status?: RowsStatus }) {
  const columns: Column<PracticeTestSummary>[] = [
    { id: "started", header: "Started", rowHeader: true, className: "nowrap", sortValue: (t) => t.startedAt, cell: (t) => <Link to={practiceLinks.practiceTest(t.id)}>{formatDateTime(t.startedAt)}</Link> },
    { id: "module", header: "Module", sortValue: (t) => t.module, cell: (t) => `${t.moduleName} (${t.module})` },
    { id: "timing", header: "Timing", cell: (t) => (t.timed ? "Timed" : "Untimed") },
    { id: "score", header: "Score", className: "numeric", sortValue: (t) => t.diagnostic?.percent ?? null, cell: (t) => (t.diagnostic ? formatPercent(t.diagnostic.percent) : "In progress") },
    {
      id: "outcome", header: "Would have passed",
      cell: (t) => (t.diagnostic ? (t.diagnostic.passed ? "Yes" : `No: ${t.diagnostic.skills.filter((s) => s.belowStandard).map((s) => s.name).join(", ")} below standard`) : "—"),
    },
  ];
  return (
    <DataTable caption="Your practice tests" columns={columns} rows={rows} rowKey={(t) => t.id} status={status} initialSort={{ id: "started", desc: true }} pageSize={10}
      empty="You have not taken a practice test yet." />
  );
}

export function PracticeTestsPage() {
  const tests = usePracticeTests();
  return (
    <Page title="Practice tests" lead="A full-length practice test of a module, drawn by the real test's blueprint, with a diagnostic of each skill like the real score report.">
      <StartForm />
      <section aria-labelledby="taken-heading" className="section">
        <h2 id="taken-heading">Practice tests you have taken</h2>
        <PracticeTestsTable rows={tests.data?.items ?? []} status={tests} />
      </section>
      <p>
        <Link to={practiceLinks.progress}>Your progress</Link>
      </p>
    </Page>
  );
}
