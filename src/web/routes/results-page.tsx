import { Link } from "react-router";
import type { Program } from "../api/types";
import { Page } from "../components/page";
import { Loading, QueryError } from "../components/query-status";
import { useProgram } from "../features/program/program-queries";
import { ResultCard } from "../features/results/result-card";
import type { MyResultView } from "../../common/schemas/results";
import { useMyResults } from "../features/results/results-api";
// issue 12, integrity stream: results held for review, and the appeal.
import { UnderReview } from "../features/integrity/under-review";
import { useMyCases } from "../features/integrity/integrity-api";

/** The program's contact for training ("Manufacturing Skills Institute, 804-…"), when it names one. */
function contactOf(program: Program): string | null {
  const contact = program.contact as Program["contact"] & { organization?: string };
  return [contact.organization, contact.phone].filter(Boolean).join(", ") || null;
}

// The candidate's score reports: per module the latest percent, pass or not, the skill subscores and
// the training for skills below standard, with the printable report.
export function ResultsPage() {
  const results = useMyResults();
  const program = useProgram();
  const held = (useMyCases().data?.items ?? []).some((c) => c.status === "held");

  let body;
  if (results.isPending || program.isPending) body = <Loading label="Loading your results…" />;
  else if (results.isError) body = <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  else if (program.isError) body = <QueryError error={program.error} onRetry={() => void program.refetch()} />;
  else if (results.data.items.length === 0)
    body = (
      <p>
        {held ? "You have no other results yet." : "You have no results yet."} They appear here once you submit a module. <Link to="/sessions">Find a session</Link>.
      </p>
    );
  else {
    const byModule = new Map<string, MyResultView[]>();
    // The API lists results latest first; each module keeps that order.
    for (const r of results.data.items) byModule.set(r.module, [...(byModule.get(r.module) ?? []), r]);
    const contact = contactOf(program.data);
    body = (
      <div className="stack">
        {program.data.modules
          .filter((m) => byModule.has(m.code))
          .map((m) => (
            <ResultCard key={m.code} module={m} results={byModule.get(m.code)!} contact={contact} />
          ))}
      </div>
    );
  }

  return (
    <Page
      title="Your results"
      lead="Each module's score, whether it is passed, how you did in each skill, and the training that covers any skill below the standard."
      wide
    >
      <p>
        <Link to="/credentials">Your certificates</Link> · <Link to="/dashboard">Your path to MT1</Link>
      </p>
      <UnderReview />
      {body}
    </Page>
  );
}
