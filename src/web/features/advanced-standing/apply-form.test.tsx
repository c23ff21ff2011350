import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { render, type Rendered } from "../../testing/render";
import type { AgreementView, PartnerList } from "../../../common/schemas/advanced-standing";
import type { MyCredentialView } from "../../../common/schemas/results";
import { ApplyForStandingForm } from "./apply-form";

const institution = { id: "i1", name: "Piedmont Valley Community College", city: "Richmond", state: "VA", website: null };
const agreement = (id: string, credential: string, programName: string, credits: number): AgreementView => ({
  id, institution, credential, credentialName: credential, programName, programCode: null, courses: [], credits,
  earnedWithinYears: null, conditions: null, effectiveFrom: "2025-01-01", effectiveTo: null, inEffect: true,
});
const partners: PartnerList = {
  items: [{ ...institution, agreements: [agreement("a1", "MT1", "A.A.S. in Manufacturing Technology", 6), agreement("a2", "MS", "Certificate in Production", 3)] }],
  creditsCap: 6, nextCursor: null,
};
const credential = (certificateNumber: string, type: string, status = "active"): MyCredentialView => ({ certificateNumber, type, issuedOn: "2025-05-01", status });

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
});

const show = (credentials: MyCredentialView[]) =>
  (rendered = render(
    <QueryClientProvider client={new QueryClient()}>
      <ApplyForStandingForm credentials={credentials} partners={partners} nameOf={(t) => t} />
    </QueryClientProvider>,
  ));

const options = (select: Element | null) => [...(select?.querySelectorAll("option") ?? [])].map((o) => o.textContent);

describe("ApplyForStandingForm", () => {
  it("offers only active certificates an agreement covers, and only the agreements for the chosen one", () => {
    const { container } = show([credential("MT1-AAAAA-AAAAA-A", "MT1"), credential("MT1-BBBBB-BBBBB-B", "MT1", "revoked"), credential("MT1-CCCCC-CCCCC-C", "QBA")]);
    expect(options(container.querySelector("select[name=certificateNumber]"))).toEqual(["MT1 — MT1-AAAAA-AAAAA-A"]);
    expect(options(container.querySelector("select[name=agreementId]"))).toEqual(["Piedmont Valley Community College — A.A.S. in Manufacturing Technology, up to 6 credits"]);
    expect(container.textContent).toContain("Leave empty to ask for all 6. At most 6 in all at one institution.");
  });

  it("says so when no certificate is covered", () => {
    const { container } = show([credential("MT1-CCCCC-CCCCC-C", "QBA")]);
    expect(container.querySelector("form")).toBeNull();
    expect(container.textContent).toContain("None of your active certificates is covered by a partner's agreement yet.");
  });
});
