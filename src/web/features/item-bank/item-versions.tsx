import type { ItemDetailView } from "../../../common/schemas/item-bank";
import { TableRegion } from "../../components/table-region";
import { formatDateTime } from "../../lib/format";

export function ItemVersions({ item }: { item: ItemDetailView }) {
  const versions = [...item.versions].sort((a, b) => b.version - a.version);
  return (
    <section aria-labelledby="item-versions-heading">
      <h2 id="item-versions-heading">Version history</h2>
      <TableRegion label="Versions">
        <table className="table">
          <caption className="visually-hidden">Versions of {item.identifier}, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              <th scope="col">By</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  {v.version}
                  {v.version === item.activeVersion ? <span className="badge badge--success item-bank__inline-badge">in use</span> : null}
                </th>
                <td className="nowrap">{formatDateTime(v.createdAt)}</td>
                <td>{v.createdBy ?? "import"}</td>
                <td>{v.note || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
