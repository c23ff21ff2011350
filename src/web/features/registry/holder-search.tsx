import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { SelectField, TextField } from "../../components/field";
import { DataTable, type Column } from "../../components/data-table";
import { useCursorList } from "../../lib/use-cursor-list";
import { useProgram } from "../program/program-queries";
import type { ListedHolderView } from "../../../common/schemas/registry";
import { US_STATES, credentialName, formatDay, registryKeys, registryLinks } from "./registry-api";

type Row = ListedHolderView & { key: string };

function Results({ name, state }: { name: string; state: string }) {
  const program = useProgram();
  const { query, items } = useCursorList<ListedHolderView>(registryKeys.search, "/api/v1/registry", { name, state: state || undefined }, 20);
  // Holders have no public id; a holder's certificate numbers are theirs alone, so they key the row.
  const rows: Row[] = items.map((h) => ({ ...h, key: h.credentials.map((c) => c.certificateNumber).join(" ") || h.holderName }));
  const columns: Column<Row>[] = [
    { id: "name", header: "Holder", rowHeader: true, cell: (h) => h.holderName, sortValue: (h) => h.holderName.toLowerCase() },
    { id: "state", header: "State", cell: (h) => h.state ?? "—", sortValue: (h) => h.state },
    {
      id: "credentials",
      header: "Credentials",
      cell: (h) => (
        <ul className="registry-holder__credentials">
          {h.credentials.map((c) => (
            <li key={c.certificateNumber}>
              <Link to={registryLinks.page(c.certificateNumber)}>
                {credentialName(program.data, c.type)} ({c.type})
              </Link>
              , issued {formatDay(c.issuedOn)}{" "}
              <span className={c.status === "revoked" ? "badge registry-badge--revoked" : "badge badge--success"}>{c.status === "revoked" ? "Revoked" : "Active"}</span>
            </li>
          ))}
        </ul>
      ),
    },
  ];
  const where = `“${name}”${state ? ` in ${state}` : ""}`;
  return (
    <>
      {query.isSuccess ? (
        <p role="status">
          {items.length === 0
            ? `No listed holder matches ${where}.`
            : `${items.length}${query.hasNextPage ? "+" : ""} listed ${items.length === 1 ? "holder matches" : "holders match"} ${where}.`}
        </p>
      ) : null}
      <DataTable
        caption={`Listed holders matching ${where}`}
        columns={columns}
        rows={rows}
        rowKey={(h) => h.key}
        empty="Check the spelling, or search by certificate number: holders who have not chosen to be listed are found only that way."
        status={query}
        more={query}
        loadingLabel="Searching the registry…"
      />
    </>
  );
}

// Search by name and state. Only holders who chose to be listed (on their profile) can be found;
// a certificate number always can.
export function HolderSearch() {
  const [name, setName] = useState("");
  const [state, setState] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<{ name: string; state: string } | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed.length < 2) return setProblem("Type at least two letters of the name.");
    if (/[<>]/.test(trimmed)) return setProblem("Names cannot contain < or >.");
    setProblem(null);
    setSubmitted({ name: trimmed, state });
  }

  return (
    <section aria-labelledby="registry-search-heading" className="section">
      <h2 id="registry-search-heading">Find a holder by name</h2>
      <p>Holders choose whether they can be found by name. If someone is not listed, ask them for their certificate number.</p>
      <form className="filters" onSubmit={onSubmit} noValidate role="search" aria-label="Registry holders">
        <TextField
          label="Name"
          name="name"
          hint="Last name, or first and last name. At least two letters."
          autoComplete="off"
          maxLength={100}
          value={name}
          error={problem}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField label="State" name="state" optional value={state} onChange={(e) => setState(e.target.value)}>
          <option value="">Any state</option>
          {US_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {submitted ? <Results name={submitted.name} state={submitted.state} /> : null}
    </section>
  );
}
