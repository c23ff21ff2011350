import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../api/client";
import type { CandidateResponse } from "../../../common/qti/scoring";
import type { FormPreviewView, ItemPool } from "../../../common/schemas/item-bank";
import { DataTable, type Column } from "../../components/data-table";
import { SelectField, TextField } from "../../components/field";
import { FormAlert } from "../../components/form-alert";
import { Page } from "../../components/page";
import { useFormPreview } from "../../features/item-bank/item-bank-api";
import { POOL_LABELS, POOL_LIST, typeLabel } from "../../features/item-bank/labels";
import { ItemView } from "../../features/item-render";
import { useProgram } from "../../features/program/program-queries";
import "../../styles/item-bank.css";

type OverviewRow = { index: number; itemId: string; version: number; skill: string; type: string };

/** The drawn form at a glance: which skill and type each question is, sortable to check the blueprint's spread. */
function FormOverview({ preview }: { preview: FormPreviewView }) {
  const rows: OverviewRow[] = preview.form.map((entry, index) => ({
    index: index + 1,
    itemId: entry.itemId,
    version: entry.version,
    skill: entry.skill,
    type: preview.items[index]?.type ?? "",
  }));
  const columns: Column<OverviewRow>[] = [
    { id: "question", header: "Question", rowHeader: true, className: "numeric", cell: (r) => <a href={`#question-${r.index}`}>{r.index}</a>, sortValue: (r) => r.index },
    { id: "skill", header: "Skill", cell: (r) => r.skill, sortValue: (r) => r.skill },
    { id: "type", header: "Type", cell: (r) => typeLabel(r.type), sortValue: (r) => typeLabel(r.type) },
    { id: "version", header: "Version", className: "numeric", cell: (r) => r.version, sortValue: (r) => r.version },
    {
      id: "item",
      header: "Item",
      cell: (r) => (
        <Link to={`/staff/items/${r.itemId}`}>
          Open in the bank<span className="visually-hidden"> (question {r.index})</span>
        </Link>
      ),
    },
  ];
  return (
    <details className="form-preview__overview">
      <summary>The form at a glance ({rows.length} questions by skill and type)</summary>
      <DataTable caption="Questions of the form" columns={columns} rows={rows} rowKey={(r) => String(r.index)} empty="The form has no questions." />
    </details>
  );
}

export function FormPreviewPage() {
  const program = useProgram();
  const preview = useFormPreview();
  const [module, setModule] = useState("");
  const [pool, setPool] = useState<ItemPool>("operational");
  const [seed, setSeed] = useState("");
  const [seedError, setSeedError] = useState<string | null>(null);
  const [responses, setResponses] = useState<Record<string, CandidateResponse>>({});
  const modules = program.data?.modules ?? [];
  const chosenModule = module || modules[0]?.code || "";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = seed.trim();
    const n = Number(text);
    if (text && (!Number.isInteger(n) || n < 0 || n > 4294967295)) {
      setSeedError("The seed is a whole number from 0 to 4294967295.");
      return;
    }
    setSeedError(null);
    setResponses({});
    preview.mutate({ module: chosenModule, pool, ...(text ? { seed: n } : {}) });
  }

  const data = preview.data;
  const moduleName = (code: string) => modules.find((m) => m.code === code)?.name ?? code;

  return (
    <Page title="Form preview" wide lead="Draw a form from the active pool by the module's blueprint and see every question as a candidate would.">
      <p>
        <Link to="/staff/items">Back to the item bank</Link>
      </p>
      <form className="filters" aria-label="Form to preview" onSubmit={onSubmit}>
        <SelectField label="Module" value={chosenModule} onChange={(e) => setModule(e.target.value)}>
          {modules.map((m) => (
            <option key={m.code} value={m.code}>
              {m.code} · {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Pool" value={pool} onChange={(e) => setPool(e.target.value as ItemPool)}>
          {POOL_LIST.map((p) => (
            <option key={p} value={p}>
              {POOL_LABELS[p]}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Seed"
          optional
          inputMode="numeric"
          hint="Leave empty for a new random form."
          error={seedError}
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
        />
        <button type="submit" className="button" disabled={preview.isPending || !chosenModule}>
          {preview.isPending ? "Drawing the form…" : "Preview the form"}
        </button>
      </form>
      <FormAlert>{preview.isError ? errorMessage(preview.error) : null}</FormAlert>
      {data ? (
        <div className="form-preview">
          <div className="notice notice--info" role="status">
            <p>
              <strong>
                {moduleName(preview.variables?.module ?? chosenModule)}, {POOL_LABELS[preview.variables?.pool ?? pool].toLowerCase()} pool: {data.items.length}{" "}
                questions, seed {data.seed}.
              </strong>{" "}
              Enter seed {data.seed} to see this form again.
            </p>
          </div>
          <FormOverview preview={data} />
          <ol className="form-preview__list">
            {data.items.map((item, index) => {
              const headingId = `question-${index + 1}`;
              const entry = data.form[index];
              return (
                <li key={item.id} className="form-preview__item">
                  <section aria-labelledby={headingId}>
                    <div className="form-preview__head">
                      <h2 id={headingId} className="form-preview__heading">
                        Question {index + 1} of {data.items.length}
                      </h2>
                      <p className="form-preview__meta">
                        {entry?.skill ?? ""} · {typeLabel(item.type)} ·{" "}
                        <Link to={`/staff/items/${item.id}`}>
                          Open in the bank<span className="visually-hidden"> (question {index + 1})</span>
                        </Link>
                      </p>
                    </div>
                    <ItemView
                      presentation={item.presentation}
                      response={responses[item.id] ?? {}}
                      onChange={(next) => setResponses((all) => ({ ...all, [item.id]: next }))}
                      labelledBy={headingId}
                    />
                  </section>
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </Page>
  );
}
