import type { ItemDetailView } from "../../../common/schemas/item-bank";
import { DataTable, type Column } from "../../components/data-table";
import { formatDateTime } from "../../lib/format";

type Version = ItemDetailView["versions"][number];

export function ItemVersions({ item }: { item: ItemDetailView }) {
  const columns: Column<Version>[] = [
    {
      id: "version",
      header: "Version",
      rowHeader: true,
      sortValue: (v) => v.version,
      cell: (v) => (
        <>
          {v.version}
          {v.version === item.activeVersion ? <span className="badge badge--success item-bank__inline-badge">in use</span> : null}
        </>
      ),
    },
    { id: "saved", header: "Saved", className: "nowrap", cell: (v) => formatDateTime(v.createdAt), sortValue: (v) => v.createdAt },
    { id: "by", header: "By", cell: (v) => v.createdBy ?? "import", sortValue: (v) => v.createdBy ?? "" },
    { id: "note", header: "Note", cell: (v) => v.note || "—" },
  ];
  return (
    <section aria-labelledby="item-versions-heading">
      <h2 id="item-versions-heading">Version history</h2>
      <DataTable
        caption="Versions"
        columns={columns}
        rows={item.versions}
        rowKey={(v) => String(v.version)}
        empty="No versions yet."
        initialSort={{ id: "version", desc: true }}
        pageSize={20}
      />
    </section>
  );
}
