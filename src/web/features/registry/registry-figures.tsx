import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { QueryStatus } from "../../components/query-status";
import { TableRegion } from "../../components/table-region";
import { useProgram } from "../program/program-queries";
import type { RegistryFiguresView } from "../../../common/schemas/registry";
import { credentialName, registryKeys } from "./registry-api";

const n = (value: number) => value.toLocaleString();

function ByYear({ figures, types }: { figures: RegistryFiguresView; types: string[] }) {
  const years = [...new Set(figures.byYear.map((r) => r.year))].sort((a, b) => b - a);
  const count = (year: number, type: string) => figures.byYear.find((r) => r.year === year && r.type === type)?.active ?? 0;
  return (
    <TableRegion label="Active credentials by year of issue">
      <table className="table">
        <caption>Active credentials by year of issue</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            {types.map((t) => (
              <th key={t} scope="col" className="registry-figure">{t}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr key={year}>
              <th scope="row">{year}</th>
              {types.map((t) => (
                <td key={t} className="registry-figure">{n(count(year, t))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

// Holders by credential, by state and by year, for program reports.
export function RegistryFigures() {
  const program = useProgram();
  const query = useQuery({
    queryKey: registryKeys.figures,
    queryFn: ({ signal }) => api.get<RegistryFiguresView>("/api/v1/admin/registry/figures", undefined, signal),
  });
  return (
    <QueryStatus query={query} loadingLabel="Counting holders…">
      {(figures) => {
        const types = figures.byCredential.map((c) => c.type);
        return (
          <div className="stack">
            <p>
              <span className="card__count">{n(figures.activeHolders)}</span> {figures.activeHolders === 1 ? "person holds" : "people hold"} at least one
              active credential.
            </p>
            <div className="registry-figures">
              <TableRegion label="Credentials by type and status">
                <table className="table">
                  <caption>Credentials by type and status</caption>
                  <thead>
                    <tr><th scope="col">Credential</th><th scope="col" className="registry-figure">Active</th><th scope="col" className="registry-figure">Revoked</th><th scope="col" className="registry-figure">Withdrawn</th></tr>
                  </thead>
                  <tbody>
                    {figures.byCredential.map((c) => (
                      <tr key={c.type}>
                        <th scope="row">{credentialName(program.data, c.type)} ({c.type})</th>
                        <td className="registry-figure">{n(c.active)}</td>
                        <td className="registry-figure">{n(c.revoked)}</td>
                        <td className="registry-figure">{n(c.withdrawn)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              <TableRegion label="Holders by state">
                <table className="table">
                  <caption>Holders of an active credential by state</caption>
                  <thead>
                    <tr><th scope="col">State</th><th scope="col" className="registry-figure">Holders</th></tr>
                  </thead>
                  <tbody>
                    {figures.byState.map((s) => (
                      <tr key={s.state ?? "none"}>
                        <th scope="row">{s.state ?? "Not given"}</th>
                        <td className="registry-figure">{n(s.holders)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </div>
            <ByYear figures={figures} types={types} />
          </div>
        );
      }}
    </QueryStatus>
  );
}
