import { afterEach, describe, expect, it } from "vitest";
import { render, type Rendered } from "../../testing/render";
import { LearnerRecordLink } from "./learner-record-link";

const credential = (type: string, status: string) => ({ certificateNumber: `MT1-AAAAA-AAAA${type.length}-A`, type, issuedOn: "2026-03-02", status });
const holder = { firstName: "Zoë", lastName: "Jordan" };

describe("LearnerRecordLink", () => {
  let view: Rendered | undefined;
  afterEach(() => view?.unmount());

  it("offers the record, named after the holder, when they hold an active certificate", () => {
    view = render(<LearnerRecordLink credentials={[credential("MM", "revoked"), credential("QBA", "active")]} program={undefined} holder={holder} />);
    const link = view.container.querySelector("a")!;
    expect(link.textContent).toBe("Download my learner record (CLR 2.0)");
    expect(link.getAttribute("href")).toBe("/api/v1/me/clr");
    expect(link.getAttribute("download")).toBe("MT1-learner-record-Zoe-Jordan.json");
    expect(view.container.querySelector("h2")?.textContent).toBe("Your learner record");
  });

  it("shows nothing when no certificate is active (the API would answer 404)", () => {
    view = render(<LearnerRecordLink credentials={[credential("MM", "revoked"), credential("SRMT", "withdrawn")]} program={undefined} holder={holder} />);
    expect(view.container.innerHTML).toBe("");
  });
});
