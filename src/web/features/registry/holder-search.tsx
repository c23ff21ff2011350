import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { SelectField, TextField } from "../../components/field";
import { LoadMore } from "../../components/load-more";
import { QueryStatus } from "../../components/query-status";
import { useCursorList } from "../../lib/use-cursor-list";
import { useProgram } from "../program/program-queries";
import type { ListedHolderView } from "../../../common/schemas/registry";
import { US_STATES, credentialName, formatDay, registryKeys, registryLinks } from "./registry-api";

function Results({ name, state }: { name: string; state: string }) {
  const program = useProgram();
  const { query, items } = useCursorList<ListedHolderView>(registryKeys.search, "/api/v1/registry", { name, state: state || undefined }, 20);
  return (
    <QueryStatus query={query} loadingLabel="Searching the registry…">
      {() => (
        <>
          <p role="status">
            {items.length === 0
              ? `No listed holder matches “${name}”${state ? ` in ${state}` : ""}.`
              : `${items.length}${query.hasNextPage ? "+" : ""} listed ${items.length === 1 ? "holder matches" : "holders match"} “${name}”${state ? ` in ${state}` : ""}.`}
          </p>
          <ul className="records registry-holders">
            {items.map((holder, i) => (
              <li key={`${holder.holderName}-${i}`} className="card">
                <h3 className="registry-holder__name">
                  {holder.holderName}
                  {holder.state ? <span className="card__meta"> · {holder.state}</span> : null}
                </h3>
                <ul className="registry-holder__credentials">
                  {holder.credentials.map((c) => (
                    <li key={c.certificateNumber}>
                      <Link to={registryLinks.page(c.certificateNumber)}>
                        {credentialName(program.data, c.type)} ({c.type})
                      </Link>
                      , issued {formatDay(c.issuedOn)}{" "}
                      <span className={c.status === "revoked" ? "badge registry-badge--revoked" : "badge badge--success"}>
                        {c.status === "revoked" ? "Revoked" : "Active"}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <LoadMore hasNextPage={query.hasNextPage} isFetchingNextPage={query.isFetchingNextPage} onLoadMore={() => void query.fetchNextPage()} />
        </>
      )}
    </QueryStatus>
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
