import { act } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { render, type Rendered } from "../../testing/render";
import type { ConsentView, MySponsorList } from "../../../common/schemas/organisations";
import { SharingSection } from "./sharing-section";

const organisation = { id: "org-1", kind: "employer" as const, name: "Ridge Tool and Die", website: null, city: null, state: null, createdAt: "2026-12-01T00:00:00.000Z" };
const seat = { id: "seat-1", kind: "learning_lab" as const, title: "MT1 Online Learning Lab: Math and Measurement", email: "sal@example.com", status: "confirmed", voucherCode: null, createdAt: "2026-12-01T00:00:00.000Z" };
const consent: ConsentView = { id: "c-1", organisationId: "org-1", scope: "results", grantedAt: "2026-12-02T10:00:00.000Z", withdrawnAt: null };

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  vi.unstubAllGlobals();
});

const settle = () => act(async () => { await new Promise((r) => setTimeout(r, 20)); });
const button = (name: string) => [...rendered!.container.querySelectorAll("button")].find((b) => b.textContent === name);

describe("SharingSection", () => {
  it("shares nothing until the candidate says so, then offers to stop; each click is one request", async () => {
    let shared = false;
    const writes: { url: string; body: unknown }[] = [];
    vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === "POST") {
        writes.push({ url, body: init.body ? JSON.parse(init.body as string) : null });
        shared = url === "/api/v1/me/consents";
        return new Response(JSON.stringify(shared ? consent : { ...consent, withdrawnAt: "2026-12-03T00:00:00.000Z" }), { status: url.endsWith("/withdraw") ? 200 : 201, headers: { "content-type": "application/json" } });
      }
      const list: MySponsorList = { items: [{ organisation, sponsorships: [seat], consent: shared ? consent : null }], nextCursor: null };
      return new Response(JSON.stringify(list), { status: 200, headers: { "content-type": "application/json" } });
    }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    rendered = render(<QueryClientProvider client={client}><SharingSection /></QueryClientProvider>);
    await settle();
    expect(rendered.container.textContent).toContain("Your results are not shared with them.");
    await act(async () => button("Share my results with Ridge Tool and Die")!.click());
    await settle();
    expect(writes).toEqual([{ url: "/api/v1/me/consents", body: { organisationId: "org-1", scope: "results" } }]);
    expect(rendered.container.textContent).toContain("You share your results with them (since 2026-12-02).");
    expect(rendered.container.querySelector('[role="status"]')?.textContent).toBe("Ridge Tool and Die can now see your module results and certificates.");
    await act(async () => button("Stop sharing with Ridge Tool and Die")!.click());
    await settle();
    expect(writes[1]).toEqual({ url: "/api/v1/me/consents/c-1/withdraw", body: {} });
    expect(rendered.container.textContent).toContain("Your results are not shared with them.");
  });

  it("shows nothing to someone no organisation sponsors, and only the chosen sponsor when limited", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify({ items: [{ organisation, sponsorships: [seat], consent: null }], nextCursor: null }), { status: 200, headers: { "content-type": "application/json" } })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    rendered = render(<QueryClientProvider client={client}><SharingSection only={(s) => s.sponsorships.some((x) => x.id === "another-seat")} /></QueryClientProvider>);
    await settle();
    expect(rendered.container.textContent).toBe("");
    rendered.rerender(<QueryClientProvider client={client}><SharingSection only={(s) => s.sponsorships.some((x) => x.id === "seat-1")} /></QueryClientProvider>);
    expect(rendered.container.querySelector("h2")?.textContent).toBe("Sharing your results with sponsors");
  });
});
