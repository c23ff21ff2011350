// The one table every list uses: a caption, sortable column headers (aria-sort), client-side pages
// of the loaded rows or a "Load more" for cursor-paged server lists, and the loading, error and
// empty states. Built on TanStack Table, which keeps the sorting and paging state; this file only
// decides how a table looks and reads to a screen reader.
import { useState, type ReactNode } from "react";
import {
  getCoreRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { Loading, QueryError } from "./query-status";
import { TableRegion } from "./table-region";

export interface Column<T> {
  /** Unique within the table; also the sort key's name. */
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** A column with a sort value gets a sort button in its header. */
  sortValue?: (row: T) => string | number | null | undefined;
  /** "nowrap" keeps dates and codes on one line; "actions" lays buttons out in a row. */
  className?: "nowrap" | "actions" | "numeric";
  /** A row header (<th scope="row">): the column that names the row, usually the first. */
  rowHeader?: boolean;
}

/** The server side of a cursor-paged list (from useCursorList's query). */
export interface MoreRows {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** The loading and error side of the query that supplies the rows. */
export interface RowsStatus {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

interface Props<T> {
  /** The table's accessible name: its caption, and the scroll region's label. */
  caption: string;
  /** Show the caption (default: visually hidden, when a heading above already names the table). */
  showCaption?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** What an empty list says ("No sessions match these filters."). */
  empty: ReactNode;
  status?: RowsStatus;
  more?: MoreRows;
  /** Rows per client-side page; without it every loaded row shows (server lists page with `more`). */
  pageSize?: number;
  initialSort?: { id: string; desc?: boolean };
  /** Extra rows rendered after a row (an inline edit form), by row key. */
  after?: (row: T) => ReactNode;
  loadingLabel?: string;
}

export function DataTable<T>({
  caption,
  showCaption,
  columns,
  rows,
  rowKey,
  empty,
  status,
  more,
  pageSize,
  initialSort,
  after,
  loadingLabel,
}: Props<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort ? [{ id: initialSort.id, desc: !!initialSort.desc }] : []);
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize: pageSize ?? Number.MAX_SAFE_INTEGER });
  const defs: ColumnDef<T>[] = columns.map((column) => ({
    id: column.id,
    header: column.header,
    enableSorting: !!column.sortValue,
    // Nulls sort last whichever way, as a person expects of "no date yet".
    accessorFn: column.sortValue ? (row: T) => column.sortValue!(row) ?? undefined : () => undefined,
    sortUndefined: "last",
  }));
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: { sorting, pagination },
    onSortingChange: setSorting,
    onPaginationChange: setPagination,
    getRowId: rowKey,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    autoResetPageIndex: false,
  });

  if (status?.isPending) return <Loading label={loadingLabel ?? `Loading ${caption.toLowerCase()}…`} />;
  if (status?.isError) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  if (rows.length === 0) return <p className="table-empty">{empty}</p>;

  const byId = new Map(columns.map((c) => [c.id, c]));
  const pageCount = pageSize ? table.getPageCount() : 1;
  const pageIndex = Math.min(pagination.pageIndex, Math.max(pageCount - 1, 0));

  return (
    <>
      <TableRegion label={caption}>
        <table className="table">
          <caption className={showCaption ? undefined : "visually-hidden"}>
            {caption}
            {sorting[0] ? <span className="visually-hidden">, sorted by {byId.get(sorting[0].id)?.header} {sorting[0].desc ? "descending" : "ascending"}</span> : null}
          </caption>
          <thead>
            <tr>
              {table.getHeaderGroups()[0]!.headers.map((header) => {
                const column = byId.get(header.column.id)!;
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={column.className === "numeric" ? "numeric" : undefined}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        {column.header}
                        <span aria-hidden="true" className="sort-button__mark">
                          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                        </span>
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <RowWithAfter key={row.id} after={after?.(row.original)}>
                <tr>
                  {columns.map((column) => {
                    const content = column.cell(row.original);
                    const className = column.className === "actions" ? undefined : column.className;
                    const inner = column.className === "actions" ? <div className="actions">{content}</div> : content;
                    return column.rowHeader ? (
                      <th key={column.id} scope="row" className={className}>
                        {inner}
                      </th>
                    ) : (
                      <td key={column.id} className={className}>
                        {inner}
                      </td>
                    );
                  })}
                </tr>
              </RowWithAfter>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {pageSize && pageCount > 1 ? (
        <nav className="pager" aria-label={`${caption} pages`}>
          <button type="button" className="button button--secondary" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            Previous page
          </button>
          <span aria-live="polite">
            Page {pageIndex + 1} of {pageCount}
          </span>
          <button type="button" className="button button--secondary" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            Next page
          </button>
        </nav>
      ) : null}
      {/* More rows from the server join the last page, so the button shows there. */}
      {more?.hasNextPage && pageIndex + 1 >= pageCount ? (
        <p className="load-more">
          <button type="button" className="button button--secondary" onClick={() => void more.fetchNextPage()} disabled={more.isFetchingNextPage}>
            {more.isFetchingNextPage ? "Loading more…" : "Load more"}
          </button>
        </p>
      ) : null}
    </>
  );
}

function RowWithAfter({ children, after }: { children: ReactNode; after: ReactNode }) {
  return (
    <>
      {children}
      {after ?? null}
    </>
  );
}
