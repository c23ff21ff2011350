import { afterEach, describe, expect, it, vi } from "vitest";
import { buttonNamed, click, render, type Rendered } from "../testing/render";
import { DataTable, type Column } from "./data-table";

interface Person {
  id: string;
  name: string;
  joined: string | null;
}

const columns: Column<Person>[] = [
  { id: "name", header: "Name", rowHeader: true, cell: (p) => p.name, sortValue: (p) => p.name },
  { id: "joined", header: "Joined", cell: (p) => p.joined ?? "—", sortValue: (p) => p.joined },
  { id: "note", header: "Note", cell: () => "x" },
];

const people: Person[] = [
  { id: "1", name: "Carol", joined: "2024-03-01" },
  { id: "2", name: "Alice", joined: null },
  { id: "3", name: "Bob", joined: "2023-01-15" },
];

let view: Rendered | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const rowHeaders = (container: HTMLElement) => [...container.querySelectorAll("tbody th[scope=row]")].map((th) => th.textContent);
const header = (container: HTMLElement, name: string) => [...container.querySelectorAll("thead th")].find((th) => th.textContent?.startsWith(name))!;

describe("DataTable", () => {
  it("names the table by its caption and heads each row", () => {
    view = render(<DataTable caption="People" columns={columns} rows={people} rowKey={(p) => p.id} empty="Nobody." />);
    const table = view.container.querySelector("table")!;
    expect(table.querySelector("caption")?.textContent).toBe("People");
    expect(view.container.querySelector("[role=region]")?.getAttribute("aria-label")).toBe("People");
    expect(rowHeaders(view.container)).toEqual(["Carol", "Alice", "Bob"]);
    // Only columns with a sort value get a sort button.
    expect(header(view.container, "Note").querySelector("button")).toBeNull();
  });

  it("sorts by a column, ascending then descending, and says so with aria-sort and in the caption", () => {
    view = render(<DataTable caption="People" columns={columns} rows={people} rowKey={(p) => p.id} empty="Nobody." />);
    const name = header(view.container, "Name");
    expect(name.getAttribute("aria-sort")).toBeNull();
    click(name.querySelector("button"));
    expect(header(view.container, "Name").getAttribute("aria-sort")).toBe("ascending");
    expect(rowHeaders(view.container)).toEqual(["Alice", "Bob", "Carol"]);
    expect(view.container.querySelector("caption")?.textContent).toBe("People, sorted by Name ascending");
    click(header(view.container, "Name").querySelector("button"));
    expect(header(view.container, "Name").getAttribute("aria-sort")).toBe("descending");
    expect(rowHeaders(view.container)).toEqual(["Carol", "Bob", "Alice"]);
  });

  it("keeps rows without a value last whichever way a column is sorted", () => {
    view = render(<DataTable caption="People" columns={columns} rows={people} rowKey={(p) => p.id} empty="Nobody." initialSort={{ id: "joined" }} />);
    expect(rowHeaders(view.container)).toEqual(["Bob", "Carol", "Alice"]);
    click(header(view.container, "Joined").querySelector("button"));
    expect(rowHeaders(view.container)).toEqual(["Carol", "Bob", "Alice"]);
  });

  it("pages the loaded rows, with the page announced and the ends disabled", () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ id: String(i), name: `Person ${i + 1}`, joined: null }));
    view = render(<DataTable caption="People" columns={columns} rows={many} rowKey={(p) => p.id} empty="Nobody." pageSize={2} />);
    const pager = view.container.querySelector("nav[aria-label='People pages']")!;
    expect(pager.textContent).toContain("Page 1 of 3");
    expect(rowHeaders(view.container)).toEqual(["Person 1", "Person 2"]);
    expect(buttonNamed(view.container, "Previous page")?.disabled).toBe(true);
    click(buttonNamed(view.container, "Next page"));
    click(buttonNamed(view.container, "Next page"));
    expect(rowHeaders(view.container)).toEqual(["Person 5"]);
    expect(view.container.textContent).toContain("Page 3 of 3");
    expect(buttonNamed(view.container, "Next page")?.disabled).toBe(true);
  });

  it("offers the server's next rows only on the last page", () => {
    const many = Array.from({ length: 3 }, (_, i) => ({ id: String(i), name: `Person ${i + 1}`, joined: null }));
    const fetchNextPage = vi.fn();
    const more = { hasNextPage: true, isFetchingNextPage: false, fetchNextPage };
    view = render(<DataTable caption="People" columns={columns} rows={many} rowKey={(p) => p.id} empty="Nobody." pageSize={2} more={more} />);
    expect(buttonNamed(view.container, "Load more")).toBeUndefined();
    click(buttonNamed(view.container, "Next page"));
    click(buttonNamed(view.container, "Load more"));
    expect(fetchNextPage).toHaveBeenCalledTimes(1);
  });

  it("says what an empty list means instead of drawing an empty table", () => {
    view = render(<DataTable caption="People" columns={columns} rows={[]} rowKey={(p) => p.id} empty="Nobody has joined yet." />);
    expect(view.container.querySelector("table")).toBeNull();
    expect(view.container.querySelector(".table-empty")?.textContent).toBe("Nobody has joined yet.");
  });

  it("shows loading, then an error with a retry, from the query's status", () => {
    const refetch = vi.fn();
    const base = { isPending: true, isError: false, error: null, refetch };
    view = render(<DataTable caption="People" columns={columns} rows={[]} rowKey={(p) => p.id} empty="Nobody." status={base} />);
    expect(view.container.querySelector("[role=status]")?.textContent).toBe("Loading people…");
    view.rerender(<DataTable caption="People" columns={columns} rows={[]} rowKey={(p) => p.id} empty="Nobody." status={{ ...base, isPending: false, isError: true, error: new Error("Server down") }} />);
    expect(view.container.querySelector("[role=alert]")?.textContent).toContain("Server down");
    click(buttonNamed(view.container, "Try again"));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it("renders a row's extra row (an inline form) right after it", () => {
    view = render(
      <DataTable
        caption="People"
        columns={columns}
        rows={people}
        rowKey={(p) => p.id}
        empty="Nobody."
        after={(p) => (p.id === "2" ? <tr className="edit-row"><td colSpan={3}>Editing Alice</td></tr> : null)}
      />,
    );
    const rows = [...view.container.querySelectorAll("tbody tr")].map((tr) => tr.textContent);
    expect(rows[2]).toBe("Editing Alice");
    expect(rows).toHaveLength(4);
  });
});
