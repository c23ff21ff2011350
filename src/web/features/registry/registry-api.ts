// Calls of the registry API (src/server/modules/registry): the public lookup and search, bulk
// verification, and the staff side (one credential, revoke, reinstate, figures, export). Shapes: src/common/schemas/registry.ts.
import { formatCalendarDate } from "../../lib/format";
import { useQuery } from "@tanstack/react-query";
import { ApiError, api, getCsrfToken } from "../../api/client";
import type { ApiErrorBody } from "../../api/types";
import type { ProgramView as Program } from "../../../common/schemas/program";
import type { RegistryLookupView, StaffCredentialDetailView, VerifyBody, VerifyView } from "../../../common/schemas/registry";

const enc = encodeURIComponent;

export const registryKeys = {
  lookup: (number: string) => ["registry", "lookup", number] as const,
  search: ["registry", "search"] as const,
  staffCredential: (number: string) => ["admin", "credentials", number] as const,
  figures: ["admin", "registry", "figures"] as const,
};

export const registryLinks = {
  page: (number: string) => `/registry/${enc(number)}`,
  export: "/api/v1/admin/registry/export",
};

export function useRegistryLookup(number: string | undefined) {
  return useQuery({
    queryKey: registryKeys.lookup(number ?? ""),
    queryFn: ({ signal }) => api.get<RegistryLookupView>(`/api/v1/registry/${enc(number!)}`, undefined, signal),
    enabled: !!number,
    // A 4xx is an answer (mistyped, unknown, slow down), not a hiccup worth retrying.
    retry: false,
    staleTime: 0,
  });
}

export function useStaffCredential(number: string | undefined) {
  return useQuery({
    queryKey: registryKeys.staffCredential(number ?? ""),
    queryFn: ({ signal }) => api.get<StaffCredentialDetailView>(`/api/v1/admin/credentials/${enc(number!)}`, undefined, signal),
    enabled: !!number,
    retry: false,
  });
}

export const verifyList = (items: VerifyBody["items"]) => api.post<VerifyView>("/api/v1/registry/verify", { items } satisfies VerifyBody);

/** POSTs a CSV file and resolves with the results CSV (a text body, so not through the JSON client). */
export async function verifyCsvFile(file: Blob): Promise<Blob> {
  const headers: Record<string, string> = { "Content-Type": "text/csv", Accept: "text/csv" };
  const token = getCsrfToken();
  if (token) headers["X-CSRF-Token"] = token;
  let response: Response;
  try {
    response = await fetch("/api/v1/registry/verify.csv", { method: "POST", credentials: "same-origin", headers, body: file });
  } catch {
    throw new ApiError(0, "NETWORK_ERROR", "The server could not be reached. Check your connection and try again.");
  }
  if (response.ok) return response.blob();
  const body = (await response.json().catch(() => undefined)) as ApiErrorBody | undefined;
  if (body?.error) throw new ApiError(response.status, body.error.code, body.error.message, body.error.details);
  if (response.status === 413) throw new ApiError(413, "PAYLOAD_TOO_LARGE", "The file is larger than 1 MB. Split it and try again.");
  throw new ApiError(response.status, `HTTP_${response.status}`, `The server answered ${response.status}.`);
}

/** "Manufacturing Technician Level 1" for MT1, "Math and Measurement" for MM. */
export function credentialName(program: Program | undefined, type: string): string {
  return program?.credentials.find((c) => c.code === type)?.name ?? program?.modules.find((m) => m.code === type)?.name ?? type;
}

/** A YYYY-MM-DD date written out in full, without the time zone shifting it a day. */
export const formatDay = (day: string | null | undefined): string => formatCalendarDate(day, "long");

export const US_STATES = [
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS",
  "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
  "WI", "WY",
] as const;
