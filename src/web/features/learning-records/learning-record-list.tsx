// A learner's learning record: their xAPI statements newest first, each as a person reads it (when, in
// UTC with the zone named; the verb; what; the result) with the whole statement behind a disclosure,
// filtered by verb and skill. The learner's progress page mounts it for the signed-in learner (with the
// download link); staff's person page mounts it for a person.
import { useState, type FormEvent } from "react";
import { DataTable, type Column, type MoreRows, type RowsStatus } from "../../components/data-table";
import { SelectField } from "../../components/field";
import { VERB_NAMES, type LearningRecordView } from "../../../common/schemas/learning-records";
import { useProgram } from "../program/program-queries";
import { MY_RECORDS_DOWNLOAD, useLearningRecords, type RecordFilters } from "./learning-records-api";
import "../../styles/learning-records.css";

const columns: Column<LearningRecordView>[] = [
  { id: "when", header: "When (UTC)", className: "nowrap", cell: (r) => <time dateTime={r.timestamp}>{r.summary.when}</time> },
  { id: "verb", header: "Did", cell: (r) => r.summary.verb },
  { id: "what", header: "What", rowHeader: true, cell: (r) => r.summary.what },
  { id: "skill", header: "Skill", className: "nowrap", cell: (r) => r.skill ?? "—" },
  { id: "result", header: "Result", cell: (r) => r.summary.result ?? "—" },
  {
    id: "statement",
    header: "xAPI statement",
    cell: (r) => (
      <details className="statement-disclosure">
        <summary>
          Show the xAPI statement<span className="visually-hidden">: {r.summary.verb} {r.summary.what}, {r.summary.when}</span>
        </summary>
        <pre className="statement-json">
          {JSON.stringify(r.statement, null, 2)}
        </pre>
      </details>
    ),
  },
];

interface TableProps {
  caption: string;
  rows: LearningRecordView[];
  status?: RowsStatus;
  more?: MoreRows;
  filtered: boolean;
}

/** The statements as a table: the part of the list that only shows what it is given. */
export function LearningRecordTable({ caption, rows, status, more, filtered }: TableProps) {
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      status={status}
      more={more}
      empty={filtered ? "No learning records match these filters." : "No learning records yet: lessons read, practice answered and courses attended appear here."}
    />
  );
}

interface Props {
  /** A person's record for staff; without it, the signed-in learner's own. */
  personId?: string;
  /** Whose record it is, for the table's caption ("Learning records of Ana Ruiz"). */
  personName?: string;
}

export function LearningRecordList({ personId, personName }: Props) {
  const [draft, setDraft] = useState<RecordFilters>({});
  const [filters, setFilters] = useState<RecordFilters>({});
  const { query, items } = useLearningRecords(personId ?? null, filters);
  const program = useProgram();
  const idPrefix = personId ? `records-${personId}` : "my-records";

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({ ...(draft.verb ? { verb: draft.verb } : {}), ...(draft.skill ? { skill: draft.skill } : {}) });
  }

  return (
    <div className="learning-records">
      {personId ? null : (
        <p>
          <a href={MY_RECORDS_DOWNLOAD} download>
            Download my learning records (JSON)
          </a>{" "}
          — every statement, in the xAPI format other learning record stores read.
        </p>
      )}
      <form className="filters" role="search" aria-label="Learning records" onSubmit={onFilter}>
        <SelectField id={`${idPrefix}-verb`} label="What was done" name="verb" optional value={draft.verb ?? ""} onChange={(e) => setDraft({ ...draft, verb: e.target.value || undefined })}>
          <option value="">Anything</option>
          {VERB_NAMES.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${idPrefix}-skill`} label="Skill" name="skill" optional value={draft.skill ?? ""} onChange={(e) => setDraft({ ...draft, skill: e.target.value || undefined })}>
          <option value="">Any skill</option>
          {(program.data?.modules ?? []).map((m) => (
            <optgroup key={m.code} label={m.name}>
              {m.skills.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name} ({s.code})
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <button type="submit" className="button">
          Filter
        </button>
        {filters.verb || filters.skill ? (
          <button type="button" className="button button--secondary" onClick={() => { setDraft({}); setFilters({}); }}>
            Clear filters
          </button>
        ) : null}
      </form>
      <LearningRecordTable
        caption={personName ? `Learning records of ${personName}` : "My learning records"}
        rows={items}
        status={query}
        more={{ hasNextPage: query.hasNextPage, isFetchingNextPage: query.isFetchingNextPage, fetchNextPage: query.fetchNextPage }}
        filtered={!!(filters.verb || filters.skill)}
      />
    </div>
  );
}
