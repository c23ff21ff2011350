import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { DataTable, type Column } from "../../components/data-table";
import { QueryStatus } from "../../components/query-status";
import { useProgram } from "../program/program-queries";
import type { RegistryFiguresView } from "../../../common/schemas/registry";
import { credentialName, registryKeys } from "./registry-api";

const n = (value: number) => value.toLocaleString();

type ByCredential = RegistryFiguresView["byCredential"][number];
type ByState = RegistryFiguresView["byState"][number];
type YearRow = { year: number; counts: Record<string, number> };

const count = (id: string, header: string, value: (row: ByCredential) => number): Column<ByCredential> => ({
  id,
  header,
  className: "numeric",
  cell: (row) => n(value(row)),
  sortValue: value,
});

const STATE_COLUMNS: Column<ByState>[] = [
  { id: "state", header: "State", rowHeader: true, cell: (s) => s.state ?? "Not given", sortValue: (s) => s.state ?? "~" },
  { id: "holders", header: "Holders", className: "numeric", cell: (s) => n(s.holders), sortValue: (s) => s.holders },
];

/** One row a year, one column a credential type: the shape a report reads. */
function ByYear({ figures, types }: { figures: RegistryFiguresView; types: string[] }) {
  const years = [...new Set(figures.byYear.map((r) => r.year))];
  const rows: YearRow[] = years.map((year) => ({
    year,
    counts: Object.fromEntries(types.map((t) => [t, figures.byYear.find((r) => r.year === year && r.type === t)?.active ?? 0])),
  }));
  const columns: Column<YearRow>[] = [
    { id: "year", header: "Year", rowHeader: true, cell: (r) => r.year, sortValue: (r) => r.year },
    ...types.map<Column<YearRow>>((t) => ({ id: `type-${t}`, header: t, className: "numeric", cell: (r) => n(r.counts[t] ?? 0), sortValue: (r) => r.counts[t] ?? 0 })),
  ];
  return (
    <DataTable
      caption="Active credentials by year of issue"
      showCaption
      columns={columns}
      rows={rows}
      rowKey={(r) => String(r.year)}
      empty="No credentials issued yet."
      initialSort={{ id: "year", desc: true }}
    />
  );
}

// Holders by credential, by state and by year, for program reports.
export function RegistryFigures() {
  const program = useProgram();
  const query = useQuery({
    queryKey: registryKeys.figures,
    queryFn: ({ signal }) => api.get<RegistryFiguresView>("/api/v1/admin/registry/figures", undefined, signal),
  });
  const credentialColumns: Column<ByCredential>[] = [
    { id: "credential", header: "Credential", rowHeader: true, cell: (c) => `${credentialName(program.data, c.type)} (${c.type})` },
    count("active", "Active", (c) => c.active),
    count("revoked", "Revoked", (c) => c.revoked),
    count("withdrawn", "Withdrawn", (c) => c.withdrawn),
  ];
  return (
    <QueryStatus query={query} loadingLabel="Counting holders…">
      {(figures) => (
        <div className="stack">
          <p>
            <span className="card__count">{n(figures.activeHolders)}</span> {figures.activeHolders === 1 ? "person holds" : "people hold"} at least one
            active credential.
          </p>
          <div className="registry-figures">
            <div>
              <DataTable
                caption="Credentials by type and status"
                showCaption
                columns={credentialColumns}
                rows={figures.byCredential}
                rowKey={(c) => c.type}
                empty="No credentials yet."
              />
            </div>
            <div>
              <DataTable
                caption="Holders of an active credential by state"
                showCaption
                columns={STATE_COLUMNS}
                rows={figures.byState}
                rowKey={(s) => s.state ?? "none"}
                empty="No holders yet."
                initialSort={{ id: "holders", desc: true }}
                pageSize={15}
              />
            </div>
          </div>
          <ByYear figures={figures} types={figures.byCredential.map((c) => c.type)} />
        </div>
      )}
    </QueryStatus>
  );
}
