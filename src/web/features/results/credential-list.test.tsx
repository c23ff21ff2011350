import { afterEach, describe, expect, it } from "vitest";
import { MemoryRouter } from "react-router";
import programJson from "../../../../program/mt1/program.json";
import type { Program } from "../../api/types";
import type { MyCredentialView } from "../../../common/schemas/results";
import { render, type Rendered } from "../../testing/render";
import { CredentialList } from "./credential-list";

const program = programJson as unknown as Program;
const credential = (type: string, certificateNumber: string, status: MyCredentialView["status"] = "active"): MyCredentialView =>
  ({ type, certificateNumber, issuedOn: "2025-06-20", status }) as MyCredentialView;

describe("the holder's credential list", () => {
  let view: Rendered | undefined;
  afterEach(() => view?.unmount());

  const itemOf = (container: HTMLElement, heading: RegExp) => [...container.querySelectorAll("li.credential")].find((li) => heading.test(li.querySelector("h2")?.textContent ?? ""))!;
  const link = (item: Element, name: RegExp) => [...item.querySelectorAll("a")].find((a) => name.test(a.textContent ?? ""));

  it("names the downloads after the certificate, links LinkedIn with the credential's facts and states the stack of MS and MT1", () => {
    view = render(
      <MemoryRouter>
        <CredentialList credentials={[credential("MM", "MT1-AAAAA-BBBBB-C"), credential("MT1", "MT1-DDDDD-EEEEE-F")]} program={program} ncrc={{ level: "Gold", verified: true }} />
      </MemoryRouter>,
    );
    const mt1 = itemOf(view.container, /Manufacturing Technician Level 1/);
    expect(link(mt1, /Download badge/)?.getAttribute("download")).toBe("MT1-DDDDD-EEEEE-F-badge.json");
    expect(link(mt1, /Download certificate/)?.getAttribute("download")).toBe("MT1-DDDDD-EEEEE-F-certificate.pdf");
    expect(mt1.textContent).toContain("MT1, stacked on NCRC Gold (verified)");
    const linkedIn = new URL(link(mt1, /Add to LinkedIn profile/)!.href);
    expect(linkedIn.searchParams.get("name")).toBe("Manufacturing Technician Level 1");
    expect(linkedIn.searchParams.get("organizationName")).toBe("Manufacturing Skills Institute");
    expect(linkedIn.searchParams.get("certUrl")).toBe(`${window.location.origin}/credentials/MT1-DDDDD-EEEEE-F`);
    expect(linkedIn.searchParams.get("certId")).toBe("MT1-DDDDD-EEEEE-F");
    expect(link(mt1, /Public credential page/)?.getAttribute("href")).toBe("/credentials/MT1-DDDDD-EEEEE-F");
    expect(itemOf(view.container, /Math and Measurement/).textContent).not.toContain("stacked on");
  });

  it("offers no LinkedIn link or download for a revoked certificate", () => {
    view = render(<MemoryRouter><CredentialList credentials={[credential("MS", "MT1-GGGGG-HHHHH-J", "revoked")]} program={program} /></MemoryRouter>);
    const ms = itemOf(view.container, /Manufacturing Specialist/);
    expect(link(ms, /Add to LinkedIn profile/)).toBeUndefined();
    expect(link(ms, /Download/)).toBeUndefined();
    expect(link(ms, /Public credential page/)).toBeDefined();
  });
});
